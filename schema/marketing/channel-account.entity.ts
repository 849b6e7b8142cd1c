import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/**
 * A company's sending settings for campaigns: its own SMTP server and Twilio account, used instead
 * of the platform's, and its throttles per channel. Secrets are stored encrypted (AES-256-GCM, `secret-box.ts`), bound to
 * the company and the field, and never answered back.
 */
@Entity({ tableName: 'mkt_channel_accounts' })
@TenantFilter()
@Unique({ name: 'mkt_channel_accounts_tenant_key', properties: ['tenantId'] })
export class ChannelAccount extends TenantOwnedEntity {
  @Property({ type: 'text', nullable: true })
  smtpHost?: string | null;

  @Property({ type: 'integer', nullable: true })
  smtpPort?: number | null;

  /** Implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
  @Property({ type: 'boolean', nullable: true })
  smtpSecure?: boolean | null;

  @Property({ type: 'text', nullable: true })
  smtpUsername?: string | null;

  @Property({ type: 'text', nullable: true })
  smtpPasswordEncrypted?: string | null;

  /** The From of campaign emails sent through it. */
  @Property({ type: 'text', nullable: true })
  smtpFrom?: string | null;

  @Property({ type: 'text', nullable: true })
  twilioAccountSid?: string | null;

  @Property({ type: 'text', nullable: true })
  twilioAuthTokenEncrypted?: string | null;

  /** An E.164 number or a Messaging Service SID. */
  @Property({ type: 'text', nullable: true })
  twilioFrom?: string | null;

  /** Throttles of the whole company per channel, across all its campaigns (null: none). */
  @Property({ type: 'integer', nullable: true })
  emailsPerMinute?: number | null;

  @Property({ type: 'integer', nullable: true })
  smsPerMinute?: number | null;

  @Property({ type: 'uuid', nullable: true })
  updatedById?: string | null;
}
