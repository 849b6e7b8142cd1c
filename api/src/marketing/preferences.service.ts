import type { EntityManager } from '@mikro-orm/postgresql';
import { ConsentChannel, ConsentStatus } from '../../../schema/crm/consent-event.entity.js';
import { Contact } from '../../../schema/crm/contact.entity.js';
import { DeliveryEventKind } from '../../../schema/marketing/delivery-event.entity.js';
import { SubscriptionStatus } from '../../../schema/marketing/list-member.entity.js';
import { SuppressionReason } from '../../../schema/marketing/suppression.entity.js';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { logConsent } from '../crm/contact.service.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { rowText, uuidArray } from '../graphql/keyset.js';
import type { App } from '../platform/app.js';
import { addDeliveryEvent } from './delivery-status.service.js';
import { linkKey, verifyLink, type LinkSubject } from './links.js';
import { campaignIdOf, MESSAGE_TABLE, resolveLinkSubject, type MessageRef } from './message-ref.js';
import { inPublicTenant, type PublicContext } from './public-context.js';
import type { UnsubscribePageNode, UpdatePreferencesInput } from './subscriber.types.js';
import { liftOwnSuppressions, suppress, suppressionAddress } from './suppression.service.js';

/** Where an unsubscribe came from, as the consent history and the suppression list record it. */
export const UNSUBSCRIBE_LINK = 'unsubscribe link';
export const ONE_CLICK = 'one-click';
export const PREFERENCE_CENTRE = 'preference centre';

interface MembershipRow {
  id: string;
  list_id: string;
  name: string;
  description: string | null;
  status: SubscriptionStatus;
}

/**
 * The company and delivery an unsubscribe or preference link names (either link opens either page:
 * both came in the same message). Anything else, forged or mistyped, is simply not found.
 */
async function subjectOf(app: App, token: string): Promise<LinkSubject> {
  const key = await linkKey(app.orm.em.fork({ useContext: false }) as EntityManager);
  const subject = verifyLink(key, 'u', token) ?? verifyLink(key, 'p', token);
  if (!subject) throw new NotFoundError('Link');
  return subject;
}

/**
 * Runs `fn` for the message a link names (a campaign's delivery or an automation's send), in its
 * company's transaction. Unsubscribing works whether or not the marketing module is on now: a
 * message already received must always let people leave.
 */
async function withDelivery<T>(app: App, requestId: string, token: string, lock: boolean, fn: (ctx: PublicContext, delivery: MessageRef) => Promise<T>): Promise<T> {
  const subject = await subjectOf(app, token);
  return inPublicTenant(app, subject.tenantId, requestId, async (ctx) => {
    const delivery = await resolveLinkSubject(await ctx.em(), ctx.tenantId, subject.deliveryId, { lock });
    // The campaign, automation or person was deleted since: nothing is left to say which address it went to.
    if (!delivery) throw new NotFoundError('Link');
    return fn(ctx, delivery);
  });
}

/** `j***@example.com`, `+40***111`: enough for the person to recognise, little for anyone else. */
export function maskAddress(channel: MarketingChannel, address: string): string {
  if (channel === MarketingChannel.EMAIL) {
    const at = address.lastIndexOf('@');
    return `${address.slice(0, Math.min(1, at))}***${address.slice(at)}`;
  }
  return `${address.slice(0, 3)}***${address.slice(-3)}`;
}

function consentChannel(channel: MarketingChannel): ConsentChannel {
  return channel === MarketingChannel.EMAIL ? ConsentChannel.EMAIL : ConsentChannel.SMS;
}

function consentOf(contact: Contact, channel: MarketingChannel): ConsentStatus {
  return channel === MarketingChannel.EMAIL ? contact.emailConsent : contact.smsConsent;
}

async function contactOf(ctx: PublicContext, delivery: MessageRef): Promise<Contact | null> {
  return delivery.contactId ? (await ctx.em()).findOne(Contact, { tenantId: ctx.tenantId, id: delivery.contactId }) : null;
}

