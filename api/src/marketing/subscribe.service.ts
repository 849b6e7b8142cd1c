import { LockMode } from '@mikro-orm/core';
import { ConsentChannel, ConsentStatus } from '../../../schema/crm/consent-event.entity.js';
import { ContactPointType } from '../../../schema/crm/contact-point.entity.js';
import { Contact } from '../../../schema/crm/contact.entity.js';
import { ListMember, SubscriptionStatus } from '../../../schema/marketing/list-member.entity.js';
import { SuppressionReason } from '../../../schema/marketing/suppression.entity.js';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { replaceContactPoints } from '../crm/contact-point.service.js';
import { logConsent } from '../crm/contact.service.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { EmailAddressScalar } from '../graphql/scalars.js';
import type { App } from '../platform/app.js';
import { publishEvent } from '../platform/events/event-bus.js';
import { MAX_NAME_LENGTH, normaliseEmail } from '../platform/auth/auth.service.js';
import { composeTenantToken, parseTenantToken, randomToken, sameHash, sha256 } from '../platform/auth/tokens.js';
import { message } from '../platform/mail/auth-emails.js';
import type { MailMessage } from '../platform/mail/mail-message.js';
import { enqueueMail } from '../platform/mail/mail.service.js';
import { inPublicTenant, type PublicContext } from './public-context.js';
import type { SubscriptionConfirmationNode } from './subscriber.types.js';
import { isSuppressed, liftOwnSuppressions } from './suppression.service.js';

/** The form's address names the company and the list's form token: `<company uuid>.<32 hex digits>`. */
const FORM = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([0-9a-f]{32})$/;
/** Confirmation tokens name the company and the membership, so the lookup runs under the company's RLS. */
const CONFIRM_PREFIX = 'kso_';
/** A confirmation link works this long after it was mailed; the form mails a new one on request. */
const CONFIRM_TTL_MS = 30 * 86_400_000;
const EMAIL_MAX = 320;

/** Per address: a form cannot be used to flood someone's inbox with confirmation requests. */
const PER_EMAIL = { name: 'subscribe-email', points: 5, durationSeconds: 3600 };
export const SUBSCRIBE_PER_IP = { name: 'subscribe-ip', points: 30, durationSeconds: 3600 };

export interface SubscribeForm {
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
}

/** What the form's answer says: only what the list asks of everyone, nothing about the person. */
export interface SubscribeResult {
  confirmationRequired: boolean;
}

function invalidLink(): BadUserInputError {
  return BadUserInputError.field(['input', 'token'], 'this link is invalid, used or expired', 'INVALID_LINK');
}

function formText(value: string | null | undefined, field: string, max: number): string | null {
  const text = (value ?? '').trim();
  if (text.length > max) throw BadUserInputError.field([field], `must be at most ${max} characters (got ${text.length})`, 'TOO_LONG', { max });
  return text === '' ? null : text;
}

function formEmail(value: string | null | undefined): string {
  const text = formText(value, 'email', EMAIL_MAX);
  if (!text) throw BadUserInputError.field(['email'], 'must not be empty', 'REQUIRED');
  try {
    return normaliseEmail(EmailAddressScalar.parseValue(text) as string);
  } catch {
    throw BadUserInputError.field(['email'], 'is not an email address', 'INVALID_EMAIL');
  }
}

async function companyName(ctx: PublicContext): Promise<string> {
  const rows = await (await ctx.em()).execute<{ name: string }[]>(`select name from tenants where id = ?`, [ctx.tenantId]);
  return rows[0]?.name ?? '';
}

/** The person with this address (any of their addresses; the main one, then the oldest person), or a new one: never a duplicate. */
async function personOf(ctx: PublicContext, email: string, form: SubscribeForm): Promise<Contact> {
  const em = await ctx.em();
  // Two posts of the same new address at once would each create the person: the second waits here.
  await em.execute(`select pg_advisory_xact_lock(hashtext('mkt_subscribe:' || ? || ':' || ?))`, [ctx.tenantId, email]);
  const rows = await em.execute<{ id: string }[]>(
    `select c.id from crm_contact_points p join crm_contacts c on c.tenant_id = p.tenant_id and c.id = p.contact_id
      where p.tenant_id = ? and p.channel = 'EMAIL' and p.value = ? order by p.rank, c.created_at, c.id limit 1`,
    [ctx.tenantId, email],
  );
  const found = rows[0] ? await em.findOne(Contact, { tenantId: ctx.tenantId, id: rows[0].id }) : null;
  if (found) return found;
  // A form need not ask for a name; the person is then known by their address until someone edits them.
  const firstName = formText(form.firstName, 'firstName', MAX_NAME_LENGTH) ?? email.slice(0, email.indexOf('@'));
  const contact = em.create(Contact, { tenantId: ctx.tenantId, firstName, lastName: formText(form.lastName, 'lastName', MAX_NAME_LENGTH) });
  await replaceContactPoints(ctx, em, contact, { emails: [{ value: email, type: ContactPointType.OTHER }], phones: [] });
  // A new person like any other: automations that greet new people hear of them.
  publishEvent(ctx, { kind: 'CONTACT_CREATED', contactId: contact.id });
  return contact;
}

function confirmationEmail(to: string, company: string, list: string, link: string): MailMessage {
  return message(
    to,
    `Confirm your subscription to ${list}`,
    [`${company} was asked to send "${list}" to this address.`, 'Confirm that you want it; if it was not you, ignore this message and you will receive nothing.'],
    { href: link, label: 'Confirm subscription' },
  );
}

