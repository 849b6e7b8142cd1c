import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import pg from 'pg';
import type { App } from '../../api/src/platform/app.js';
import { CAMPAIGN_QUEUE } from '../../api/src/marketing/campaign-queue.js';
import { createSmsDriver } from '../../api/src/platform/sms/sms-driver.factory.js';
import { campaignProcessor } from '../../workers/campaign.job.js';
import { WorkerHost } from '../../workers/worker-host.js';
import { postJson } from './http-client.js';
import { fmt } from './stats.js';

/**
 * Campaigns at volume: an email campaign to a local SMTP sink (its own process) beside a bare
 * nodemailer loop to the same sink in the same run, and an SMS campaign to a local server speaking
 * Twilio's API (Prism serving Twilio's OpenAPI description, validating every request).
 */

export interface CampaignSettings {
  emails: number;
  bareEmails: number;
  sms: number;
}

export interface CampaignContext {
  app: App;
  graphqlUrl: string;
  ownerUrl: string;
  tenantId: string;
  token: string;
  say: (line?: string) => void;
}

export interface CampaignResult {
  email: { recipients: number; seconds: number; perSecond: number; received: number; peakRssMb: number; baselineRssMb: number };
  bare: { messages: number; seconds: number; perSecond: number };
  sms: { recipients: number; seconds: number; perSecond: number; sent: number } | null;
}

export const TARGET_EMAILS_PER_SECOND = 1000;
export const TARGET_OVER_BARE = 0.5;

const HTML = `<h1>Autumn collection</h1><p>Dear {{ contact.firstName }}, our new season is here: coats, boots and scarves for the cold months ahead, in every size.</p>
<p><a href="https://shop.example/autumn">See the collection</a> or <a href="https://shop.example/stores">find a store</a>.</p><p>Until {{ "now" | date: "%Y" }}, 20 % off with code AUTUMN.</p>`;

class Sink {
  private constructor(private readonly child: ChildProcess, readonly url: string) {}

  static async start(): Promise<Sink> {
    const child = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sink-process.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { kind: string; port: number }) => resolve(message.port));
      child.once('exit', (code) => reject(new Error(`the sink exited with ${code}`)));
    });
    return new Sink(child, `smtp://127.0.0.1:${port}`);
  }

  count(): Promise<number> {
    return new Promise((resolve) => {
      const onMessage = (message: { kind: string; received: number }) => {
        if (message.kind !== 'count') return;
        this.child.off('message', onMessage);
        resolve(message.received);
      };
      this.child.on('message', onMessage);
      this.child.send('count');
    });
  }

  stop(): void {
    this.child.kill();
  }
}

async function gql<T>(ctx: CampaignContext, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await postJson(ctx.graphqlUrl, JSON.stringify({ query, variables }), { authorization: `Bearer ${ctx.token}` });
  const body = JSON.parse(response.text) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${response.text.slice(0, 500)}`);
  return body.data;
}

/** People of the bench tenant: `emails` with consent and an address, `sms` with consent and a mobile number. */
async function seed(ctx: CampaignContext, settings: CampaignSettings): Promise<void> {
  const client = new pg.Client({ connectionString: ctx.ownerUrl });
  await client.connect();
  try {
    await client.query(
      `insert into crm_contacts (tenant_id, id, created_at, updated_at, first_name, last_name, email, email_consent, sms_consent, tags, custom_fields)
       select $1, gen_random_uuid(), now(), now(), 'Reader', 'No ' || i, 'reader' || i || '@campaign.example', 'GRANTED', 'UNKNOWN', array['campaign-email'], '{}' from generate_series(1, $2::int) as i`,
      [ctx.tenantId, settings.emails],
    );
    await client.query(
      `insert into crm_contacts (tenant_id, id, created_at, updated_at, first_name, phone, email_consent, sms_consent, tags, custom_fields)
       select $1, gen_random_uuid(), now(), now(), 'Texter', '+40721' || lpad(i::text, 6, '0'), 'UNKNOWN', 'GRANTED', array['campaign-sms'], '{}' from generate_series(1, $2::int) as i`,
      [ctx.tenantId, settings.sms],
    );
    await client.query('vacuum (analyze) crm_contacts');
  } finally {
    await client.end();
  }
}

async function campaign(ctx: CampaignContext, channel: 'EMAIL' | 'SMS', tag: string): Promise<string> {
  const segment = await gql<{ createSegment: { id: string } }>(ctx, `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, {
    input: { name: `Bench ${tag}`, entity: 'CONTACT', contactFilter: { tags: [tag] } },
  });
  const template = await gql<{ createCampaignTemplate: { id: string } }>(ctx, `mutation($input: CreateCampaignTemplateInput!) { createCampaignTemplate(input: $input) { id } }`, {
    input: channel === 'EMAIL' ? { name: 'Bench email', channel, subject: 'Autumn for {{ contact.firstName }}', html: HTML } : { name: 'Bench SMS', channel, text: 'Hi {{ contact.firstName }}, 20% off today with AUTUMN' },
  });
  const created = await gql<{ createCampaign: { id: string } }>(ctx, `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`, {
    input: { name: `Bench ${channel}`, channel, templateId: template.createCampaignTemplate.id, audience: { segmentIds: [segment.createSegment.id], listIds: [] } },
  });
  return created.createCampaign.id;
}

