import { Entity, Index, Property } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/** Something a manager must do while a deal is in a stage (send the offer, meet the decision maker). */
@Entity({ tableName: 'crm_stage_checklist_items' })
@TenantFilter()
@Index({ name: 'crm_stage_checklist_items_stage_idx', properties: ['tenantId', 'stageId', 'position'] })
export class StageChecklistItem extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  stageId!: string;

  @Property({ type: 'text' })
  title!: string;

  /** Order inside the stage's checklist, dense from 0. */
  @Property({ type: 'integer' })
  position!: number;
}
