import MailComposer from 'nodemailer/lib/mail-composer';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { rowText, uuidArray, type Row } from '../graphql/keyset.js';
import type { App } from '../platform/app.js';
import { inTenant } from '../platform/context/tenant-scope.js';
import { SmsSendError, type SmsDriver } from '../platform/sms/sms-driver.js';
import { smsStatusCallbackUrl } from '../platform/sms/status-callback.js';
import { reachable } from './audience.service.js';
import type { CampaignEmailSender, EmailOutcome } from './email-sender.js';
import { clickUrl, linkKey, linkUrls } from './links.js';
import { MERGE_COLUMNS, mergeDataFromRow } from './merge-data.js';
import { compileEmail, compileSms, renderEmail, renderSms } from './render.js';

/** How a company's automation messages leave: a fresh email sender per job (its connections close with it), and an SMS driver (closed after use). */
export interface AutomationSenders {
  email(tenantId: string): Promise<CampaignEmailSender>;
  sms(tenantId: string): Promise<SmsDriver>;
}

/**
 * An email claim older than this belongs to a worker that died: its message was never accepted,
 * because the final line of the DATA waits for the SENT commit (see email-sender.ts), so it is sent
 * again. An SMS claim that old may or may not have left: it is failed, never sent twice.
 */
const STALE_CLAIM_SECONDS = 60;
const ERROR_MAX = 2_000;

/** Our Message-ID of an automation email, set when it is queued (bounces name it). */
export function automationMessageId(sendId: string): string {
  return `<${sendId}@kontor.automation>`;
}

interface Claimed {
  id: string;
  automationId: string;
  channel: MarketingChannel;
  address: string;
  row: Row;
}

/**
 * Claims the run's messages still to go: QUEUED → SENDING, committed before anything leaves, with
 * consent and suppressions checked again (a refusal since it was queued is honoured: SKIPPED).
 */
async function claim(app: App, tenantId: string, runId: string): Promise<Claimed[]> {
  return inTenant(app.orm, tenantId, null, async (em) => {
    await em.execute(
      `update mkt_automation_sends set status = 'FAILED', updated_at = now(),
         error = 'Sending was interrupted; it was not tried again, so it is never sent twice. It may or may not have been delivered.'
       where tenant_id = ? and run_id = ? and status = 'SENDING' and channel = 'SMS' and claimed_at < now() - make_interval(secs => ?)`,
      [tenantId, runId, STALE_CLAIM_SECONDS],
    );
    const email = reachable(MarketingChannel.EMAIL, []);
    const sms = reachable(MarketingChannel.SMS, []);
    const rows = await em.execute<Row[]>(
      `with claimed as (
         update mkt_automation_sends s set status = 'SENDING', claimed_at = now(), updated_at = now()
          where s.tenant_id = ? and s.run_id = ?
            and (s.status = 'QUEUED' or (s.status = 'SENDING' and s.channel = 'EMAIL' and s.claimed_at < now() - make_interval(secs => ?)))
          returning s.id, s.automation_id, s.contact_id, s.template_id, s.channel, s.address)
       select cl.id as s_id, cl.automation_id as s_automation_id, cl.channel as s_channel, cl.address as s_address,
              (c.id is not null and case cl.channel when 'EMAIL' then ${email.sql} else ${sms.sql} end) as s_ok,
              tp.subject as t_subject, tp.preheader as t_preheader, tp.html as t_html, tp.text as t_text, ${MERGE_COLUMNS}
         from claimed cl
         join mkt_templates tp on tp.tenant_id = ? and tp.id = cl.template_id
         left join crm_contacts c on c.tenant_id = ? and c.id = cl.contact_id
         left join crm_customers cu on cu.tenant_id = c.tenant_id and cu.id = c.customer_id
         join tenants tn on tn.id = ?`,
      [tenantId, runId, STALE_CLAIM_SECONDS, ...email.params, ...sms.params, tenantId, tenantId, tenantId],
    );
    const skipped = rows.filter((row) => row.s_ok !== true).map((row) => String(row.s_id));
    if (skipped.length > 0) {
      await em.execute(`update mkt_automation_sends set status = 'SKIPPED', error = 'unsubscribed, suppressed or without consent when its turn came', updated_at = now() where tenant_id = ? and id = any(?::uuid[])`, [
        tenantId,
        uuidArray(skipped),
      ]);
    }
    return rows
      .filter((row) => row.s_ok === true)
      .map((row) => ({ id: String(row.s_id), automationId: String(row.s_automation_id), channel: String(row.s_channel) as MarketingChannel, address: String(row.s_address), row }));
  });
}

async function setStatus(app: App, tenantId: string, id: string, status: 'QUEUED' | 'SENT' | 'FAILED' | 'BOUNCED', fields: { error?: string; providerMessageId?: string | null; segments?: number | null } = {}): Promise<void> {
  await inTenant(app.orm, tenantId, null, (em) =>
    em.execute(
      `update mkt_automation_sends set status = ?, error = ?, provider_message_id = coalesce(?, provider_message_id), segments = coalesce(?, segments),
         sent_at = case when ? = 'SENT' then now() else sent_at end, updated_at = now()
       where tenant_id = ? and id = ? and status = 'SENDING'`,
      [status, fields.error?.slice(0, ERROR_MAX) ?? null, fields.providerMessageId ?? null, fields.segments ?? null, status, tenantId, id],
    ),
  );
}