async function memberships(ctx: PublicContext, contactId: string, lock = false): Promise<MembershipRow[]> {
  return (await ctx.em()).execute<MembershipRow[]>(
    `select m.id, m.list_id, l.name, l.description, m.status from mkt_list_members m join mkt_lists l on l.tenant_id = m.tenant_id and l.id = m.list_id
      where m.tenant_id = ? and m.contact_id = ? order by lower(l.name), l.id limit 500 ${lock ? 'for update of m' : ''}`,
    [ctx.tenantId, contactId],
  );
}

/** The addresses of a channel an opt-out or opt-in is about: the message's own, and the person's. */
async function addressesOf(ctx: PublicContext, delivery: MessageRef, contact: Contact | null, channel: MarketingChannel): Promise<string[]> {
  const own = delivery.channel === channel ? [delivery.address] : [];
  if (!contact) return own;
  const points = await (await ctx.em()).execute<{ value: string }[]>(`select value from crm_contact_points where tenant_id = ? and contact_id = ? and channel = ?`, [
    ctx.tenantId,
    contact.id,
    channel === MarketingChannel.EMAIL ? 'EMAIL' : 'PHONE',
  ]);
  return [...new Set([...own, ...points.map((p) => suppressionAddress(channel, p.value))])];
}

async function page(ctx: PublicContext, delivery: MessageRef): Promise<UnsubscribePageNode> {
  const em = await ctx.em();
  const contact = await contactOf(ctx, delivery);
  const suppressed = await em.execute<{ n: number }[]>(`select count(*)::int as n from mkt_suppressions where tenant_id = ? and channel = ? and address = ?`, [
    ctx.tenantId,
    delivery.channel,
    suppressionAddress(delivery.channel, delivery.address),
  ]);
  const tenant = await em.execute<{ name: string }[]>(`select name from tenants where id = ?`, [ctx.tenantId]);
  const lists = contact ? await memberships(ctx, contact.id) : [];
  return {
    companyName: tenant[0]?.name ?? '',
    channel: delivery.channel,
    address: maskAddress(delivery.channel, delivery.address),
    unsubscribed: (suppressed[0]?.n ?? 0) > 0 || (contact !== null && consentOf(contact, delivery.channel) === ConsentStatus.DENIED),
    emailConsent: contact?.emailConsent ?? null,
    smsConsent: contact?.phone ? contact.smsConsent : null,
    lists: lists.map((row) => ({ id: toGlobalId('SubscriptionList', String(row.list_id)), name: String(row.name), description: rowText(row.description), status: row.status })),
  };
}

/**
 * No more campaigns or automation messages on `channel`: consent DENIED (recorded with its source), the addresses
 * suppressed, and, when the message itself came on that channel, the message marked unsubscribed
 * (a campaign's delivery with an UNSUBSCRIBED event). Doing it again changes and records nothing more.
 */
async function optOut(ctx: PublicContext, delivery: MessageRef, contact: Contact | null, channel: MarketingChannel, source: string): Promise<void> {
  const em = await ctx.em();
  for (const address of await addressesOf(ctx, delivery, contact, channel)) {
    await suppress(ctx, { channel, address, reason: SuppressionReason.UNSUBSCRIBED, source, campaignId: campaignIdOf(delivery) });
  }
  if (contact && consentOf(contact, channel) !== ConsentStatus.DENIED) await logConsent(ctx, contact, consentChannel(channel), ConsentStatus.DENIED, source);
  if (delivery.channel !== channel) return;
  const marked = await em.execute<{ id: string }[]>(
    `update ${MESSAGE_TABLE[delivery.kind]} set unsubscribed_at = now(), updated_at = now() where tenant_id = ? and id = ? and unsubscribed_at is null returning id`,
    [ctx.tenantId, delivery.id],
  );
  if (marked.length > 0) await addDeliveryEvent(ctx, delivery, DeliveryEventKind.UNSUBSCRIBED, source);
}

