import { Entity, Index, Property, type Opt } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/** The tenant's directory of positions (Director, Buyer, Accountant…) that people hold. */
@Entity({ tableName: 'crm_positions' })
@TenantFilter()
@Index({ name: 'crm_positions_name_key', expression: `create unique index "crm_positions_name_key" on "crm_positions" ("tenant_id", lower(name))` })
export class Position extends TenantOwnedEntity {
  @Property({ type: 'text' })
  name!: string;

  /** Whether deciding belongs to this position; shown to salespeople. */
  @Property({ type: 'boolean' })
  decisionMaker: Opt<boolean> = false;
}
