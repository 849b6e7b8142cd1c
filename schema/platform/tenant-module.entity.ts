import { Entity, PrimaryKey, PrimaryKeyProp, Property, type Opt } from '@mikro-orm/core';
import { TenantFilter } from '../shared/tenant-owned.entity.js';

/** Whether a module is switched on for a tenant. Switching off only flips this flag: data stays. */
@Entity({ tableName: 'tenant_modules' })
@TenantFilter()
export class TenantModule {
  [PrimaryKeyProp]?: ['tenantId', 'key'];

  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'boolean' })
  enabled!: boolean;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
