import MailComposer from 'nodemailer/lib/mail-composer';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Template } from 'liquidjs';
import type { Logger } from 'pino';
import { CampaignStatus } from '../../../schema/marketing/campaign.entity.js';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { rowText, textArray, uuidArray, type Row } from '../graphql/keyset.js';
import type { App } from '../platform/app.js';
import { inTenant } from '../platform/context/tenant-scope.js';
import { loadTenantModules } from '../platform/modules/module.service.js';
import type { SmsDriver } from '../platform/sms/sms-driver.js';
import { SmsSendError } from '../platform/sms/sms-driver.js';
import { smsStatusCallbackUrl } from '../platform/sms/status-callback.js';
import { reachable } from './audience.service.js';
import { inQuietHoursSql } from './quiet-hours.js';
import type { CampaignEmailSender, EmailOutcome, OutgoingEmail } from './email-sender.js';
import { clickUrl, linkKey, linkUrls } from './links.js';
import { MERGE_COLUMNS, mergeDataFromRow } from './merge-data.js';
import { compileEmail, compileSms, renderEmail, renderSms, type CompiledEmail } from './render.js';

/** Recipients claimed per round: large enough to group commits, small enough to pause promptly. */
const BATCH = 1000;
/** A claim older than this belongs to a run that died: its message was never accepted (see email-sender.ts). */
const STALE_CLAIM_SECONDS = 60;
/** Parallel SMS requests per run. */
const SMS_LANES = 8;

export interface DispatchDeps {
  /** The company's sender: its own SMTP server, or the platform's. */
  email: (tenantId: string) => Promise<CampaignEmailSender>;
  /** The company's SMS driver: its own Twilio account, or the platform's. */
  sms: (tenantId: string) => Promise<SmsDriver>;
  /** Where a run stops and hands over to a new job (so pauses, switches and other tenants get a turn). */
  budgetMs: number;
}

/**
 * finished: all done; stopped: paused, cancelled or waiting for an A/B winner; continue: run again
 * now; waiting: run again later; module-off: MARKETING was switched off (the job waits for it).
 */
export type DispatchResult = 'finished' | 'stopped' | 'continue' | 'waiting' | 'module-off';

interface CampaignRow {
  id: string;
  status: CampaignStatus;
  channel: MarketingChannel;
  listIds: string[];
  throttlePerMinute: number | null;
  quietHours: { start: number; end: number } | null;
  templates: Map<string, { subject: string | null; preheader: string | null; html: string | null; text: string | null }>;
  templateId: string;
  variantTemplateId: string | null;
}

async function loadCampaign(em: EntityManager, tenantId: string, campaignId: string): Promise<CampaignRow | null> {
  const rows = await em.execute<Row[]>(`select * from mkt_campaigns where tenant_id = ? and id = ?`, [tenantId, campaignId]);
  const row = rows[0];
  if (!row) return null;
  const templateRows = await em.execute<Row[]>(`select * from mkt_templates where tenant_id = ? and id in (?, coalesce(?::uuid, ?::uuid))`, [
    tenantId,
    row.template_id,
    row.variant_template_id ?? null,
    row.template_id,
  ]);
  return {
    id: String(row.id),
    status: String(row.status) as CampaignStatus,
    channel: String(row.channel) as MarketingChannel,
    listIds: Array.isArray(row.list_ids) ? row.list_ids.map(String) : [],
    throttlePerMinute: row.throttle_per_minute === null || row.throttle_per_minute === undefined ? null : Number(row.throttle_per_minute),
    quietHours: row.quiet_hours_start === null || row.quiet_hours_start === undefined ? null : { start: Number(row.quiet_hours_start), end: Number(row.quiet_hours_end) },
    templateId: String(row.template_id),
    variantTemplateId: rowText(row.variant_template_id),
    templates: new Map(templateRows.map((t) => [String(t.id), { subject: rowText(t.subject), preheader: rowText(t.preheader), html: rowText(t.html), text: rowText(t.text) }])),
  };
}

