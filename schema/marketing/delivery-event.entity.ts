import { Entity, Enum, Index, Property, type Opt } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

export enum DeliveryEventKind {
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  BOUNCED = 'BOUNCED',
  FAILED = 'FAILED',
  OPENED = 'OPENED',
  CLICKED = 'CLICKED',
  UNSUBSCRIBED = 'UNSUBSCRIBED',
  COMPLAINED = 'COMPLAINED',
}

/** Something that happened to a delivery: the campaign's figures over time and the person's timeline. */
@Entity({ tableName: 'mkt_delivery_events' })
@TenantFilter()
@Index({ name: 'mkt_delivery_events_campaign_idx', properties: ['tenantId', 'campaignId', 'occurredAt'] })
@Index({ name: 'mkt_delivery_events_contact_idx', properties: ['tenantId', 'contactId', 'occurredAt', 'id'] })
@Index({ name: 'mkt_delivery_events_delivery_idx', properties: ['tenantId', 'deliveryId'] })
export class DeliveryEvent extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  deliveryId!: string;

  @Property({ type: 'uuid' })
  campaignId!: string;

  @Property({ type: 'uuid', nullable: true })
  contactId?: string | null;

  @Enum({ items: () => DeliveryEventKind, nativeEnumName: 'mkt_delivery_event_kind' })
  kind!: DeliveryEventKind;

  @Property({ type: 'timestamptz' })
  occurredAt: Opt<Date> = new Date();

  /** The link clicked, the provider's error, ... */
  @Property({ type: 'text', nullable: true })
  detail?: string | null;
}
