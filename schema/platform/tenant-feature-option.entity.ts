import { Entity, PrimaryKey, PrimaryKeyProp, Property, type Opt } from '@mikro-orm/core';
import { TenantFilter } from '../shared/tenant-owned.entity.js';

/** A feature option inside a module (for example `CRM.companies`), switched per tenant. */
@Entity({ tableName: 'tenant_feature_options' })
@TenantFilter()
export class TenantFeatureOption {
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
