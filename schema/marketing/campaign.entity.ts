import { Entity, Enum, Index, Property, type Opt } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';
import { MarketingChannel } from './template.entity.js';

/**
 * DRAFT → SCHEDULED (a send time) or straight to SENDING; SENDING ⇄ PAUSED; SENT when every
 * recipient is done; CANCELLED from any state before SENT (what was sent stays sent).
 */
export enum CampaignStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  SENDING = 'SENDING',
  PAUSED = 'PAUSED',
  SENT = 'SENT',
  CANCELLED = 'CANCELLED',
}

/** A mailing to an audience: one template (and optionally a B variant tested on a share of it). */
@Entity({ tableName: 'mkt_campaigns' })
@TenantFilter()
@Index({ name: 'mkt_campaigns_created_idx', properties: ['tenantId', 'createdAt', 'id'] })
@Index({ name: 'mkt_campaigns_status_idx', properties: ['tenantId', 'status', 'sendAt'] })
export class Campaign extends TenantOwnedEntity {
  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => MarketingChannel, nativeEnumName: 'mkt_channel' })
  channel!: MarketingChannel;

  @Property({ type: 'uuid' })
  templateId!: string;

  @Enum({ items: () => CampaignStatus, nativeEnumName: 'mkt_campaign_status' })
  status: Opt<CampaignStatus> = CampaignStatus.DRAFT;

  /** The audience: contact or customer segments and lists, united and deduplicated at start. */
  @Property({ type: 'uuid[]' })
  segmentIds: Opt<string[]> = [];

  @Property({ type: 'uuid[]' })
  listIds: Opt<string[]> = [];

  /** When it starts, as the instant and the zone the user chose it in (for showing it back). */
  @Property({ type: 'timestamptz', nullable: true })
  sendAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  timeZone?: string | null;

  /** At most this many messages a minute (null: the channel's default). */
  @Property({ type: 'integer', nullable: true })
  throttlePerMinute?: number | null;

  /** SMS: no message leaves between these local hours of the recipient's time zone (start inclusive). */
  @Property({ type: 'smallint', nullable: true })
  quietHoursStart?: number | null;

  @Property({ type: 'smallint', nullable: true })
  quietHoursEnd?: number | null;

  /** A/B test: variant B's template, the share of the audience (percent, split evenly A/B) it is tried on, and when the winner goes to the rest. */
  @Property({ type: 'uuid', nullable: true })
  variantTemplateId?: string | null;

  @Property({ type: 'smallint', nullable: true })
  testSharePercent?: number | null;

  @Property({ type: 'timestamptz', nullable: true })
  winnerAt?: Date | null;

  /** 'A' or 'B' once chosen (by unique opens, then clicks). */
  @Property({ type: 'text', nullable: true })
  winner?: string | null;

  /** What the campaign cost (for its return), in the currency given. */
  @Property({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  costAmount?: string | null;

  @Property({ type: 'text', nullable: true })
  costCurrency?: string | null;

  /** Recipients fixed when sending started. */
  @Property({ type: 'integer', nullable: true })
  audienceSize?: number | null;

  @Property({ type: 'timestamptz', nullable: true })
  startedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  createdById?: string | null;
}
