import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';
import { InteractionDirection } from './interaction.entity.js';

export enum MessageChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
}

/**
 * Outbound: QUEUED when written, SENDING while a worker holds it (the claim that keeps a retried job
 * from sending twice), then SENT (the provider took it), DELIVERED (the provider reported delivery)
 * or FAILED. Inbound messages are RECEIVED.
 */
export enum MessageStatus {
  QUEUED = 'QUEUED',
  SENDING = 'SENDING',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  RECEIVED = 'RECEIVED',
}

/**
 * One email or SMS to or from a person: what was sent, to which address, and how its delivery went.
 * The interaction it produced carries it into the timeline; a person (or customer) deleted later
 * leaves the message with the reference cleared. An inbound email from an unknown sender has no
 * person until someone attaches it.
 */
@Entity({ tableName: 'crm_messages' })
@TenantFilter()
@Index({ name: 'crm_messages_created_idx', properties: ['tenantId', 'createdAt', 'id'] })
@Index({ name: 'crm_messages_contact_idx', properties: ['tenantId', 'contactId', 'createdAt', 'id'] })
@Index({ name: 'crm_messages_customer_idx', properties: ['tenantId', 'customerId', 'createdAt', 'id'] })
@Index({ name: 'crm_messages_interaction_idx', properties: ['tenantId', 'interactionId'] })
// Threading looks up the Message-IDs named by In-Reply-To and References.
@Index({ name: 'crm_messages_provider_idx', properties: ['tenantId', 'providerMessageId'] })
@Index({
  name: 'crm_messages_unmatched_idx',
  expression: `create index "crm_messages_unmatched_idx" on "crm_messages" ("tenant_id", "created_at", "id") where contact_id is null and direction = 'INBOUND'`,
})
// A mail gateway that retries a delivery must not record the same inbound email twice.
@Unique({
  name: 'crm_messages_inbound_key',
  expression: `create unique index "crm_messages_inbound_key" on "crm_messages" ("tenant_id", "provider_message_id") where direction = 'INBOUND' and provider_message_id is not null`,
})
export class Message extends TenantOwnedEntity {
  @Enum({ items: () => MessageChannel, nativeEnumName: 'crm_message_channel' })
  channel!: MessageChannel;

  @Enum({ items: () => InteractionDirection, nativeEnumName: 'crm_interaction_direction' })
  direction!: InteractionDirection;

  @Enum({ items: () => MessageStatus, nativeEnumName: 'crm_message_status' })
  status!: MessageStatus;

  @Property({ type: 'uuid', nullable: true })
  contactId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  customerId?: string | null;

  /** The deal it was about; a plain id until deals can be referenced. */
  @Property({ type: 'uuid', nullable: true })
  dealId?: string | null;

  /** The sender: our address or number for outbound messages (null until known), theirs for inbound. */
  @Property({ type: 'text', nullable: true })
  fromAddress?: string | null;

  /** The recipient: a lower-case email address or an E.164 number. */
  @Property({ type: 'text' })
  toAddress!: string;

  /** Email only. */
  @Property({ type: 'text', nullable: true })
  subject?: string | null;

  /** The text sent or received (an HTML-only email as text). */
  @Property({ type: 'text' })
  body!: string;

  /** Twilio's message SID, or the email's Message-ID (ours, generated before sending, for outbound). */
  @Property({ type: 'text', nullable: true })
  providerMessageId?: string | null;

  /** Email: the Message-ID this one answers. */
  @Property({ type: 'text', nullable: true })
  inReplyTo?: string | null;

  /** Email: the Message-ID of the conversation's first message; every message of a thread shares it. */
  @Property({ type: 'text', nullable: true })
  threadKey?: string | null;

  /** Why sending failed. */
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  /** SMS: parts the text is sent in (GSM-7 or UCS-2). */
  @Property({ type: 'smallint', nullable: true })
  segments?: number | null;

  /** Outbound: when the provider took it. Inbound: the date the sender gave it. */
  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  /** The timeline record it produced (none for an inbound email nobody has attached yet). */
  @Property({ type: 'uuid', nullable: true })
  interactionId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  createdById?: string | null;
}