interface Claimed {
  id: string;
  /** The claim's time, exactly: the token that proves a later write is this run's (another run may reclaim a row it thought dead). */
  claimedAt: string;
  address: string;
  variant: string | null;
  ok: boolean;
  row: Row;
}

/** Below every delivery id: where a run's first claim starts. */
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

interface ClaimResult {
  /** The claimed recipients still reachable, to send to. */
  toSend: Claimed[];
  /** The highest id claimed (skipped ones included); null when nothing was left to claim. */
  last: string | null;
}

/**
 * Claims the next recipients after `after` in id order: QUEUED → SENDING, committed before anything
 * leaves. Those no longer reachable (consent withdrawn, unsubscribed, suppressed since the audience
 * was fixed) go to SKIPPED. Starting after the last claimed id keeps each claim's cost flat: from the
 * start, the scan would step over every recipient already sent (whichever index the statistics,
 * taken before sending began, make the planner choose). The rows are then updated by their keys.
 */
async function claim(app: App, tenantId: string, campaign: CampaignRow, batch: number, after: string): Promise<ClaimResult | 'throttled'> {
  return inTenant(app.orm, tenantId, null, async (em) => {
    const size = await roomUnderThrottles(em, tenantId, campaign, batch);
    if (size <= 0) return 'throttled';
    const ok = reachable(campaign.channel, campaign.listIds);
    // SMS quiet hours: recipients in them wait in the queue for a later run.
    const quiet = campaign.channel === MarketingChannel.SMS && campaign.quietHours ? inQuietHoursSql(campaign.quietHours.start, campaign.quietHours.end) : null;
    const awake = quiet
      ? { sql: `and not exists (select 1 from crm_contacts c where c.tenant_id = q.tenant_id and c.id = q.contact_id and ${quiet.sql})`, params: quiet.params }
      : { sql: '', params: [] };
    const rows = await em.execute<Row[]>(
      `with claimed as (
         update mkt_deliveries d set status = 'SENDING', claimed_at = now(), updated_at = now()
          where d.tenant_id = ? and d.id = any(array(
            select q.id from mkt_deliveries q where q.tenant_id = ? and q.campaign_id = ? and q.status = 'QUEUED' and q.id > ?::uuid ${awake.sql} order by q.id limit ? for update of q skip locked))
         returning d.id, d.contact_id, d.address, d.variant, d.claimed_at)
       select cl.id as d_id, cl.claimed_at::text as d_claimed_at, cl.address as d_address, cl.variant as d_variant, (c.id is not null and ${ok.sql}) as d_ok, ${MERGE_COLUMNS}
         from claimed cl
         left join crm_contacts c on c.tenant_id = ? and c.id = cl.contact_id
         left join crm_customers cu on cu.tenant_id = c.tenant_id and cu.id = c.customer_id
         join tenants tn on tn.id = ?`,
      [tenantId, tenantId, campaign.id, after, ...awake.params, size, ...ok.params, tenantId, tenantId],
    );
    const claimed = rows.map((row) => ({ id: String(row.d_id), claimedAt: String(row.d_claimed_at), address: String(row.d_address), variant: rowText(row.d_variant), ok: row.d_ok === true, row }));
    const skipped = claimed.filter((c) => !c.ok).map((c) => c.id);
    if (skipped.length > 0) {
      await em.execute(`update mkt_deliveries set status = 'SKIPPED', error = 'unsubscribed, suppressed or without consent when its turn came', updated_at = now() where tenant_id = ? and id = any(?::uuid[])`, [tenantId, uuidArray(skipped)]);
    }
    // Canonical lower-case uuids compare as text the way PostgreSQL orders them.
    const last = claimed.reduce<string | null>((max, c) => (max === null || c.id > max ? c.id : max), null);
    return { toSend: claimed.filter((c) => c.ok), last };
  });
}

interface SentRow {
  id: string;
  claimedAt: string;
  providerMessageId: string | null;
  segments: number | null;
}

