import { Entity, Enum, Index, Property, type Opt } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';
import { SourceChannel } from './customer.entity.js';

export enum DealStatus {
  OPEN = 'OPEN',
  WON = 'WON',
  LOST = 'LOST',
}

/**
 * A sale in progress with a customer, in one stage of one pipeline. Open deals have a `position`
 * inside their stage's board column (dense from 0); won and lost deals leave the board (null).
 * The reference to the stage carries the pipeline, so a deal can never sit in another pipeline's
 * stage. `probability` is the deal's own override; null follows the stage.
 */
// Indexes match the list's sort keys, the board's column order and the search expression of deal.service.ts.
@Entity({ tableName: 'crm_deals' })
@TenantFilter()
@Index({ name: 'crm_deals_created_idx', properties: ['tenantId', 'createdAt', 'id'] })
@Index({ name: 'crm_deals_updated_idx', properties: ['tenantId', 'updatedAt', 'id'] })
@Index({ name: 'crm_deals_close_date_idx', properties: ['tenantId', 'expectedCloseDate', 'id'] })
@Index({ name: 'crm_deals_amount_idx', properties: ['tenantId', 'amount', 'id'] })
@Index({ name: 'crm_deals_title_idx', expression: `create index "crm_deals_title_idx" on "crm_deals" ("tenant_id", lower(title), "id")` })
@Index({ name: 'crm_deals_search_idx', expression: `create index "crm_deals_search_idx" on "crm_deals" using gin ("title" gin_trgm_ops)` })
@Index({ name: 'crm_deals_stage_idx', properties: ['tenantId', 'pipelineId', 'stageId', 'status'] })
@Index({
  name: 'crm_deals_board_idx',
  expression: `create index "crm_deals_board_idx" on "crm_deals" ("tenant_id", "stage_id", "position", "id") where status = 'OPEN'`,
})
@Index({ name: 'crm_deals_customer_idx', properties: ['tenantId', 'customerId', 'createdAt', 'id'] })
@Index({
  name: 'crm_deals_contact_idx',
  expression: `create index "crm_deals_contact_idx" on "crm_deals" ("tenant_id", "contact_id") where contact_id is not null`,
})
@Index({
  name: 'crm_deals_source_event_idx',
  expression: `create index "crm_deals_source_event_idx" on "crm_deals" ("tenant_id", "source_event_id") where source_event_id is not null`,
})
@Index({ name: 'crm_deals_owner_idx', properties: ['tenantId', 'ownerId'] })
@Index({ name: 'crm_deals_custom_fields_idx', expression: `create index "crm_deals_custom_fields_idx" on "crm_deals" using gin ("custom_fields" jsonb_path_ops)` })
export class Deal extends TenantOwnedEntity {
  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'uuid' })
  customerId!: string;

  /** A person of the deal's customer (or of no customer). */
  @Property({ type: 'uuid', nullable: true })
  contactId?: string | null;

  @Property({ type: 'uuid' })
  pipelineId!: string;

  @Property({ type: 'uuid' })
  stageId!: string;

  /** Index in the stage's board column while open; null once won or lost. */
  @Property({ type: 'integer', nullable: true })
  position?: number | null;

  /** Exact, in `currency`; both or neither. */
  @Property({ type: 'decimal', precision: 19, scale: 4, nullable: true })
  amount?: string | null;

  @Property({ type: 'text', nullable: true })
  currency?: string | null;

  @Property({ type: 'date', nullable: true })
  expectedCloseDate?: string | null;

  /** The member responsible for the deal. */
  @Property({ type: 'uuid', nullable: true })
  ownerId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  createdById?: string | null;

  /** Where the deal came from: the customer's attribution when it was created, unless given. */
  @Enum({ items: () => SourceChannel, nativeEnumName: 'crm_source_channel', nullable: true })
  sourceChannel?: SourceChannel | null;

  @Property({ type: 'text', nullable: true })
  utmSource?: string | null;

  @Property({ type: 'text', nullable: true })
  utmMedium?: string | null;

  @Property({ type: 'text', nullable: true })
  utmCampaign?: string | null;

  @Enum({ items: () => DealStatus, nativeEnumName: 'crm_deal_status' })
  status: Opt<DealStatus> = DealStatus.OPEN;

  @Property({ type: 'text', nullable: true })
  closeReason?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  /** 0–100; null: the stage's probability. */
  @Property({ type: 'smallint', nullable: true })
  probability?: number | null;

  @Property({ type: 'timestamptz' })
  stageEnteredAt: Opt<Date> = new Date();

  /** The last stage change, interaction logged with it, checklist item done or edit. */
  @Property({ type: 'timestamptz' })
  lastActivityAt: Opt<Date> = new Date();

  /** The marketing event that brought the deal, if one did. */
  @Property({ type: 'uuid', nullable: true })
  sourceEventId?: string | null;

  /** Values of the tenant's deal fields, by field key (see custom-field.entity.ts). */
  @Property({ type: 'jsonb' })
  customFields: Opt<Record<string, unknown>> = {};
}
