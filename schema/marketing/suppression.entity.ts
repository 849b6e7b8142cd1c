import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';
import { MarketingChannel } from './template.entity.js';

export enum SuppressionReason {
  UNSUBSCRIBED = 'UNSUBSCRIBED',
  BOUNCED = 'BOUNCED',
  COMPLAINED = 'COMPLAINED',
  STOPPED = 'STOPPED',
  MANUAL = 'MANUAL',
}

/** An address no campaign of the company may reach on a channel, and why. */
@Entity({ tableName: 'mkt_suppressions' })
@TenantFilter()
@Unique({ name: 'mkt_suppressions_address_key', properties: ['tenantId', 'channel', 'address'] })
export class Suppression extends TenantOwnedEntity {
  @Enum({ items: () => MarketingChannel, nativeEnumName: 'mkt_channel' })
  channel!: MarketingChannel;

  @Property({ type: 'text' })
  address!: string;

  @Enum({ items: () => SuppressionReason, nativeEnumName: 'mkt_suppression_reason' })
  reason!: SuppressionReason;

  /** Where it came from: "unsubscribe link", "one-click", "bounce", "SMS STOP", a member's note... */
  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'uuid', nullable: true })
  campaignId?: string | null;
}