/**
 * A post of a list's public form. The person is found by address (or created); on a double opt-in
 * list they go PENDING and are mailed a confirmation link (after the commit), otherwise they are
 * SUBSCRIBED at once. Someone who refused email before, or whose address is suppressed, always
 * confirms first: an unverified form cannot undo their choice. The answer is the same whether or not
 * the address was known.
 */
export async function subscribeFromForm(app: App, meta: { ip: string; requestId: string }, form: string, input: SubscribeForm): Promise<SubscribeResult> {
  await app.rateLimits.consume(SUBSCRIBE_PER_IP, meta.ip);
  const match = FORM.exec(form);
  if (!match?.[1] || !match[2]) throw new NotFoundError('SubscriptionForm');
  const [tenantId, formToken] = [match[1], match[2]];
  const email = formEmail(input.email);
  formText(input.firstName, 'firstName', MAX_NAME_LENGTH);
  formText(input.lastName, 'lastName', MAX_NAME_LENGTH);
  await app.rateLimits.consume(PER_EMAIL, `${tenantId}:${email}`);
  const outcome = await inPublicTenant(app, tenantId, meta.requestId, async (ctx) => {
    if (!ctx.modules.isEnabled('MARKETING')) throw new NotFoundError('SubscriptionForm');
    const em = await ctx.em();
    const lists = await em.execute<{ id: string; name: string; double_opt_in: boolean }[]>(`select id, name, double_opt_in from mkt_lists where tenant_id = ? and form_token = ?`, [tenantId, formToken]);
    const list = lists[0];
    if (!list) throw new NotFoundError('SubscriptionForm');
    const contact = await personOf(ctx, email, input);
    const blocked = contact.emailConsent === ConsentStatus.DENIED || (await isSuppressed(ctx, MarketingChannel.EMAIL, email));
    const member = await em.findOne(ListMember, { tenantId, listId: list.id, contactId: contact.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const result = { confirmationRequired: list.double_opt_in, mail: null as MailMessage | null };
    if (member?.status === SubscriptionStatus.SUBSCRIBED && !blocked) return result;
    const row = member ?? em.create(ListMember, { tenantId, listId: list.id, contactId: contact.id, status: SubscriptionStatus.PENDING, source: 'form' });
    row.source = 'form';
    if (!list.double_opt_in && !blocked) {
      row.status = SubscriptionStatus.SUBSCRIBED;
      row.confirmTokenHash = null;
      row.unsubscribedAt = null;
      return result;
    }
    row.status = SubscriptionStatus.PENDING;
    // A fresh link each time: the person may have lost the first one, or it expired.
    const token = composeTenantToken(CONFIRM_PREFIX, tenantId, row.id, randomToken());
    row.confirmTokenHash = sha256(token);
    row.updatedAt = new Date();
    const link = `${app.config.appUrl.replace(/\/+$/, '')}/subscribe/confirm/${token}`;
    return { ...result, mail: confirmationEmail(email, await companyName(ctx), list.name, link) };
  });
  if (outcome.mail) await enqueueMail(app, tenantId, outcome.mail);
  return { confirmationRequired: outcome.confirmationRequired };
}

/**
 * The person followed the emailed link: SUBSCRIBED, email consent GRANTED with source "double opt-in"
 * in the consent history, and the suppressions their own unsubscribes left lifted. The link works once.
 */
export async function confirmSubscription(app: App, requestId: string, token: string): Promise<SubscriptionConfirmationNode> {
  const parsed = parseTenantToken(CONFIRM_PREFIX, token.trim());
  if (!parsed) throw invalidLink();
  return inPublicTenant(app, parsed.tenantId, requestId, async (ctx) => {
    if (!ctx.modules.isEnabled('MARKETING')) throw invalidLink();
    const em = await ctx.em();
    const member = await em.findOne(ListMember, { tenantId: ctx.tenantId, id: parsed.rowId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const hash = member?.confirmTokenHash;
    if (!member || member.status !== SubscriptionStatus.PENDING || !hash || !sameHash(hash, sha256(token.trim()))) throw invalidLink();
    if (member.updatedAt.getTime() < Date.now() - CONFIRM_TTL_MS) throw invalidLink();
    const now = new Date();
    Object.assign(member, { status: SubscriptionStatus.SUBSCRIBED, confirmedAt: now, confirmTokenHash: null, unsubscribedAt: null });
    const contact = await em.findOneOrFail(Contact, { tenantId: ctx.tenantId, id: member.contactId });
    await logConsent(ctx, contact, ConsentChannel.EMAIL, ConsentStatus.GRANTED, 'double opt-in');
    const addresses = await em.execute<{ value: string }[]>(`select value from crm_contact_points where tenant_id = ? and contact_id = ? and channel = 'EMAIL'`, [ctx.tenantId, contact.id]);
    await liftOwnSuppressions(ctx, MarketingChannel.EMAIL, addresses.map((a) => a.value), [SuppressionReason.UNSUBSCRIBED]);
    const lists = await em.execute<{ name: string }[]>(`select name from mkt_lists where tenant_id = ? and id = ?`, [ctx.tenantId, member.listId]);
    return { companyName: await companyName(ctx), listName: lists[0]?.name ?? '' };
  });
}
