import type { EntityManager } from '@mikro-orm/postgresql';
import { ConsentStatus } from '../../../schema/crm/consent-event.entity.js';
import { MessageChannel, MessageStatus } from '../../../schema/crm/message.entity.js';
import type { TenantJobData } from '../../../workers/queues.js';
import type { Row } from '../graphql/keyset.js';
import type { App } from '../platform/app.js';
import { inTenant } from '../platform/context/tenant-scope.js';
import type { MailMessage } from '../platform/mail/mail-message.js';
import { loadTenantModules } from '../platform/modules/module.service.js';
import { SmsSendError } from '../platform/sms/sms-driver.js';
import type { MessageJob } from './message.service.js';

/** What a worker needs of a claimed message. */
export interface ClaimedMessage {
  id: string;
  tenantId: string;
  channel: MessageChannel;
  to: string;
  subject: string | null;
  body: string;
  /** Email: our Message-ID. */
  providerMessageId: string | null;
  inReplyTo: string | null;
  threadKey: string | null;
  /** Email: the sending member's address, so a reply reaches a person (null for API keys). */
  replyTo: string | null;
}

/** How one channel sends a claimed message, and which of its failures left nothing behind. */
export interface Delivery {
  channel: MessageChannel;
  send(message: ClaimedMessage): Promise<{ providerMessageId: string | null; from: string | null }>;
  /** True only when the message certainly did not leave, so trying again cannot send it twice. */
  retryable(error: unknown): boolean;
}

/**
 * sent: the provider took it. failed: it will not go (recorded on the row). skipped: another run
 * already finished it. module-off: the CRM is switched off for its tenant; the job waits.
 */
export type DeliveryOutcome = 'sent' | 'failed' | 'skipped' | 'module-off';

const ERROR_MAX = 1_000;

export function isMessageJob(data: TenantJobData): data is MessageJob {
  const record: Record<string, unknown> = { ...data };
  return typeof record.tenantId === 'string' && typeof record.messageId === 'string';
}

function claimedFromRow(row: Row): ClaimedMessage {
  const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
  return {
    id: String(row.id),
    tenantId: String(row.tenant_id),
    channel: String(row.channel) as MessageChannel,
    to: String(row.to_address),
    subject: text(row.subject),
    body: String(row.body),
    providerMessageId: text(row.provider_message_id),
    inReplyTo: text(row.in_reply_to),
    threadKey: text(row.thread_key),
    replyTo: text(row.reply_to),
  };
}

async function setStatus(em: EntityManager, job: MessageJob, to: MessageStatus, fields: { error?: string | null; providerMessageId?: string | null; from?: string | null; sent?: boolean } = {}): Promise<void> {
  await em.execute(
    `update crm_messages set status = ?, error = ?, provider_message_id = coalesce(?, provider_message_id), from_address = coalesce(?, from_address),
       sent_at = case when ? then now() else sent_at end, updated_at = now()
     where tenant_id = ? and id = ? and status = 'SENDING'`,
    [to, fields.error?.slice(0, ERROR_MAX) ?? null, fields.providerMessageId ?? null, fields.from ?? null, fields.sent === true, job.tenantId, job.messageId],
  );
}

type Claim = { kind: 'claimed'; message: ClaimedMessage } | { kind: 'done'; outcome: DeliveryOutcome };

/**
 * Claims the message for this run: QUEUED becomes SENDING in its own committed transaction, so a
 * second run (a retry, a stalled job run again) finds it taken and never sends it twice. A message
 * found SENDING was claimed by a run that stopped midway: whether it left is unknown, so it is marked
 * FAILED (to be sent again by a person, knowingly) rather than risk a second copy.
 */
