import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';
import { MarketingChannel } from './template.entity.js';

/**
 * QUEUED when the audience is fixed (HELD: the rest of an A/B test, waiting for the winner);
 * SENDING once a worker has claimed it; SENT when the provider took it; then DELIVERED, BOUNCED or
 * FAILED as reports come back. SKIPPED: suppressed or without consent by the time its turn came.
 */
export enum DeliveryStatus {
  QUEUED = 'QUEUED',
  HELD = 'HELD',
  SENDING = 'SENDING',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  BOUNCED = 'BOUNCED',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}

/**
 * One recipient of one campaign on one channel: the row a worker claims before the message leaves,
 * so a retried or restarted worker never sends it twice and never skips it.
 */
@Entity({ tableName: 'mkt_deliveries' })
@TenantFilter()
@Unique({ name: 'mkt_deliveries_recipient_key', properties: ['tenantId', 'campaignId', 'contactId', 'channel'] })
@Index({ name: 'mkt_deliveries_queue_idx', properties: ['tenantId', 'campaignId', 'status', 'id'] })
@Index({ name: 'mkt_deliveries_contact_idx', properties: ['tenantId', 'contactId', 'createdAt'] })
@Index({ name: 'mkt_deliveries_provider_idx', properties: ['tenantId', 'providerMessageId'] })
export class Delivery extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  campaignId!: string;

  /** Cleared if the person is deleted later; the address stays for the campaign's figures. */
  @Property({ type: 'uuid', nullable: true })
  contactId?: string | null;

  @Enum({ items: () => MarketingChannel, nativeEnumName: 'mkt_channel' })
  channel!: MarketingChannel;

  /** A lower-case email address or an E.164 number. */
  @Property({ type: 'text' })
  address!: string;

  /** 'A' or 'B' in an A/B test. */
  @Property({ type: 'text', nullable: true })
  variant?: string | null;

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
}
