import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';
import { DeliveryStatus } from './delivery.entity.js';
import { MarketingChannel } from './template.entity.js';

/**
 * The message of one send step for one run: claimed before it leaves (QUEUED → SENDING → SENT, as
 * campaign deliveries are), unique per (run, step), so a retried or restarted worker never sends it
 * twice. Its id is the "delivery" its signed links name; tracking columns mirror mkt_deliveries.
 */
@Entity({ tableName: 'mkt_automation_sends' })
@TenantFilter()
@Unique({ name: 'mkt_automation_sends_step_key', properties: ['tenantId', 'runId', 'stepId'] })
@Index({ name: 'mkt_automation_sends_automation_idx', properties: ['tenantId', 'automationId', 'status'] })
@Index({ name: 'mkt_automation_sends_contact_idx', properties: ['tenantId', 'contactId', 'createdAt'] })
@Index({ name: 'mkt_automation_sends_provider_idx', properties: ['tenantId', 'providerMessageId'] })
export class AutomationSend extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  automationId!: string;

  @Property({ type: 'uuid' })
  runId!: string;

  @Property({ type: 'uuid' })
  stepId!: string;

  @Property({ type: 'uuid' })
  contactId!: string;

  @Property({ type: 'uuid' })
  templateId!: string;

  @Enum({ items: () => MarketingChannel, nativeEnumName: 'mkt_channel' })
  channel!: MarketingChannel;

  /** A lower-case email address or an E.164 number. */
  @Property({ type: 'text' })
  address!: string;

  @Enum({ items: () => DeliveryStatus, nativeEnumName: 'mkt_delivery_status' })
  status!: DeliveryStatus;

  @Property({ type: 'timestamptz', nullable: true })
  claimedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  /** Our Message-ID for email (set before sending), Twilio's SID for SMS. */
  @Property({ type: 'text', nullable: true })
  providerMessageId?: string | null;

  @Property({ type: 'smallint', nullable: true })
  segments?: number | null;

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  openedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  clickedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  unsubscribedAt?: Date | null;

  /** When a spam complaint (an ARF report) about it first came in. */
  @Property({ type: 'timestamptz', nullable: true })
  complainedAt?: Date | null;
}
