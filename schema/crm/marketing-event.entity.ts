import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

export enum MarketingEventKind {
  EXHIBITION = 'EXHIBITION',
  CONFERENCE = 'CONFERENCE',
  SEMINAR = 'SEMINAR',
  WEBINAR = 'WEBINAR',
  OTHER = 'OTHER',
}

/**
 * An exhibition, seminar or webinar the company ran or attended, with what it cost. People who came
 * are its attendances; deals it brought name it as their source, so reports can weigh cost against sales.
 */
@Entity({ tableName: 'crm_marketing_events' })
@TenantFilter()
@Index({ name: 'crm_marketing_events_starts_idx', properties: ['tenantId', 'startsOn', 'id'] })
export class MarketingEvent extends TenantOwnedEntity {
  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => MarketingEventKind, nativeEnumName: 'crm_marketing_event_kind' })
  kind!: MarketingEventKind;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date', nullable: true })
  endsOn?: string | null;

  @Property({ type: 'text', nullable: true })
  location?: string | null;

  @Property({ type: 'numeric', precision: 19, scale: 4, nullable: true })
  costAmount?: string | null;

  @Property({ type: 'text', nullable: true })
  costCurrency?: string | null;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
