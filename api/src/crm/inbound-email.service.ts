import { timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { AddressObject, ParsedMail } from 'mailparser';
import { Interaction, InteractionDirection, InteractionKind } from '../../../schema/crm/interaction.entity.js';
import { Message, MessageChannel, MessageStatus } from '../../../schema/crm/message.entity.js';
import { newInboundEmailToken, TenantSettings } from '../../../schema/platform/tenant-settings.entity.js';
import { newId } from '../../../schema/shared/ids.js';
import { ForbiddenError } from '../graphql/errors.js';
import { toGlobalId } from '../graphql/global-id.js';
import { placeholders } from '../graphql/keyset.js';
import type { App } from '../platform/app.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { inTenant } from '../platform/context/tenant-scope.js';
import { loadTenantModules } from '../platform/modules/module.service.js';
import { EMAIL_BODY_MAX, SUBJECT_MAX } from './message.service.js';

/** Where a company's mail gateway posts the raw messages it receives (the token follows). */
export const INBOUND_EMAIL_PATH = '/hooks/email';

/** Senders' clocks differ a little; a date further ahead than this is not believed. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * The token in the address: the tenant's id (32 hex digits) then its secret (32 more). The id routes
 * the request to one tenant, so the secret is checked under that tenant's row-level security, in
 * constant time, and nothing is looked up across tenants.
 */
function tokenOf(tenantId: string, secret: string): string {
  return `${tenantId.replaceAll('-', '')}${secret}`;
}

function splitToken(token: string): { tenantId: string; secret: string } | null {
  if (!/^[0-9a-f]{64}$/.test(token)) return null;
  const hex = token.slice(0, 32);
  return { tenantId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, secret: token.slice(32) };
}

function urlOf(app: App, tenantId: string, secret: string): string {
  return `${app.config.appUrl.replace(/\/+$/, '')}${INBOUND_EMAIL_PATH}/${tokenOf(tenantId, secret)}`;
}

function requireSettingsPermission(ctx: ServiceContext): void {
  if (!ctx.principal?.permissions.has('settings:manage')) throw new ForbiddenError('Only owners and admins see and change the inbound email address');
}

/** The address the company's mail gateway posts received emails to (a secret: owners and admins only). */
export async function inboundEmailUrl(ctx: ServiceContext & { app: App }): Promise<string> {
  requireSettingsPermission(ctx);
  const settings = await (await ctx.em()).findOneOrFail(TenantSettings, { tenantId: ctx.tenantId });
  return urlOf(ctx.app, ctx.tenantId, settings.inboundEmailToken);
}

/** A new secret: the old address stops working at once. */
export async function rotateInboundEmailToken(ctx: ServiceContext & { app: App }): Promise<string> {
  requireSettingsPermission(ctx);
  const em = await ctx.em();
  const settings = await em.findOneOrFail(TenantSettings, { tenantId: ctx.tenantId });
  settings.inboundEmailToken = newInboundEmailToken();
  await em.flush();
  return urlOf(ctx.app, ctx.tenantId, settings.inboundEmailToken);
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The tenant a token of the inbound address stands for, while its CRM is on; null otherwise. */
export async function tenantOfInboundToken(app: App, token: string): Promise<string | null> {
  const parts = splitToken(token);
  if (!parts) return null;
  return inTenant(app.orm, parts.tenantId, null, async (em) => {
    const rows = await em.execute<{ inbound_email_token: string }[]>('select inbound_email_token from tenant_settings where tenant_id = ?', [parts.tenantId]);
    const stored = rows[0]?.inbound_email_token;
    if (!stored || !sameSecret(stored, parts.secret)) return null;
    // Switched off means gone: the address answers as if it did not exist.
    if (!(await loadTenantModules(em, app.registry)).isEnabled('CRM')) return null;
    return parts.tenantId;
  });
}

// ---------------------------------------------------------------------------------------------
// Recording

export interface InboundEmailResult {
  /** matched: recorded on the sender's person; unmatched: kept for someone to attach; duplicate: recorded before. */
  outcome: 'matched' | 'unmatched' | 'duplicate';
  /** Global id of the message (the earlier one for a duplicate). */
  messageId: string | null;
}

/** Message-IDs in a header value: `<a@b> <c@d>`, as mailparser gives In-Reply-To and References. */
function messageIds(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return [...text.matchAll(/<[^<>\s]+>/g)].map((match) => match[0]);
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((object) => object.value.flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : [])));
}

function oneLine(text: string | undefined, max: number): string | null {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  return line === '' ? null : line.slice(0, max);
}

/** The text of the email (mailparser turns an HTML-only email into text), without NULs PostgreSQL refuses. */
function bodyOf(mail: ParsedMail): string {
  // eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL text refuses
  return (mail.text ?? '').replace(/\u0000/g, '').trim().slice(0, EMAIL_BODY_MAX);
}

