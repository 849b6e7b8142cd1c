import { timingSafeEqual } from 'node:crypto';
import { ConsentChannel, ConsentStatus } from '../../../schema/crm/consent-event.entity.js';
import { Contact } from '../../../schema/crm/contact.entity.js';
import { DeliveryEvent, DeliveryEventKind } from '../../../schema/marketing/delivery-event.entity.js';
import { SuppressionReason } from '../../../schema/marketing/suppression.entity.js';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { logConsent } from '../crm/contact.service.js';
import { ForbiddenError } from '../graphql/errors.js';
import { uuidArray } from '../graphql/keyset.js';
import type { App } from '../platform/app.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { inTenant } from '../platform/context/tenant-scope.js';
import { inPublicTenant, type PublicContext } from './public-context.js';
import { liftOwnSuppressions, suppress } from './suppression.service.js';

/** Where Twilio posts the SMS a company's number receives; the company's inbound token follows. */
export const SMS_INBOUND_PATH = '/hooks/twilio/inbound';

/** Twilio's own opt-out and opt-in keywords (a message that is exactly one of them, any case). */
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const START_WORDS = new Set(['START', 'UNSTOP', 'YES']);

export const SMS_STOP = 'SMS STOP';
export const SMS_START = 'SMS START';

export type SmsKeyword = 'STOP' | 'START';

/** STOP, START or nothing: the whole message must be the keyword (trailing punctuation and spaces aside). */
export function keywordOf(body: string): SmsKeyword | null {
  const word = body.trim().replace(/[\s.!]+$/, '').toUpperCase();
  if (STOP_WORDS.has(word)) return 'STOP';
  if (START_WORDS.has(word)) return 'START';
  return null;
}

/**
 * The company's inbound token (the same secret as its inbound email address): its id in 32 hex
 * digits, then the secret. The id routes the request to one company, whose own row is compared in
 * constant time under its row-level security.
 */
function splitToken(token: string): { tenantId: string; secret: string } | null {
  if (!/^[0-9a-f]{64}$/.test(token)) return null;
  const hex = token.slice(0, 32);
  return { tenantId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, secret: token.slice(32) };
}

/**
 * The company a hook token stands for, or null. Whether its marketing module is on does not matter:
 * a STOP must be honoured whatever the company switched since it sent the message.
 */
export async function tenantOfSmsToken(app: App, token: string): Promise<string | null> {
  const parts = splitToken(token);
  if (!parts) return null;
  return inTenant(app.orm, parts.tenantId, null, async (em) => {
    const rows = await em.execute<{ inbound_email_token: string }[]>('select inbound_email_token from tenant_settings where tenant_id = ?', [parts.tenantId]);
    const stored = Buffer.from(rows[0]?.inbound_email_token ?? '');
    const given = Buffer.from(parts.secret);
    return stored.length === given.length && timingSafeEqual(stored, given) ? parts.tenantId : null;
  });
}

/** The webhook address to give Twilio for the company's number (a secret: owners and admins only). */
export async function smsInboundUrl(ctx: ServiceContext & { app: App }): Promise<string> {
  if (!ctx.principal?.permissions.has('settings:manage')) throw new ForbiddenError('Only owners and admins see the SMS webhook address');
  const rows = await (await ctx.em()).execute<{ inbound_email_token: string }[]>('select inbound_email_token from tenant_settings where tenant_id = ?', [ctx.tenantId]);
  return `${ctx.app.config.appUrl.replace(/\/+$/, '')}${SMS_INBOUND_PATH}/${ctx.tenantId.replaceAll('-', '')}${rows[0]?.inbound_email_token ?? ''}`;
}

/** People of the company with this number among theirs. */
async function peopleWithNumber(ctx: PublicContext, number: string): Promise<Contact[]> {
  const em = await ctx.em();
  const rows = await em.execute<{ contact_id: string }[]>(`select distinct contact_id from crm_contact_points where tenant_id = ? and channel = 'PHONE' and value = ? limit 100`, [ctx.tenantId, number]);
  if (rows.length === 0) return [];
  return em.find(Contact, { tenantId: ctx.tenantId, id: { $in: rows.map((r) => r.contact_id) } });
}

/**
 * STOP: SMS consent DENIED for everyone with the number (source "SMS STOP"), the number suppressed
 * (reason STOPPED, the campaign of the latest SMS to them), and that SMS marked unsubscribed.
 * START: consent GRANTED (source "SMS START") and the number's STOP (and own unsubscribe) lifted.
 * Idempotent: a repeated keyword records nothing more.
 */
export async function applySmsKeyword(app: App, requestId: string, tenantId: string, from: string, keyword: SmsKeyword): Promise<number> {
  return inPublicTenant(app, tenantId, requestId, async (ctx) => {
    const em = await ctx.em();
    const people = await peopleWithNumber(ctx, from);
    if (keyword === 'START') {
      for (const person of people) {
        if (person.smsConsent !== ConsentStatus.GRANTED) await logConsent(ctx, person, ConsentChannel.SMS, ConsentStatus.GRANTED, SMS_START);
      }
      await liftOwnSuppressions(ctx, MarketingChannel.SMS, [from], [SuppressionReason.STOPPED, SuppressionReason.UNSUBSCRIBED]);
      return people.length;
    }
    for (const person of people) {
      if (person.smsConsent !== ConsentStatus.DENIED) await logConsent(ctx, person, ConsentChannel.SMS, ConsentStatus.DENIED, SMS_STOP);
    }
    const latest = people.length
      ? await em.execute<{ id: string; campaign_id: string; contact_id: string | null; unsubscribed_at: Date | null }[]>(
          `select id, campaign_id, contact_id, unsubscribed_at from mkt_deliveries where tenant_id = ? and contact_id = any(?::uuid[]) and channel = 'SMS' and address = ? and sent_at is not null
            order by sent_at desc limit 1 for update`,
          [tenantId, uuidArray(people.map((p) => p.id)), from],
        )
      : [];
    const delivery = latest[0] ?? null;
    await suppress(ctx, { channel: MarketingChannel.SMS, address: from, reason: SuppressionReason.STOPPED, source: SMS_STOP, campaignId: delivery?.campaign_id ?? null });
    if (delivery && !delivery.unsubscribed_at) {
      await em.execute(`update mkt_deliveries set unsubscribed_at = now(), updated_at = now() where tenant_id = ? and id = ?`, [tenantId, delivery.id]);
      em.create(DeliveryEvent, { tenantId, deliveryId: delivery.id, campaignId: delivery.campaign_id, contactId: delivery.contact_id, kind: DeliveryEventKind.UNSUBSCRIBED, detail: SMS_STOP });
    }
    return people.length;
  });
}
