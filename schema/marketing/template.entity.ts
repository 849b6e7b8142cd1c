import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

export enum MarketingChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
}

/**
 * What a campaign sends: an email (subject, HTML body laid out responsively at send time, and a
 * plain-text part, written or derived from the HTML) or an SMS text. Bodies are Liquid templates
 * with merge fields ({{ contact.firstName }}, {{ unsubscribe_url }}, ...).
 */
@Entity({ tableName: 'mkt_templates' })
@TenantFilter()
@Index({ name: 'mkt_templates_name_idx', expression: `create index "mkt_templates_name_idx" on "mkt_templates" ("tenant_id", lower(name), "id")` })
export class MarketingTemplate extends TenantOwnedEntity {
  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => MarketingChannel, nativeEnumName: 'mkt_channel' })
  channel!: MarketingChannel;

  /** Email only. */
  @Property({ type: 'text', nullable: true })
  subject?: string | null;

  /** Email only: the preview line inboxes show after the subject. */
  @Property({ type: 'text', nullable: true })
  preheader?: string | null;

  /** Email only: the body as HTML (the content; the responsive frame is added when sending). */
  @Property({ type: 'text', nullable: true })
  html?: string | null;

  /** The SMS text; for email the plain-text part (null: derived from the HTML). */
  @Property({ type: 'text', nullable: true })
  text?: string | null;

  @Property({ type: 'uuid', nullable: true })
  createdById?: string | null;
}
