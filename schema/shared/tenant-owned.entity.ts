import { Filter, PrimaryKey, PrimaryKeyProp, Property, type Opt } from '@mikro-orm/core';
import { newId } from './ids.js';

export const TENANT_FILTER = 'tenant';

export interface TenantFilterArgs {
  tenantId: string;
}

/**
 * The ORM layer of tenant isolation: on by default, and it fails closed (MikroORM throws when the
 * tenant argument was never set on the EntityManager).
 */
export const TenantFilter = (): ClassDecorator =>
  Filter({ name: TENANT_FILTER, cond: (args: TenantFilterArgs) => ({ tenantId: args.tenantId }), default: true });

/**
 * Base of every tenant-owned row. The primary key is (tenant_id, id) so that the table can be
 * distributed by tenant_id (Citus) and references between tenant tables carry the tenant.
 */
export abstract class TenantOwnedEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = newId();

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