/** When the sender says they sent it, unless that is in the future. */
function sentAtOf(mail: ParsedMail, now: Date): Date {
  const date = mail.date;
  if (!date || Number.isNaN(date.getTime()) || date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return now;
  return date;
}

interface ThreadRow {
  provider_message_id: string;
  thread_key: string | null;
  contact_id: string | null;
}

/** The conversation the email answers: any of ours (or received) that In-Reply-To or References name. */
async function threadOf(em: EntityManager, tenantId: string, inReplyTo: string | null, references: string[]): Promise<ThreadRow | null> {
  const ids = [...new Set([...(inReplyTo ? [inReplyTo] : []), ...references])];
  if (ids.length === 0) return null;
  const rows = await em.execute<ThreadRow[]>(
    `select provider_message_id, thread_key, contact_id from crm_messages
      where tenant_id = ? and channel = 'EMAIL' and provider_message_id in (${placeholders(ids.length)}) order by created_at desc`,
    [tenantId, ...ids],
  );
  return rows.find((row) => row.provider_message_id === inReplyTo) ?? rows[0] ?? null;
}

/** The person the sender is: any of a person's addresses matches; the conversation's person first, then the main address, then the oldest person. */
async function senderOf(em: EntityManager, tenantId: string, from: string | null, threadContactId: string | null): Promise<{ id: string; customer_id: string | null } | null> {
  if (!from) return null;
  const rows = await em.execute<{ id: string; customer_id: string | null }[]>(
    `select c.id, c.customer_id from crm_contact_points p join crm_contacts c on c.tenant_id = p.tenant_id and c.id = p.contact_id
      where p.tenant_id = ? and p.channel = 'EMAIL' and p.value = ?
      order by (c.id = ?::uuid) desc nulls last, p.rank, c.created_at, c.id`,
    [tenantId, from, threadContactId],
  );
  return rows[0] ?? null;
}

/**
 * Records a received email in its tenant: a RECEIVED message in the conversation its headers name
 * (or a new one), on the person whose address sent it, with an INBOUND EMAIL interaction in their
 * history. From an unknown address it is kept unmatched, for someone to attach. The same Message-ID
 * posted again (a gateway retrying) is recorded once.
 */
export async function recordInboundEmail(app: App, tenantId: string, mail: ParsedMail): Promise<InboundEmailResult> {
  const providerMessageId = messageIds(mail.messageId)[0] ?? null;
  try {
    return await inTenant(app.orm, tenantId, null, async (em): Promise<InboundEmailResult> => {
      if (providerMessageId) {
        const earlier = await em.execute<{ id: string }[]>(`select id from crm_messages where tenant_id = ? and direction = 'INBOUND' and provider_message_id = ?`, [tenantId, providerMessageId]);
        if (earlier[0]) return { outcome: 'duplicate', messageId: toGlobalId('Message', earlier[0].id) };
      }
      const inReplyTo = messageIds(mail.inReplyTo)[0] ?? null;
      const thread = await threadOf(em, tenantId, inReplyTo, messageIds(mail.references));
      const from = addresses(mail.from)[0] ?? null;
      const contact = await senderOf(em, tenantId, from, thread?.contact_id ?? null);
      const now = new Date();
      const sentAt = sentAtOf(mail, now);
      const subject = oneLine(mail.subject, SUBJECT_MAX);
      const body = bodyOf(mail);
      const message = em.create(Message, {
        tenantId,
        channel: MessageChannel.EMAIL,
        direction: InteractionDirection.INBOUND,
        status: MessageStatus.RECEIVED,
        contactId: contact?.id ?? null,
        customerId: contact?.customer_id ?? null,
        fromAddress: from,
        toAddress: addresses(mail.to)[0] ?? addresses(mail.cc)[0] ?? '',
        subject,
        body,
        providerMessageId,
        inReplyTo,
        threadKey: thread ? (thread.thread_key ?? thread.provider_message_id) : (providerMessageId ?? `<${newId()}@inbound.kontor>`),
        sentAt,
      });
      if (contact) {
        const interaction = em.create(Interaction, {
          tenantId,
          kind: InteractionKind.EMAIL,
          direction: InteractionDirection.INBOUND,
          occurredAt: sentAt,
          subject,
          body,
          contactId: contact.id,
          customerId: contact.customer_id,
          createdById: null,
        });
        em.persist(interaction);
        message.interactionId = interaction.id;
      }
      em.persist(message);
      await em.flush();
      return { outcome: contact ? 'matched' : 'unmatched', messageId: toGlobalId('Message', message.id) };
    });
  } catch (error) {
    // The same message posted twice at once: the unique index kept one.
    if (error instanceof UniqueConstraintViolationException) return { outcome: 'duplicate', messageId: null };
    throw error;
  }
}