async function runUntilSent(ctx: CampaignContext, campaignId: string, onTick: () => void): Promise<{ seconds: number; sent: number; recipients: number }> {
  const started = performance.now();
  const start = await gql<{ sendCampaignNow: { audienceSize: number } }>(ctx, `mutation($input: CampaignIdInput!) { sendCampaignNow(input: $input) { audienceSize } }`, { input: { id: campaignId } });
  // Polls the status alone: counting 100,000 rows for stats ten times a second would load the
  // database the campaign is writing to, and slow what is being measured.
  for (;;) {
    onTick();
    const current = await gql<{ campaign: { status: string } }>(ctx, `query($id: ID!) { campaign(id: $id) { status } }`, { id: campaignId });
    if (current.campaign.status === 'SENT') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  const done = await gql<{ campaign: { stats: { sent: number } } }>(ctx, `query($id: ID!) { campaign(id: $id) { stats { sent } } }`, { id: campaignId });
  return { seconds, sent: done.campaign.stats.sent, recipients: start.sendCampaignNow.audienceSize };
}

/** nodemailer's own pooled SMTP transport, as fast as it goes, with messages of the same size. */
async function bareLoop(sinkUrl: string, count: number): Promise<{ seconds: number }> {
  const url = new URL(sinkUrl);
  const transport = nodemailer.createTransport({ pool: true, maxConnections: 8, maxMessages: Infinity, host: url.hostname, port: Number(url.port), secure: false, ignoreTLS: true });
  const html = HTML.replace('{{ contact.firstName }}', 'Reader');
  const started = performance.now();
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      await transport.sendMail({ from: 'bench@kontor.localhost', to: `bare${i}@campaign.example`, subject: 'Autumn for Reader', html, text: html.replace(/<[^>]+>/g, '') });
    }
  };
  await Promise.all(Array.from({ length: 16 }, lane));
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return { seconds };
}

const require = createRequire(import.meta.url);

/** Prism serving Twilio's OpenAPI description: validates every request, as the tests' Twilio server does. */
async function startPrism(): Promise<{ url: string; stop: () => void }> {
  const spec = path.resolve('..', 'shared', 'peers', 'twilio_api_v2010.json');
  const cli = path.join(path.dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [cli, 'mock', spec, '--host', '127.0.0.1', '--port', String(port), '--errors'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Prism did not start:\n${output.slice(-2000)}`)), 120_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    child.once('exit', (code) => reject(new Error(`Prism exited with ${code}:\n${output.slice(-2000)}`)));
  });
  // Its per-request log would fill the pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

export async function runCampaignBench(ctx: CampaignContext, settings: CampaignSettings): Promise<CampaignResult> {
  let t = performance.now();
  await seed(ctx, settings);
  ctx.say(`  seeded ${settings.emails.toLocaleString('en')} people with email consent and ${settings.sms.toLocaleString('en')} with SMS consent in ${fmt((performance.now() - t) / 1000)} s`);
  const sink = await Sink.start();
  const prism = settings.sms > 0 ? await startPrism() : null;
  ctx.app.config.smtpUrl = sink.url;
  if (prism) ctx.app.config.twilio = { accountSid: `AC${'0123456789abcdef'.repeat(2)}`, authToken: 'bench-token', from: '+15005550006', apiUrl: prism.url };
  const sms = createSmsDriver(ctx.app.config, ctx.app.log);
  const host = new WorkerHost(ctx.app);
  host.start({ [CAMPAIGN_QUEUE]: campaignProcessor(ctx.app, sms) }, 2);
  try {
    // The bare loop first, on a sink that has nothing else to do.
    t = performance.now();
    const bare = await bareLoop(sink.url, settings.bareEmails);
    const bareReceived = await sink.count();
    if (bareReceived !== settings.bareEmails) throw new Error(`the bare loop's messages did not all arrive: ${bareReceived} of ${settings.bareEmails}`);
    ctx.say(`  bare nodemailer loop: ${settings.bareEmails.toLocaleString('en')} messages in ${fmt(bare.seconds)} s`);

    const emailCampaign = await campaign(ctx, 'EMAIL', 'campaign-email');
    const baselineRss = process.memoryUsage().rss;
    let peakRss = baselineRss;
    const email = await runUntilSent(ctx, emailCampaign, () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    });
    const received = (await sink.count()) - bareReceived;
    if (received !== settings.emails) throw new Error(`the campaign's messages did not all arrive: ${received} of ${settings.emails}`);
    ctx.say(`  email campaign: ${email.recipients.toLocaleString('en')} recipients, sent in ${fmt(email.seconds)} s (from sendCampaignNow to SENT), ${received.toLocaleString('en')} received`);

    let smsResult: CampaignResult['sms'] = null;
    if (settings.sms > 0) {
      const smsCampaign = await campaign(ctx, 'SMS', 'campaign-sms');
      const run = await runUntilSent(ctx, smsCampaign, () => undefined);
      smsResult = { recipients: run.recipients, seconds: run.seconds, perSecond: run.sent / run.seconds, sent: run.sent };
      ctx.say(`  SMS campaign: ${run.recipients.toLocaleString('en')} recipients, ${run.sent.toLocaleString('en')} accepted by the Twilio contract server in ${fmt(run.seconds)} s`);
    }
    return {
      email: { recipients: email.recipients, seconds: email.seconds, perSecond: received / email.seconds, received, peakRssMb: peakRss / 2 ** 20, baselineRssMb: baselineRss / 2 ** 20 },
      bare: { messages: settings.bareEmails, seconds: bare.seconds, perSecond: settings.bareEmails / bare.seconds },
      sms: smsResult,
    };
  } finally {
    await host.close();
    await sms.close();
    sink.stop();
    prism?.stop();
  }
}
