import { randomBytes } from 'node:crypto';
import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { TenantFilter } from '../shared/tenant-owned.entity.js';

/** One row per tenant: company profile defaults the modules read (currency, time zone, language). */
@Entity({ tableName: 'tenant_settings' })
@TenantFilter()
export class TenantSettings {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'text' })
  currency: Opt<string> = 'EUR';

  @Property({ type: 'text' })
  timeZone: Opt<string> = 'UTC';

  @Property({ type: 'text' })
  locale: Opt<string> = 'en';

  /**
   * Secret of the company's inbound email address (POST /hooks/email/…): 32 hex characters, made at
   * sign-up, replaced by rotateInboundEmailToken.
   */
  @Property({ type: 'text' })
  inboundEmailToken: Opt<string> = newInboundEmailToken();

  /**
   * Roles limited to their own records in the CRM: they see the customers, people and deals they
   * own (row-level security, see the own-records policies), and the history of those.
   */
  @Property({ type: 'text[]' })
  ownRecordsRoles: Opt<string[]> = [];

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** 128 random bits, in lower-case hex (mail gateways and URLs keep it as it is). */
export function newInboundEmailToken(): string {
  return randomBytes(16).toString('hex');
}