async function claim(app: App, job: MessageJob, channel: MessageChannel): Promise<Claim> {
  return inTenant(app.orm, job.tenantId, null, async (em): Promise<Claim> => {
    if (!(await loadTenantModules(em, app.registry)).isEnabled('CRM')) return { kind: 'done', outcome: 'module-off' };
    const rows = await em.execute<Row[]>(
      `with claimed as (
         update crm_messages set status = 'SENDING', updated_at = now()
          where tenant_id = ? and id = ? and channel = ? and direction = 'OUTBOUND' and status = 'QUEUED' returning *)
       select claimed.*, c.email_consent, c.sms_consent, u.email as reply_to from claimed
         left join crm_contacts c on c.tenant_id = claimed.tenant_id and c.id = claimed.contact_id
         left join memberships m on m.tenant_id = claimed.tenant_id and m.user_id = claimed.created_by_id
         left join users u on u.id = m.user_id`,
      [job.tenantId, job.messageId, channel],
    );
    const row = rows[0];
    if (!row) {
      const current = await em.execute<{ status: string }[]>('select status from crm_messages where tenant_id = ? and id = ?', [job.tenantId, job.messageId]);
      if (current[0]?.status !== MessageStatus.SENDING) return { kind: 'done', outcome: 'skipped' };
      await setStatus(em, job, MessageStatus.FAILED, { error: 'Sending was interrupted; it was not tried again, so it is never sent twice. It may or may not have been delivered.' });
      return { kind: 'done', outcome: 'failed' };
    }
    // A refusal recorded after the message was queued is honoured at once.
    const consent = channel === MessageChannel.EMAIL ? row.email_consent : row.sms_consent;
    if (consent === ConsentStatus.DENIED) {
      await setStatus(em, job, MessageStatus.FAILED, { error: `The person refused ${channel === MessageChannel.EMAIL ? 'email' : 'SMS'} before it was sent.` });
      return { kind: 'done', outcome: 'failed' };
    }
    return { kind: 'claimed', message: claimedFromRow(row) };
  });
}

/**
 * Sends one queued message, once: claim, send, then mark SENT (with the provider's id) or FAILED
 * (with the reason). A failure that certainly left nothing behind puts it back to QUEUED and throws,
 * so the queue tries again with backoff; on the last attempt it is FAILED instead.
 */
export async function deliverMessage(app: App, job: MessageJob, delivery: Delivery, lastAttempt: boolean): Promise<DeliveryOutcome> {
  const claimed = await claim(app, job, delivery.channel);
  if (claimed.kind === 'done') return claimed.outcome;
  let sent: { providerMessageId: string | null; from: string | null };
  try {
    sent = await delivery.send(claimed.message);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (delivery.retryable(error) && !lastAttempt) {
      await inTenant(app.orm, job.tenantId, null, (em) => setStatus(em, job, MessageStatus.QUEUED, { error: reason }));
      throw error;
    }
    await inTenant(app.orm, job.tenantId, null, (em) => setStatus(em, job, MessageStatus.FAILED, { error: reason }));
    app.log.warn({ tenantId: job.tenantId, messageId: job.messageId, err: error }, 'message not sent');
    return 'failed';
  }
  await inTenant(app.orm, job.tenantId, null, (em) => setStatus(em, job, MessageStatus.SENT, { ...sent, error: null, sent: true }));
  return 'sent';
}

// ---------------------------------------------------------------------------------------------
// Email

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The email of a claimed message: its text as typed, the same as simple HTML, and threading headers. */
export function messageEmail(message: ClaimedMessage): MailMessage {
  const headers: Record<string, string> = {};
  if (message.providerMessageId) headers['Message-ID'] = message.providerMessageId;
  if (message.inReplyTo) {
    headers['In-Reply-To'] = message.inReplyTo;
    // The conversation's first message and the one answered (RFC 5322 allows shortening the chain).
    const chain = [message.threadKey, message.inReplyTo].filter((id): id is string => !!id && /^<[^<>\s]+>$/.test(id));
    headers.References = [...new Set(chain)].join(' ');
  }
  if (message.replyTo) headers['Reply-To'] = message.replyTo;
  const html = message.body
    .split(/\r?\n\r?\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
  return {
    to: message.to,
    subject: message.subject ?? '',
    text: message.body,
    html: `<!doctype html><html><body style="font-family:sans-serif">${html}</body></html>`,
    headers,
  };
}

function property(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? Reflect.get(error, name) : undefined;
}

/**
 * Whether an SMTP failure certainly left no message: the server deferred it (4xx), or the connection
 * never opened. Anything else (a 5xx refusal, a connection lost mid-message) is final.
 */
export function mailRetryable(error: unknown): boolean {
  const responseCode = property(error, 'responseCode');
  if (typeof responseCode === 'number') return responseCode >= 400 && responseCode < 500;
  const code = property(error, 'code');
  return code === 'ECONNECTION' || code === 'EDNS' || code === 'ECONNREFUSED' || (code === 'ETIMEDOUT' && property(error, 'command') === 'CONN');
}

export function smsRetryable(error: unknown): boolean {
  return error instanceof SmsSendError && error.retryable;
}
