import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { TenantFilter } from '../shared/tenant-owned.entity.js';

/** One row per tenant: company profile defaults the modules read (currency, time zone, language). */
@Entity({ tableName: 'tenant_settings' })
@TenantFilter()
export class TenantSettings {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'text' })
  currency: Opt<string> = 'EUR';

  @Property({ type: 'text' })
  timeZone: Opt<string> = 'UTC';

  @Property({ type: 'text' })
  locale: Opt<string> = 'en';

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
