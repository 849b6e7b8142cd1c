import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/** A checklist item done on a deal: by whom and when. Undoing it deletes the mark. */
@Entity({ tableName: 'crm_deal_checklist_marks' })
@TenantFilter()
@Unique({ name: 'crm_deal_checklist_marks_item_key', properties: ['tenantId', 'dealId', 'itemId'] })
@Index({ name: 'crm_deal_checklist_marks_item_idx', properties: ['tenantId', 'itemId'] })
export class DealChecklistMark extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  dealId!: string;

  @Property({ type: 'uuid' })
  itemId!: string;

  /** The member who did it; null for an API key (or once they are gone). */
  @Property({ type: 'uuid', nullable: true })
  doneById?: string | null;

  @Property({ type: 'timestamptz' })
  doneAt!: Date;
}
