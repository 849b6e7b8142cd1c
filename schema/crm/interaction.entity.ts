import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

export enum InteractionKind {
  MEETING = 'MEETING',
  CALL = 'CALL',
  SMS = 'SMS',
  EMAIL = 'EMAIL',
  NOTE = 'NOTE',
}

export enum InteractionDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}

export enum CallOutcome {
  REACHED = 'REACHED',
  NO_ANSWER = 'NO_ANSWER',
  BUSY = 'BUSY',
  VOICEMAIL = 'VOICEMAIL',
  WRONG_NUMBER = 'WRONG_NUMBER',
}

/**
 * Something that happened with a person or customer: a meeting, a call, a message, a note.
 * Tied to a person and/or their customer, and maybe a deal; a person (or deal) deleted later leaves
 * the interaction on the customer (the reference is cleared, the record stays).
 */
@Entity({ tableName: 'crm_interactions' })
@TenantFilter()
@Index({ name: 'crm_interactions_occurred_idx', properties: ['tenantId', 'occurredAt', 'id'] })
@Index({ name: 'crm_interactions_contact_idx', properties: ['tenantId', 'contactId', 'occurredAt'] })
@Index({ name: 'crm_interactions_customer_idx', properties: ['tenantId', 'customerId', 'occurredAt'] })
@Index({ name: 'crm_interactions_deal_idx', expression: `create index "crm_interactions_deal_idx" on "crm_interactions" ("tenant_id", "deal_id", "occurred_at") where deal_id is not null` })
export class Interaction extends TenantOwnedEntity {
  @Enum({ items: () => InteractionKind, nativeEnumName: 'crm_interaction_kind' })
  kind!: InteractionKind;

  @Enum({ items: () => InteractionDirection, nativeEnumName: 'crm_interaction_direction', nullable: true })
  direction?: InteractionDirection | null;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  /** Calls and meetings. */
  @Property({ type: 'integer', nullable: true })
  durationSeconds?: number | null;

  @Enum({ items: () => CallOutcome, nativeEnumName: 'crm_call_outcome', nullable: true })
  outcome?: CallOutcome | null;

  /** A short line (an email's subject, a meeting's topic). */
  @Property({ type: 'text', nullable: true })
  subject?: string | null;

  @Property({ type: 'text', nullable: true })
  body?: string | null;

  @Property({ type: 'uuid', nullable: true })
  contactId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  customerId?: string | null;

  /** The deal it was about, if any; it counts as activity on the deal. */
  @Property({ type: 'uuid', nullable: true })
  dealId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  createdById?: string | null;
}