/** Campaigns on `channel` welcome again: consent GRANTED, and the person's own unsubscribes lifted (a STOP only lifts by texting START). */
async function optIn(ctx: PublicContext, delivery: MessageRef, contact: Contact, channel: MarketingChannel, source: string): Promise<void> {
  if (consentOf(contact, channel) !== ConsentStatus.GRANTED) await logConsent(ctx, contact, consentChannel(channel), ConsentStatus.GRANTED, source);
  await liftOwnSuppressions(ctx, channel, await addressesOf(ctx, delivery, contact, channel), [SuppressionReason.UNSUBSCRIBED]);
}

/** What the unsubscribe page and preference centre show. Reading it changes nothing (mail scanners follow links). */
export function unsubscribePage(app: App, requestId: string, token: string): Promise<UnsubscribePageNode> {
  return withDelivery(app, requestId, token, false, (ctx, delivery) => page(ctx, delivery));
}

/** The page's confirming click (`source` "unsubscribe link") or the RFC 8058 one-click POST ("one-click"). */
export function unsubscribe(app: App, requestId: string, token: string, source: string): Promise<UnsubscribePageNode> {
  return withDelivery(app, requestId, token, true, async (ctx, delivery) => {
    await optOut(ctx, delivery, await contactOf(ctx, delivery), delivery.channel, source);
    await (await ctx.em()).flush();
    return page(ctx, delivery);
  });
}

/**
 * The preference centre's choices: the lists named stay (or become) SUBSCRIBED, the person's other
 * lists UNSUBSCRIBED; each channel's consent changes when given.
 */
export function updatePreferences(app: App, requestId: string, input: UpdatePreferencesInput): Promise<UnsubscribePageNode> {
  return withDelivery(app, requestId, input.token, true, async (ctx, delivery) => {
    const em = await ctx.em();
    const contact = await contactOf(ctx, delivery);
    const wanted = new Set(input.listIds.map((id, i) => fromGlobalId('SubscriptionList', id, ['input', 'listIds', String(i)])));
    const rows = contact ? await memberships(ctx, contact.id, true) : [];
    const unknown = [...wanted].findIndex((id) => !rows.some((row) => row.list_id === id));
    if (unknown >= 0) throw BadUserInputError.field(['input', 'listIds', String(unknown)], 'is not a list you are on', 'INVALID');
    const join = rows.filter((row) => wanted.has(row.list_id) && row.status !== SubscriptionStatus.SUBSCRIBED).map((row) => row.id);
    const leave = rows.filter((row) => !wanted.has(row.list_id) && row.status !== SubscriptionStatus.UNSUBSCRIBED).map((row) => row.id);
    // Holding the link mailed to them proves the address, so a pending opt-in counts as confirmed here.
    if (join.length > 0) {
      await em.execute(
        `update mkt_list_members set status = 'SUBSCRIBED', confirmed_at = case when status = 'PENDING' then now() else confirmed_at end, confirm_token_hash = null, unsubscribed_at = null, updated_at = now()
          where tenant_id = ? and id = any(?::uuid[])`,
        [ctx.tenantId, uuidArray(join)],
      );
    }
    if (leave.length > 0) {
      await em.execute(`update mkt_list_members set status = 'UNSUBSCRIBED', confirm_token_hash = null, unsubscribed_at = now(), updated_at = now() where tenant_id = ? and id = any(?::uuid[])`, [
        ctx.tenantId,
        uuidArray(leave),
      ]);
    }
    const choices: [MarketingChannel, boolean | null | undefined][] = [
      [MarketingChannel.EMAIL, input.emailConsent],
      [MarketingChannel.SMS, input.smsConsent],
    ];
    for (const [channel, choice] of choices) {
      if (choice === false) await optOut(ctx, delivery, contact, channel, PREFERENCE_CENTRE);
      else if (choice === true && contact) await optIn(ctx, delivery, contact, channel, PREFERENCE_CENTRE);
      else if (choice === true) throw BadUserInputError.field(['input', channel === MarketingChannel.EMAIL ? 'emailConsent' : 'smsConsent'], 'the person is no longer on record', 'INVALID');
    }
    await em.flush();
    return page(ctx, delivery);
  });
}
