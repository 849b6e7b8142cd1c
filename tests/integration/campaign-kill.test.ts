import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { uuidOf } from '../isolation/isolation-cases.js';
import { ok, signUp, startKontor, type Kontor } from '../support/harness.js';
import { SmtpSink } from '../support/smtp-sink.js';

/**
 * Exactly once under a real kill: a separate worker process sends a campaign to a real SMTP server,
 * is killed with SIGKILL in the middle, and a new worker process finishes it. Every recipient gets
 * the message once: none twice, none skipped.
 */
const RECIPIENTS = 1500;
const WORKER = 'dist/workers/main.js';

let kontor: Kontor;
let sink: SmtpSink;
let smtpUrl: string;
const workers: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: inject('ownerUrl'),
    DATABASE_APP_PASSWORD: inject('appRolePassword'),
    SMTP_URL: smtpUrl,
    APP_URL: kontor.url,
    LOG_LEVEL: 'error',
  };
  delete env.REDIS_URL;
  const child = spawn(process.execPath, [WORKER], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  workers.push(child);
  return child;
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build first (npm test does)`);
  sink = new SmtpSink();
  smtpUrl = await sink.start();
  kontor = await startKontor({ smtpUrl, workers: false });
}, 120_000);

afterAll(async () => {
  for (const child of workers) await kill(child);
  await kontor?.close();
  await sink?.stop();
});

describe('a campaign under a killed worker', () => {
  it('reaches every recipient exactly once when its worker is killed mid-campaign and another finishes', async () => {
    const owner = await signUp(kontor, { modules: ['CRM', 'MARKETING'] });
    const tenantId = uuidOf(owner.tenantId, 'Tenant');
    const tag = `kill${Date.now()}`;
    const domain = `${tag}.example`;
    const db = new pg.Client({ connectionString: inject('ownerUrl') });
    await db.connect();
    try {
      await db.query(
        `insert into crm_contacts (tenant_id, id, created_at, updated_at, first_name, email, email_consent, sms_consent, tags, custom_fields)
         select $1, gen_random_uuid(), now(), now(), 'P' || i, 'p' || i || '@' || $3, 'GRANTED', 'UNKNOWN', array[$4], '{}' from generate_series(1, $2::int) as i`,
        [tenantId, RECIPIENTS, domain, tag],
      );
    } finally {
      await db.end();
    }
    const segmentId = ok(await kontor.gql<{ createSegment: { id: string } }>(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, { input: { name: tag, entity: 'CONTACT', contactFilter: { tags: [tag] } } }, owner.token)).createSegment.id;
    const templateId = ok(await kontor.gql<{ createCampaignTemplate: { id: string } }>(
      `mutation($input: CreateCampaignTemplateInput!) { createCampaignTemplate(input: $input) { id } }`,
      { input: { name: 'Kill', channel: 'EMAIL', subject: 'For {{ contact.firstName }}', html: '<p>Hello {{ contact.firstName }}</p>' } },
      owner.token,
    )).createCampaignTemplate.id;
    const campaignId = ok(await kontor.gql<{ createCampaign: { id: string } }>(
      `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`,
      { input: { name: 'Kill', channel: 'EMAIL', templateId, audience: { segmentIds: [segmentId], listIds: [] } } },
      owner.token,
    )).createCampaign.id;
    ok(await kontor.gql(`mutation($input: CampaignIdInput!) { sendCampaignNow(input: $input) { id } }`, { input: { id: campaignId } }, owner.token));

    const ours = () => sink.messages.filter((m) => (m.subject ?? '').startsWith('For P') && JSON.stringify(m.to ?? '').includes(domain));
    const first = startWorker();
    await waitFor(() => ours().length >= RECIPIENTS * 0.3, 120_000, 'the first worker to send a third');
    const killedAt = Date.now();
    await kill(first);
    const atKill = ours().length;
    expect(atKill).toBeLessThan(RECIPIENTS);

    startWorker();
    const status = async () => ok(await kontor.gql<{ campaign: { status: string; stats: { sent: number; queued: number; sending: number } } }>(
      `query($id: ID!) { campaign(id: $id) { status stats { sent queued sending } } }`,
      { id: campaignId },
      owner.token,
    )).campaign;
    await waitFor(async () => (await status()).status === 'SENT', 240_000, 'the second worker to finish the campaign');

    const counts = new Map<string, number>();
    for (const message of ours()) {
      const to = (Array.isArray(message.to) ? message.to : message.to ? [message.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
      for (const address of to) counts.set(address, (counts.get(address) ?? 0) + 1);
    }
    // What Kontor says it sent but the server never got (with the claim and send times, should one show up).
    const audit = new pg.Client({ connectionString: inject('ownerUrl') });
    await audit.connect();
    const rows = (await audit.query<{ address: string; status: string; claimed_at: Date; sent_at: Date | null }>(`select address, status, claimed_at, sent_at from mkt_deliveries where tenant_id = $1`, [tenantId])).rows;
    await audit.end();
    const lost = rows.filter((r) => !counts.has(r.address)).map((r) => `${r.address} ${r.status} claimed ${r.claimed_at.toISOString()} sent ${r.sent_at?.toISOString() ?? '-'} (killed ${new Date(killedAt).toISOString()})`);
    expect(lost).toEqual([]);
    const twice = [...counts].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    expect(counts.size).toBe(RECIPIENTS);
    expect((await status()).stats).toMatchObject({ sent: RECIPIENTS, queued: 0, sending: 0 });
  }, 420_000);
});
