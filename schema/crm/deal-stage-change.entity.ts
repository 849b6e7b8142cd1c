import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';
import { DealStatus } from './deal.entity.js';

export enum DealStageChangeKind {
  CREATED = 'CREATED',
  MOVED = 'MOVED',
  WON = 'WON',
  LOST = 'LOST',
  REOPENED = 'REOPENED',
}

/**
 * One step of a deal's history: created in a stage, moved between stages, won, lost or reopened.
 * Stage names are kept as they were, so the history reads the same after a stage is renamed or
 * deleted. `checklistDone` of `checklistTotal` counts the items of the stage the deal left (or was
 * closed in) that were done at that moment, so reports can tell whether the stage's work was done.
 */
@Entity({ tableName: 'crm_deal_stage_changes' })
@TenantFilter()
@Index({ name: 'crm_deal_stage_changes_deal_idx', properties: ['tenantId', 'dealId', 'changedAt', 'id'] })
@Index({ name: 'crm_deal_stage_changes_to_stage_idx', properties: ['tenantId', 'toStageId', 'changedAt'] })
@Index({
  name: 'crm_deal_stage_changes_from_stage_idx',
  expression: `create index "crm_deal_stage_changes_from_stage_idx" on "crm_deal_stage_changes" ("tenant_id", "from_stage_id") where from_stage_id is not null`,
})
export class DealStageChange extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  dealId!: string;

  @Enum({ items: () => DealStageChangeKind, nativeEnumName: 'crm_deal_stage_change_kind' })
  kind!: DealStageChangeKind;

  /** Null when the deal was created, or once that stage is deleted (its name stays). */
  @Property({ type: 'uuid', nullable: true })
  fromStageId?: string | null;

  @Property({ type: 'text', nullable: true })
  fromStageName?: string | null;

  /** Null once that stage is deleted (its name stays). */
  @Property({ type: 'uuid', nullable: true })
  toStageId?: string | null;

  @Property({ type: 'text' })
  toStageName!: string;

  @Enum({ items: () => DealStatus, nativeEnumName: 'crm_deal_status' })
  statusAfter!: DealStatus;

  /** Why it was won or lost, as given when closing. */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'uuid', nullable: true })
  changedById?: string | null;

  @Property({ type: 'timestamptz' })
  changedAt!: Date;

  /** Items of the left stage done on the deal at that moment, and how many the stage had; null on creation. */
  @Property({ type: 'smallint', nullable: true })
  checklistDone?: number | null;

  @Property({ type: 'smallint', nullable: true })
  checklistTotal?: number | null;
}