const MARK_SENT_SQL = `with s as (select * from unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::int[]) as s(id, claimed_at, provider, segments)),
    updated as (
      update mkt_deliveries d set status = 'SENT', sent_at = now(), updated_at = now(), provider_message_id = coalesce(s.provider, d.provider_message_id), segments = s.segments
      from s where d.tenant_id = $5 and d.id = s.id and d.status = 'SENDING' and d.claimed_at = s.claimed_at returning d.id, d.contact_id),
    events as (
      insert into mkt_delivery_events (tenant_id, id, created_at, updated_at, delivery_id, campaign_id, contact_id, kind, occurred_at)
      select $5, gen_random_uuid(), now(), now(), u.id, $6, u.contact_id, 'SENT', now() from updated u)
   select id from updated`;

interface RawClient {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * SENT, with its event, for claimed deliveries the provider has (or is about to have) taken; only
 * rows still under this run's claim. `onMarked` gets the ids the moment COMMIT has been handed to
 * the server, before its answer: PostgreSQL executes a COMMIT it has received even if this process
 * dies next, so releasing the messages then (and not a round trip later) leaves only the
 * microseconds between two writes in which a kill could lose a message marked SENT.
 */
async function markSent(app: App, tenantId: string, campaignId: string, sent: SentRow[], onMarked: (ids: Set<string>) => void): Promise<void> {
  if (sent.length === 0) {
    onMarked(new Set());
    return;
  }
  const knex = app.orm.em.getConnection().getKnex();
  const client = (await knex.client.acquireConnection()) as RawClient;
  let open = false;
  try {
    await client.query('begin');
    open = true;
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    const rows = (
      await client.query<{ id: string }>(MARK_SENT_SQL, [
        uuidArray(sent.map((s) => s.id)),
        textArray(sent.map((s) => s.claimedAt)),
        textArray(sent.map((s) => s.providerMessageId)),
        textArray(sent.map((s) => (s.segments === null ? null : String(s.segments)))),
        tenantId,
        campaignId,
      ])
    ).rows;
    // pg writes the query to the socket synchronously when the connection is idle, as it is here.
    const committed = client.query('commit');
    open = false;
    onMarked(new Set(rows.map((r) => String(r.id))));
    await committed;
  } catch (error) {
    if (open) await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await knex.client.releaseConnection(client);
  }
}

interface Failure {
  id: string;
  claimedAt: string;
  address: string;
  retry: boolean;
  permanent: boolean;
  error: string;
}

async function recordFailures(app: App, tenantId: string, campaign: CampaignRow, failures: Failure[]): Promise<void> {
  if (failures.length === 0) return;
  await inTenant(app.orm, tenantId, null, async (em) => {
    for (const f of failures) {
      const status = f.retry ? 'QUEUED' : f.permanent ? 'BOUNCED' : 'FAILED';
      const rows = await em.execute<{ contact_id: string | null }[]>(
        `update mkt_deliveries set status = ?, error = ?, updated_at = now() where tenant_id = ? and id = ? and claimed_at = ?::timestamptz returning contact_id`,
        [status, f.error.slice(0, 2000), tenantId, f.id, f.claimedAt],
      );
      // Not ours any more (another run took it over), or nothing more to record.
      if (f.retry || rows.length === 0) continue;
      await em.execute(
        `insert into mkt_delivery_events (tenant_id, id, created_at, updated_at, delivery_id, campaign_id, contact_id, kind, occurred_at, detail) values (?, gen_random_uuid(), now(), now(), ?, ?, ?, ?, now(), ?)`,
        [tenantId, f.id, campaign.id, rows[0]?.contact_id ?? null, status === 'BOUNCED' ? 'BOUNCED' : 'FAILED', f.error.slice(0, 2000)],
      );
      if (status === 'BOUNCED') {
        await em.execute(
          `insert into mkt_suppressions (tenant_id, id, created_at, updated_at, channel, address, reason, source, campaign_id) values (?, gen_random_uuid(), now(), now(), ?, ?, 'BOUNCED', 'permanent refusal when sending', ?) on conflict do nothing`,
          [tenantId, campaign.channel, f.address, campaign.id],
        );
      }
    }
  });
}

/** The address part of "Name <address>", for the SMTP envelope. */
export function envelopeAddress(from: string): string {
  const match = /<([^>]+)>/.exec(from);
  return (match?.[1] ?? from).trim();
}

function emailsOf(app: App, tenantId: string, campaign: CampaignRow, compiled: Map<string, CompiledEmail>, claimed: Claimed[], key: Buffer, from: string): OutgoingEmail[] {
  return claimed.map((c) => ({
    id: c.id,
    to: c.address,
    build: () => {
      const subject = { tenantId, deliveryId: c.id };
      const urls = linkUrls(app.config.appUrl, key, subject);
      const data = mergeDataFromRow(c.row, { unsubscribe: urls.unsubscribe, preferences: urls.preferences });
      const template = compiled.get(c.variant === 'B' && campaign.variantTemplateId ? campaign.variantTemplateId : campaign.templateId);
      if (!template) throw new Error(`campaign ${campaign.id} has no template`);
      const email = renderEmail(template, data, { click: (href) => clickUrl(app.config.appUrl, key, subject, href), openPixel: urls.openPixel });
      return new MailComposer({
        from,
        to: c.address,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: `<${c.id}@kontor.campaign>`,
        headers: { 'List-Unsubscribe': `<${urls.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-Kontor-Campaign': campaign.id },
        disableFileAccess: true,
        disableUrlAccess: true,
      })
        .compile()
        .build();
    },
  }));
}

/** Sends a claimed batch of emails; returns how many are to be tried again later. */
async function sendEmails(app: App, tenantId: string, campaign: CampaignRow, sender: CampaignEmailSender, compiled: Map<string, CompiledEmail>, claimed: Claimed[]): Promise<number> {
  const key = await inTenant(app.orm, tenantId, null, (em) => linkKey(em));
  const messages = emailsOf(app, tenantId, campaign, compiled, claimed, key, sender.fromHeader);
  const byId = new Map(claimed.map((c) => [c.id, c]));
  const group = new GroupCommit((ids, onMarked) =>
    markSent(app, tenantId, campaign.id, ids.map((id) => ({ id, claimedAt: byId.get(id)?.claimedAt ?? '', providerMessageId: `<${id}@kontor.campaign>`, segments: null })), onMarked),
    app.log,
  );
  const outcomes = await sender.send(messages, (id) => group.confirm(id));
  const failures = outcomes.flatMap((o: EmailOutcome): Failure[] => {
    const c = byId.get(o.id);
    if (!c) return [];
    if (o.kind === 'refused') return [{ id: o.id, claimedAt: c.claimedAt, address: c.address, retry: !o.permanent, permanent: o.permanent, error: o.error }];
    if (o.kind === 'rejected') return [{ id: o.id, claimedAt: c.claimedAt, address: c.address, retry: false, permanent: o.permanent, error: o.error }];
    if (o.kind === 'uncertain') app.log.warn({ deliveryId: o.id, err: o.error }, 'campaign email: connection lost after the final line; kept as SENT');
    return [];
  });
  await recordFailures(app, tenantId, campaign, failures);
  return failures.filter((f) => f.retry).length;
}

/**
 * Sends a claimed batch of SMS; returns how many are to be tried again later. Twilio takes a message
 * with one request, so a run killed between Twilio's answer and the SENT commit leaves a message
 * that is sent again after the claim goes stale: the one window SMS cannot close.
 */
async function sendSms(app: App, tenantId: string, campaign: CampaignRow, driver: SmsDriver, compiled: Map<string, Template[]>, claimed: Claimed[]): Promise<number> {
  const sent: SentRow[] = [];
  const failures: Failure[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < claimed.length; i = next++) {
      const c = claimed[i];
      if (!c) continue;
      const template = compiled.get(c.variant === 'B' && campaign.variantTemplateId ? campaign.variantTemplateId : campaign.templateId);
      if (!template) throw new Error(`campaign ${campaign.id} has no template`);
      const sms = renderSms(template, mergeDataFromRow(c.row, { unsubscribe: '', preferences: '' }));
      try {
        const result = await driver.send({ to: c.address, body: sms.body, statusCallback: smsStatusCallbackUrl(app.config.appUrl, tenantId) });
        sent.push({ id: c.id, claimedAt: c.claimedAt, providerMessageId: result.providerMessageId, segments: sms.segments.segments });
      } catch (error) {
        const retryable = error instanceof SmsSendError && error.retryable;
        failures.push({ id: c.id, claimedAt: c.claimedAt, address: c.address, retry: retryable, permanent: false, error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: SMS_LANES }, lane));
  await markSent(app, tenantId, campaign.id, sent, () => undefined);
  await recordFailures(app, tenantId, campaign, failures);
  return failures.filter((f) => f.retry).length;
}

/**
 * Groups the SENT commits of messages that reach their final line together into one transaction;
 * each message is released as soon as its commit is on its way (see markSent).
 */
class GroupCommit {
  private pending: { id: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly commit: (ids: string[], onMarked: (ids: Set<string>) => void) => Promise<void>,
    private readonly log: Logger,
  ) {}

  confirm(id: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ id, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0);
        let settled = false;
        const settle = (marked: Set<string>): void => {
          settled = true;
          for (const b of batch) {
            if (marked.has(b.id)) b.resolve();
            else b.reject(new Error('the delivery is no longer this run\'s to send'));
          }
        };
        try {
          await this.commit(batch.map((b) => b.id), settle);
        } catch (error) {
          // Before the COMMIT left, nothing was released; after, the messages are on their way and
          // their rows still say SENDING: they will be sent again once the claim goes stale.
          if (!settled) for (const b of batch) b.reject(error);
          else this.log.error({ err: error, deliveryIds: batch.map((b) => b.id) }, 'campaign emails released but their SENT commit failed');
        }
      }
    } finally {
      this.running = false;
    }
  }
}

/**
 * When a run finds nothing to claim: finished when nothing waits, is being sent or is held for an
 * A/B winner; 'waiting' while claims of another (or a dead) run are open, after releasing those
 * gone stale; 'stopped' when only the A/B rest waits (its winner job starts the next run).
 */
async function settle(app: App, tenantId: string, campaignId: string): Promise<DispatchResult> {
  return inTenant(app.orm, tenantId, null, async (em) => {
    await em.execute(
      `update mkt_deliveries set status = 'QUEUED', updated_at = now() where tenant_id = ? and campaign_id = ? and status = 'SENDING' and claimed_at < now() - make_interval(secs => ?)`,
      [tenantId, campaignId, STALE_CLAIM_SECONDS],
    );
    const rows = await em.execute<Row[]>(
      `select count(*) filter (where status = 'QUEUED')::int as queued, count(*) filter (where status = 'SENDING')::int as sending, count(*) filter (where status = 'HELD')::int as held
         from mkt_deliveries where tenant_id = ? and campaign_id = ? and status in ('QUEUED', 'SENDING', 'HELD')`,
      [tenantId, campaignId],
    );
    const left = rows[0] ?? {};
    if (Number(left.queued ?? 0) > 0) return 'continue';
    if (Number(left.sending ?? 0) > 0) return 'waiting';
    if (Number(left.held ?? 0) > 0) return 'stopped';
    await em.execute(`update mkt_campaigns set status = 'SENT', finished_at = now(), updated_at = now() where tenant_id = ? and id = ? and status = 'SENDING'`, [tenantId, campaignId]);
    return 'finished';
  });
}

/**
 * How many recipients this run may claim now under the campaign's throttle and the company's limit
 * for the channel, both counted in the database over the last minute so they hold across runs and
 * workers. Called inside the claiming transaction after taking the company's lock for the channel,
 * so two campaigns (or two runs) cannot both count the same free room.
 */
async function roomUnderThrottles(em: EntityManager, tenantId: string, campaign: CampaignRow, size: number): Promise<number> {
  const limits = await em.execute<{ n: number | null }[]>(
    `select ${campaign.channel === MarketingChannel.EMAIL ? 'emails_per_minute' : 'sms_per_minute'} as n from mkt_channel_accounts where tenant_id = ?`,
    [tenantId],
  );
  const companyLimit = limits[0]?.n ?? null;
  if (campaign.throttlePerMinute === null && companyLimit === null) return size;
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`mkt-throttle:${tenantId}:${campaign.channel}`]);
  let room = size;
  if (campaign.throttlePerMinute !== null) {
    const rows = await em.execute<{ n: number }[]>(
      `select count(*)::int as n from mkt_deliveries where tenant_id = ? and campaign_id = ? and status <> 'QUEUED' and status <> 'HELD' and claimed_at > now() - interval '1 minute'`,
      [tenantId, campaign.id],
    );
    room = Math.min(room, campaign.throttlePerMinute - (rows[0]?.n ?? 0));
  }
  if (companyLimit !== null) {
    const rows = await em.execute<{ n: number }[]>(
      `select count(*)::int as n from mkt_deliveries where tenant_id = ? and claimed_at > now() - interval '1 minute' and channel = ? and status <> 'QUEUED' and status <> 'HELD'`,
      [tenantId, campaign.channel],
    );
    room = Math.min(room, companyLimit - (rows[0]?.n ?? 0));
  }
  return room;
}

/**
 * One sending run of a campaign: claims, renders, sends and records batch after batch, checking
 * before each that the campaign is still SENDING and the module still on, until nothing is left
 * ('finished'), it was paused or switched off ('stopped'), or its time is up ('continue': the
 * caller queues the next run). A throttle lets no more than its number be claimed in any minute.
 */
export async function dispatchCampaign(app: App, tenantId: string, campaignId: string, deps: DispatchDeps): Promise<DispatchResult> {
  const started = Date.now();
  const initial = await inTenant(app.orm, tenantId, null, async (em) => {
    const campaign = await loadCampaign(em, tenantId, campaignId);
    return campaign && campaign.status === CampaignStatus.SENDING ? campaign : null;
  });
  if (!initial) return 'stopped';
  const emailTemplates = new Map<string, CompiledEmail>();
  const smsTemplates = new Map<string, Template[]>();
  for (const [id, t] of initial.templates) {
    if (initial.channel === MarketingChannel.EMAIL) emailTemplates.set(id, compileEmail({ subject: t.subject ?? '', preheader: t.preheader, html: t.html ?? '', text: t.text }));
    else smsTemplates.set(id, compileSms(t.text ?? ''));
  }
  const sender = initial.channel === MarketingChannel.EMAIL ? await deps.email(tenantId) : null;
  const smsDriver = initial.channel === MarketingChannel.SMS ? await deps.sms(tenantId) : null;
  let after = FIRST_ID;
  try {
    for (;;) {
      const current = await inTenant(app.orm, tenantId, null, async (em) => ({
        campaign: await loadCampaign(em, tenantId, campaignId),
        on: (await loadTenantModules(em, app.registry)).isEnabled('MARKETING'),
      }));
      if (!current.on) return 'module-off';
      if (!current.campaign || current.campaign.status !== CampaignStatus.SENDING) return 'stopped';
      if (Date.now() - started > deps.budgetMs) return 'continue';
      const campaign = { ...initial, throttlePerMinute: current.campaign.throttlePerMinute };
      let result = await claim(app, tenantId, campaign, BATCH, after);
      if (result !== 'throttled' && result.last === null && after !== FIRST_ID) {
        // Past the last id: look again from the start for those put back (a retry, a stale claim)
        // or waiting behind it (quiet hours).
        after = FIRST_ID;
        result = await claim(app, tenantId, campaign, BATCH, after);
      }
      if (result === 'throttled') return 'waiting';
      if (result.last === null) {
        const settled = await settle(app, tenantId, campaignId);
        // Recipients are waiting, yet none could be claimed: their quiet hours (or another run holds them).
        if (settled === 'continue') return 'waiting';
        return settled;
      }
      after = result.last;
      const claimed = result.toSend;
      if (claimed.length === 0) continue;
      const retries = sender
        ? await sendEmails(app, tenantId, initial, sender, emailTemplates, claimed)
        : smsDriver
          ? await sendSms(app, tenantId, initial, smsDriver, smsTemplates, claimed)
          : 0;
      // The provider is refusing everything for now (down, or slowing us): try again later.
      if (retries === claimed.length) return 'waiting';
    }
  } finally {
    sender?.close();
    await smsDriver?.close();
  }
}