/** A permanent refusal: the address bounced, and is suppressed for every later message. */
async function bounce(app: App, tenantId: string, message: Claimed, error: string): Promise<void> {
  await inTenant(app.orm, tenantId, null, async (em) => {
    await em.execute(`update mkt_automation_sends set status = 'BOUNCED', error = ?, updated_at = now() where tenant_id = ? and id = ?`, [error.slice(0, ERROR_MAX), tenantId, message.id]);
    await em.execute(
      `insert into mkt_suppressions (tenant_id, id, created_at, updated_at, channel, address, reason, source) values (?, gen_random_uuid(), now(), now(), ?, ?, 'BOUNCED', 'permanent refusal when sending an automation') on conflict do nothing`,
      [tenantId, message.channel, message.address],
    );
  });
}

/** Raised when a message could not leave this time but may later: the job is retried (the row is QUEUED again). */
export class SendDeferredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SendDeferredError';
  }
}

async function sendEmail(app: App, tenantId: string, sender: CampaignEmailSender, message: Claimed, key: Buffer): Promise<void> {
  const subject = { tenantId, deliveryId: message.id };
  const urls = linkUrls(app.config.appUrl, key, subject);
  const data = mergeDataFromRow(message.row, { unsubscribe: urls.unsubscribe, preferences: urls.preferences });
  const compiled = compileEmail({ subject: String(message.row.t_subject ?? ''), preheader: rowText(message.row.t_preheader), html: String(message.row.t_html ?? ''), text: rowText(message.row.t_text) });
  const email = renderEmail(compiled, data, { click: (href) => clickUrl(app.config.appUrl, key, subject, href), openPixel: urls.openPixel });
  const raw = await new MailComposer({
    from: sender.fromHeader,
    to: message.address,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: automationMessageId(message.id),
    // RFC 8058: the header's address takes a POST, which alone unsubscribes.
    headers: { 'List-Unsubscribe': `<${urls.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-Kontor-Automation': message.automationId },
    disableFileAccess: true,
    disableUrlAccess: true,
  })
    .compile()
    .build();
  const [outcome] = await sender.send([{ id: message.id, to: message.address, build: () => Promise.resolve(raw) }], (id) => setStatus(app, tenantId, id, 'SENT', { providerMessageId: automationMessageId(id) }));
  await recordEmailOutcome(app, tenantId, message, outcome);
}

async function recordEmailOutcome(app: App, tenantId: string, message: Claimed, outcome: EmailOutcome | undefined): Promise<void> {
  if (!outcome || outcome.kind === 'accepted') return;
  if (outcome.kind === 'uncertain') {
    app.log.warn({ tenantId, sendId: message.id, err: outcome.error }, 'automation email: connection lost after the final line; kept as SENT');
    return;
  }
  if (outcome.permanent) return bounce(app, tenantId, message, outcome.error);
  if (outcome.kind === 'rejected') {
    // Refused after its final line: it is SENT already; the refusal is what became of it.
    await inTenant(app.orm, tenantId, null, (em) => em.execute(`update mkt_automation_sends set status = 'FAILED', error = ?, updated_at = now() where tenant_id = ? and id = ?`, [outcome.error.slice(0, ERROR_MAX), tenantId, message.id]));
    return;
  }
  await setStatus(app, tenantId, message.id, 'QUEUED', { error: outcome.error });
  throw new SendDeferredError(`automation email deferred: ${outcome.error}`);
}

async function sendSms(app: App, tenantId: string, driver: SmsDriver, message: Claimed): Promise<void> {
  const sms = renderSms(compileSms(String(message.row.t_text ?? '')), mergeDataFromRow(message.row, { unsubscribe: '', preferences: '' }));
  try {
    // Twilio reports the text's fate to the company's address; the SID saved below finds this row (see recordSmsStatus).
    const result = await driver.send({ to: message.address, body: sms.body, statusCallback: smsStatusCallbackUrl(app.config.appUrl, tenantId) });
    await setStatus(app, tenantId, message.id, 'SENT', { providerMessageId: result.providerMessageId, segments: sms.segments.segments });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof SmsSendError && error.retryable) {
      await setStatus(app, tenantId, message.id, 'QUEUED', { error: reason });
      throw new SendDeferredError(`automation SMS deferred: ${reason}`);
    }
    await setStatus(app, tenantId, message.id, 'FAILED', { error: reason });
  }
}

/**
 * Sends the run's messages that are still to go, each at most once: claimed, sent, then marked. A
 * failure that certainly left nothing puts the message back (QUEUED) and throws SendDeferredError,
 * so the job is tried again later.
 */
export async function deliverPendingSends(app: App, senders: AutomationSenders, tenantId: string, runId: string): Promise<void> {
  const claimed = await claim(app, tenantId, runId);
  if (claimed.length === 0) return;
  let sender: CampaignEmailSender | null = null;
  let deferred: SendDeferredError | null = null;
  try {
    // Every claimed message is tried: one deferred must not leave the others claimed and unsent.
    for (const message of claimed) {
      try {
        if (message.channel === MarketingChannel.EMAIL) {
          sender ??= await senders.email(tenantId);
          const key = await inTenant(app.orm, tenantId, null, (em) => linkKey(em));
          await sendEmail(app, tenantId, sender, message, key);
        } else {
          const driver = await senders.sms(tenantId);
          try {
            await sendSms(app, tenantId, driver, message);
          } finally {
            await driver.close();
          }
        }
      } catch (error) {
        if (!(error instanceof SendDeferredError)) throw error;
        deferred ??= error;
      }
    }
  } finally {
    sender?.close();
  }
  if (deferred) throw deferred;
}
