import type { ParsedMail } from 'mailparser';
import pg from 'pg';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uuidOf } from '../isolation/isolation-cases.js';
import { errorCode, ok, signUp, startKontor, uniqueEmail, uniqueSid, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { statementsOfRequest } from '../support/statements.js';
import { TwilioServer } from '../support/twilio-server.js';

// ---------------------------------------------------------------------------------------------
// Fixtures

const ACCOUNT_SID = `AC${'0f1e2d3c4b5a6978'.repeat(2)}`;
const AUTH_TOKEN = 'tracking-test-token';
const TWILIO_FROM = '+15005550006';
/** The transparent 1×1 GIF every pixel request gets. */
const GIF_HEADER = 'GIF89a';

let kontor: Kontor;
let sink: SmtpSink;
let twilio: TwilioServer;
let db: pg.Client;

beforeAll(async () => {
  sink = new SmtpSink();
  const smtpUrl = await sink.start();
  twilio = new TwilioServer();
  const apiUrl = await twilio.start();
  kontor = await startKontor({ smtpUrl, config: { twilio: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: TWILIO_FROM, apiUrl } } });
  db = new pg.Client({ connectionString: inject('ownerUrl') });
  await db.connect();
}, 180_000);

afterAll(async () => {
  await db?.end();
  await kontor?.close();
  await sink?.stop();
  await twilio?.stop();
});

const gql = <T>(query: string, variables: Record<string, unknown>, token: string): Promise<GqlResult<T>> => kontor.gql<T>(query, variables, token);

async function company(modules = ['CRM', 'MARKETING']): Promise<SignedUp> {
  return signUp(kontor, { modules });
}

/** Runs a create mutation and returns the new record's id. */
async function created(owner: SignedUp, mutation: string, input: Record<string, unknown>): Promise<string> {
  const type = `${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input`;
  const data = ok(await gql<Record<string, { id: string }>>(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input }, owner.token));
  const id = data[mutation]?.id;
  if (!id) throw new Error(`${mutation} returned no id`);
  return id;
}

interface Recipient {
  contactId: string;
  customerId: string | null;
  address: string;
}

let phoneCounter = 0;
function uniquePhone(): string {
  phoneCounter += 1;
  return `+4073${String(process.pid % 1000).padStart(3, '0')}${String(phoneCounter).padStart(4, '0')}`;
}

/** People tagged for one campaign: email (or phone) and consent for the channel, each with their own customer unless told. */
async function recipients(owner: SignedUp, tag: string, channel: 'EMAIL' | 'SMS', count: number, customerId?: string): Promise<Recipient[]> {
  const people: Recipient[] = [];
  for (let i = 0; i < count; i++) {
    const customer = customerId ?? (await created(owner, 'createCustomer', { name: `Customer ${tag} ${i}` }));
    const address = channel === 'EMAIL' ? uniqueEmail(`rcpt${i}`) : uniquePhone();
    const contactId = await created(owner, 'createContact', {
      firstName: `Person${i}`,
      lastName: tag,
      customerId: customer,
      tags: [tag],
      ...(channel === 'EMAIL' ? { email: address, emailConsent: 'GRANTED' } : { phone: address, smsConsent: 'GRANTED' }),
      consentSource: 'signup form',
    });
    people.push({ contactId, customerId: customer, address });
  }
  return people;
}

interface CampaignView {
  id: string;
  status: string;
  stats: { recipients: number; sent: number; delivered: number; bounced: number; failed: number; opened: number; clicked: number };
}

const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { id status stats { recipients sent delivered bounced failed opened clicked } } }`;

async function campaignOf(owner: SignedUp, id: string): Promise<CampaignView> {
  return ok(await gql<{ campaign: CampaignView }>(CAMPAIGN, { id }, owner.token)).campaign;
}

/** Creates a campaign to everyone tagged `tag`, sends it now and waits until every message left. */
async function sentCampaign(owner: SignedUp, tag: string, channel: 'EMAIL' | 'SMS', options: { name?: string; cost?: { amount: string; currency: string } } = {}): Promise<string> {
  const segmentId = await created(owner, 'createSegment', { name: `Tagged ${tag}`, entity: 'CONTACT', contactFilter: { tags: [tag] } });
  const templateId = await created(
    owner,
    'createCampaignTemplate',
    channel === 'EMAIL'
      ? { name: `News ${tag}`, channel, subject: 'Hello {{ contact.firstName }}', html: '<p>Hi {{ contact.firstName }}</p><p><a href="https://shop.example/autumn?ref=mail&amp;x=1">See the collection</a></p>' }
      : { name: `Text ${tag}`, channel, text: 'Hi {{ contact.firstName }}, -20% today' },
  );
  const campaignId = await created(owner, 'createCampaign', {
    name: options.name ?? `Campaign ${tag}`,
    channel,
    templateId,
    audience: { segmentIds: [segmentId], listIds: [] },
    ...(options.cost ? { cost: options.cost } : {}),
  });
  ok(await gql(`mutation($input: CampaignIdInput!) { sendCampaignNow(input: $input) { id } }`, { input: { id: campaignId } }, owner.token));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const campaign = await campaignOf(owner, campaignId);
    if (campaign.status === 'SENT') return campaignId;
    if (Date.now() > deadline) throw new Error(`campaign still ${JSON.stringify(campaign)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface DeliveryRow {
  id: string;
  status: string;
  sent_at: Date | null;
  delivered_at: Date | null;
  opened_at: Date | null;
  clicked_at: Date | null;
  error: string | null;
  provider_message_id: string | null;
}

/** A delivery row as stored (read as the database owner). */
async function delivery(campaignId: string, address: string): Promise<DeliveryRow> {
  const result = await db.query<DeliveryRow>(
    'select id, status, sent_at, delivered_at, opened_at, clicked_at, error, provider_message_id from mkt_deliveries where campaign_id = $1 and address = $2',
    [uuidOf(campaignId, 'Campaign'), address.toLowerCase()],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`no delivery to ${address}`);
  return row;
}

async function eventsOf(deliveryId: string): Promise<{ kind: string; detail: string | null }[]> {
  return (await db.query<{ kind: string; detail: string | null }>('select kind, detail from mkt_delivery_events where delivery_id = $1 order by occurred_at, kind', [deliveryId])).rows;
}

async function suppressionOf(tenantId: string, address: string): Promise<{ reason: string; source: string } | null> {
  const rows = (await db.query<{ reason: string; source: string }>('select reason, source from mkt_suppressions where tenant_id = $1 and address = $2', [uuidOf(tenantId, 'Tenant'), address.toLowerCase()])).rows;
  return rows[0] ?? null;
}

/** The open pixel and the tracked link of a campaign email, as the recipient's mail client sees them. */
function trackedLinks(mail: ParsedMail): { pixel: string; click: string } {
  const html = typeof mail.html === 'string' ? mail.html : '';
  const pixel = /<img src="([^"]+\/hooks\/open\/[^"]+\.gif)"/.exec(html)?.[1];
  const click = /href="([^"]+\/hooks\/click\/[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  if (!pixel || !click) throw new Error(`no tracked links in ${html}`);
  return { pixel, click };
}

async function gif(url: string): Promise<Response> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/gif');
  expect(response.headers.get('cache-control')).toContain('no-store');
  expect(response.headers.get('cache-control')).toContain('no-cache');
  expect(response.headers.get('pragma')).toBe('no-cache');
  const body = Buffer.from(await response.arrayBuffer());
  expect(body.subarray(0, 6).toString('latin1')).toBe(GIF_HEADER);
  expect(body.length).toBe(42);
  return response;
}

/** The same token with one character changed (still well-formed). */
function tampered(token: string): string {
  const last = token.at(-1) === 'A' ? 'B' : 'A';
  return `${token.slice(0, -1)}${last}`;
}

const SET_MODULE = `mutation($input: SetModuleEnabledInput!) { setModuleEnabled(input: $input) { key enabled } }`;

// ---------------------------------------------------------------------------------------------
// Twilio

function statusUrl(tenantId: string): string {
  return `${kontor.url}/hooks/twilio/status/${uuidOf(tenantId, 'Tenant')}`;
}

/** Posts a status callback as Twilio does: form-encoded, signed over `signedUrl` (by default the address posted to). */
async function statusCallback(url: string, params: Record<string, string>, options: { signedUrl?: string; token?: string; signature?: string | null } = {}): Promise<Response> {
  const signature = options.signature === undefined ? getExpectedTwilioSignature(options.token ?? AUTH_TOKEN, options.signedUrl ?? url, params) : options.signature;
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === null ? {} : { 'x-twilio-signature': signature }) },
    body: new URLSearchParams(params).toString(),
  });
}

function twilioParams(sid: string, status: string, extra: Record<string, string> = {}): Record<string, string> {
  return { AccountSid: ACCOUNT_SID, ApiVersion: '2010-04-01', From: TWILIO_FROM, To: '+40730000000', MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status, ...extra };
}

// ---------------------------------------------------------------------------------------------
// Email reports

const INBOUND_URL = `{ inboundEmailUrl }`;

function dsn(originalMessageId: string, recipient: string, status: string, diagnostic: string): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
    'To: news@shop.example',
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <dsn-${Date.now()}-${Math.random().toString(16).slice(2)}@mx.example.net>`,
    'Date: Mon, 23 Nov 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="REPORT"',
    '',
    '--REPORT',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.example.net. Your message could not be delivered.',
    '',
    '--REPORT',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    'Arrival-Date: Mon, 23 Nov 2026 09:59:58 +0000',
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    `Original-Recipient: rfc822;${recipient}`,
    'Action: failed',
    `Status: ${status}`,
    `Diagnostic-Code: smtp; ${diagnostic}`,
    '',
    '--REPORT',
    'Content-Type: text/rfc822-headers',
    '',
    'From: Shop <news@shop.example>',
    `To: ${recipient}`,
    'Subject: Hello',
    `Message-ID: ${originalMessageId}`,
    '',
    '--REPORT--',
    '',
  ].join('\r\n');
}

/** An ARF feedback-loop report (RFC 5965) returning the whole original message inline. */
function arf(originalMessageId: string, recipient: string, feedbackType = 'abuse'): string {
  return [
    'From: Feedback Loop <fbl@isp.example>',
    'To: fbl@shop.example',
    'Subject: FW: Hello',
    `Message-ID: <arf-${Date.now()}-${Math.random().toString(16).slice(2)}@isp.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=feedback-report; boundary="ARF"',
    '',
    '--ARF',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is an email abuse report for an email message received from IP 192.0.2.1.',
    '',
    '--ARF',
    'Content-Type: message/feedback-report',
    '',
    `Feedback-Type: ${feedbackType}`,
    'User-Agent: SomeGenerator/1.0',
    'Version: 1',
    `Original-Rcpt-To: <${recipient}>`,
    '',
    '--ARF',
    'Content-Type: message/rfc822',
    'Content-Disposition: inline',
    '',
    'From: Shop <news@shop.example>',
    `To: ${recipient}`,
    'Subject: Hello',
    `Message-ID: ${originalMessageId}`,
    '',
    'Hi there',
    '',
    '--ARF--',
    '',
  ].join('\r\n');
}

async function postEmail(owner: SignedUp, raw: string): Promise<{ status: number; body: unknown }> {
  const url = ok(await gql<{ inboundEmailUrl: string }>(INBOUND_URL, {}, owner.token)).inboundEmailUrl;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function messageCount(owner: SignedUp): Promise<number> {
  return ok(await gql<{ messages: { totalCount: number } }>(`{ messages { totalCount } }`, {}, owner.token)).messages.totalCount;
}

// ---------------------------------------------------------------------------------------------
// Opens and clicks

describe('the open pixel', () => {
  it('answers a transparent GIF that is never cached, for any token; the first open of a delivery sets opened_at and one OPENED event', async () => {
    const owner = await company();
    const tag = `open${Date.now()}`;
    const [ana, bob] = await recipients(owner, tag, 'EMAIL', 2);
    if (!ana || !bob) throw new Error('two recipients expected');
    const campaignId = await sentCampaign(owner, tag, 'EMAIL');
    const { pixel } = trackedLinks(await sink.waitFor(ana.address));
    const token = /\/hooks\/open\/([A-Za-z0-9_-]{64})\.gif$/.exec(pixel)?.[1] ?? '';

    // Not ours: the same GIF, nothing recorded.
    for (const url of [`${kontor.url}/hooks/open/nothing.gif`, `${kontor.url}/hooks/open/${tampered(token)}.gif`, `${kontor.url}/hooks/open/${'A'.repeat(64)}.gif`]) await gif(url);
    expect((await campaignOf(owner, campaignId)).stats.opened).toBe(0);

    // Mail clients load it on every view: one open.
    for (let i = 0; i < 3; i++) await gif(pixel);
    const opened = await delivery(campaignId, ana.address);
    expect(opened.opened_at).not.toBeNull();
    expect(opened.status).toBe('SENT');
    expect((await eventsOf(opened.id)).map((e) => e.kind)).toEqual(['SENT', 'OPENED']);
    expect((await delivery(campaignId, bob.address)).opened_at).toBeNull();
    expect((await campaignOf(owner, campaignId)).stats).toMatchObject({ recipients: 2, opened: 1, clicked: 0 });
  });

  it('records nothing while the company has MARKETING switched off, and still answers the GIF', async () => {
    const owner = await company();
    const tag = `offopen${Date.now()}`;
    const [ana] = await recipients(owner, tag, 'EMAIL', 1);
    if (!ana) throw new Error('a recipient expected');
    const campaignId = await sentCampaign(owner, tag, 'EMAIL');
    const { pixel, click } = trackedLinks(await sink.waitFor(ana.address));
    ok(await gql(SET_MODULE, { input: { module: 'MARKETING', enabled: false } }, owner.token));
    await gif(pixel);
    // The link still leads on: the person is not punished for the company's switch.
    const response = await fetch(click, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const row = await delivery(campaignId, ana.address);
    expect(row).toMatchObject({ opened_at: null, clicked_at: null });
    expect((await eventsOf(row.id)).map((e) => e.kind)).toEqual(['SENT']);
    ok(await gql(SET_MODULE, { input: { module: 'MARKETING', enabled: true } }, owner.token));
    await gif(pixel);
    expect((await delivery(campaignId, ana.address)).opened_at).not.toBeNull();
  });
});

describe('tracked links', () => {
  it('redirect (302) to the address the MAC covers, record every click with the URL, and count a click as an open', async () => {
    const owner = await company();
    const tag = `click${Date.now()}`;
    const [ana] = await recipients(owner, tag, 'EMAIL', 1);
    if (!ana) throw new Error('a recipient expected');
    const campaignId = await sentCampaign(owner, tag, 'EMAIL');
    const { click } = trackedLinks(await sink.waitFor(ana.address));
    const target = 'https://shop.example/autumn?ref=mail&x=1';
    expect(new URL(click).searchParams.get('u')).toBe(target);

    const first = await fetch(click, { redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(target);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const row = await delivery(campaignId, ana.address);
    expect(row.clicked_at).not.toBeNull();
    // The pixel was never loaded (images blocked): the click is the first open.
    expect(row.opened_at).not.toBeNull();
    // (Events of one moment in the kind's own order: opened before clicked.)
    expect(await eventsOf(row.id)).toEqual([
      { kind: 'SENT', detail: null },
      { kind: 'OPENED', detail: null },
      { kind: 'CLICKED', detail: target },
    ]);
    expect((await fetch(click, { redirect: 'manual' })).status).toBe(302);
    const kinds = (await eventsOf(row.id)).map((e) => e.kind).sort();
    expect(kinds).toEqual(['CLICKED', 'CLICKED', 'OPENED', 'SENT']);
    const again = await delivery(campaignId, ana.address);
    expect(again.clicked_at?.getTime()).toBe(row.clicked_at?.getTime());
    expect((await campaignOf(owner, campaignId)).stats).toMatchObject({ opened: 1, clicked: 1 });
  });

  it('never redirects elsewhere: another URL under the same token, a changed token, an open token, no or a non-http URL', async () => {
    const owner = await company();
    const tag = `redir${Date.now()}`;
    const [ana] = await recipients(owner, tag, 'EMAIL', 1);
    if (!ana) throw new Error('a recipient expected');
    const campaignId = await sentCampaign(owner, tag, 'EMAIL');
    const { click, pixel } = trackedLinks(await sink.waitFor(ana.address));
    const url = new URL(click);
    const token = url.pathname.split('/').at(-1) ?? '';
    const openToken = /\/hooks\/open\/([A-Za-z0-9_-]{64})\.gif$/.exec(pixel)?.[1] ?? '';
    const base = `${kontor.url}/hooks/click`;
    const refused: [string, number][] = [
      [`${base}/${token}?u=${encodeURIComponent('https://evil.example/phish')}`, 404],
      [`${base}/${token}?u=${encodeURIComponent('https://shop.example/autumn?ref=mail&x=2')}`, 404],
      [`${base}/${tampered(token)}?u=${encodeURIComponent('https://shop.example/autumn?ref=mail&x=1')}`, 404],
      [`${base}/${openToken}?u=${encodeURIComponent('https://shop.example/autumn?ref=mail&x=1')}`, 404],
      [`${base}/not-a-token?u=${encodeURIComponent('https://shop.example/autumn?ref=mail&x=1')}`, 404],
      [`${base}/${token}`, 400],
      [`${base}/${token}?u=${encodeURIComponent('javascript:alert(1)')}`, 400],
      [`${base}/${token}?u=${encodeURIComponent('//evil.example/')}`, 400],
    ];
    for (const [attempt, status] of refused) {
      const response = await fetch(attempt, { redirect: 'manual' });
      expect(response.status, attempt).toBe(status);
      expect(response.headers.get('location'), attempt).toBeNull();
    }
    const row = await delivery(campaignId, ana.address);
    expect(row).toMatchObject({ clicked_at: null, opened_at: null });
  });
});

// ---------------------------------------------------------------------------------------------
// The person's timeline

const TIMELINE = `query($id: ID!, $first: Int, $after: String) {
  timeline(subject: { type: CONTACT, id: $id }, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { kind at interaction { id subject } campaignEvent { id kind detail channel address campaignId campaignName } } }
  }
}`;
const CRM_TIMELINE = `query($id: ID!) { timeline(subject: { type: CONTACT, id: $id }, first: 50) { totalCount edges { node { kind interaction { id subject } } } } }`;

interface TimelinePage {
  timeline: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { kind: string; at: string; interaction: { id: string; subject: string } | null; campaignEvent: { kind: string; detail: string | null; channel: string; address: string; campaignId: string; campaignName: string } | null } }[];
  };
}

describe("the person's timeline", () => {
  it('shows campaign events with the campaign’s name among interactions, newest first, page after page; none while MARKETING is off or to a CRM-only key', async () => {
    const owner = await company();
    const tag = `timeline${Date.now()}`;
    const [ana] = await recipients(owner, tag, 'EMAIL', 1);
    if (!ana) throw new Error('a recipient expected');
    await created(owner, 'logInteraction', { kind: 'CALL', direction: 'OUTBOUND', contactId: ana.contactId, subject: 'Before the campaign', occurredAt: new Date(Date.now() - 3_600_000).toISOString() });
    const campaignId = await sentCampaign(owner, tag, 'EMAIL', { name: `Autumn ${tag}` });
    const { pixel, click } = trackedLinks(await sink.waitFor(ana.address));
    await gif(pixel);
    expect((await fetch(click, { redirect: 'manual' })).status).toBe(302);
    await created(owner, 'logInteraction', { kind: 'NOTE', contactId: ana.contactId, subject: 'After the click', body: 'Asked for a quote' });

    // Two entries a page: every entry once, in order, across pages.
    const entries: TimelinePage['timeline']['edges'][number]['node'][] = [];
    let after: string | null = null;
    let total = -1;
    for (let page = 0; page < 10; page++) {
      const result: TimelinePage = ok(await gql<TimelinePage>(TIMELINE, { id: ana.contactId, first: 2, after }, owner.token));
      total = result.timeline.totalCount;
      entries.push(...result.timeline.edges.map((edge) => edge.node));
      if (!result.timeline.pageInfo.hasNextPage) break;
      after = result.timeline.pageInfo.endCursor;
    }
    expect(total).toBe(5);
    expect(entries.map((e) => (e.kind === 'CAMPAIGN_EVENT' ? e.campaignEvent?.kind : e.interaction?.subject))).toEqual(['After the click', 'CLICKED', 'OPENED', 'SENT', 'Before the campaign']);
    const at = entries.map((e) => new Date(e.at).getTime());
    expect([...at].sort((x, y) => y - x)).toEqual(at);
    const clicked = entries[1]?.campaignEvent;
    expect(clicked).toMatchObject({ kind: 'CLICKED', detail: 'https://shop.example/autumn?ref=mail&x=1', channel: 'EMAIL', address: ana.address.toLowerCase(), campaignId, campaignName: `Autumn ${tag}` });
    for (const entry of entries) expect(entry.kind === 'CAMPAIGN_EVENT').toBe(entry.campaignEvent !== null);

    // A key for the CRM only reads the CRM's history.
    const key = ok(await gql<{ createApiKey: { secret: string } }>(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, { input: { name: 'crm only', modules: ['CRM'], access: 'READ' } }, owner.token)).createApiKey.secret;
    const crmOnly = ok(await gql<{ timeline: { totalCount: number; edges: { node: { kind: string } }[] } }>(CRM_TIMELINE, { id: ana.contactId }, key)).timeline;
    expect(crmOnly.edges.map((e) => e.node.kind)).toEqual(['INTERACTION', 'INTERACTION']);
    expect(crmOnly.totalCount).toBe(2);

    // Switched off: gone from the timeline (its data stays), and back when switched on.
    ok(await gql(SET_MODULE, { input: { module: 'MARKETING', enabled: false } }, owner.token));
    const off = ok(await gql<{ timeline: { totalCount: number; edges: { node: { kind: string } }[] } }>(CRM_TIMELINE, { id: ana.contactId }, owner.token)).timeline;
    expect(off).toMatchObject({ totalCount: 2, edges: [{ node: { kind: 'INTERACTION' } }, { node: { kind: 'INTERACTION' } }] });
    const asked = await gql(TIMELINE, { id: ana.contactId, first: 5 }, owner.token);
    expect(errorCode(asked)).toBe('MODULE_DISABLED');
    const sdl = await (await fetch(`${kontor.url}/graphql/schema.graphql`, { headers: { authorization: `Bearer ${owner.token}` } })).text();
    expect(sdl).toMatch(/^type TimelineEntry \{/m);
    expect(sdl).not.toMatch(/campaignEvent: CampaignDeliveryEvent|type CampaignDeliveryEvent/);
    ok(await gql(SET_MODULE, { input: { module: 'MARKETING', enabled: true } }, owner.token));
    expect(ok(await gql<TimelinePage>(TIMELINE, { id: ana.contactId, first: 50 }, owner.token)).timeline.totalCount).toBe(5);
  });

  it('loads the campaign events of a page in one query, however many there are', async () => {
    const owner = await company();
    const tag = `batch${Date.now()}`;
    const [ana] = await recipients(owner, tag, 'EMAIL', 1);
    if (!ana) throw new Error('a recipient expected');
    const campaignId = await sentCampaign(owner, tag, 'EMAIL');
    const { click } = trackedLinks(await sink.waitFor(ana.address));
    for (let i = 0; i < 4; i++) expect((await fetch(click, { redirect: 'manual' })).status).toBe(302);
    expect(await eventsOf((await delivery(campaignId, ana.address)).id)).toHaveLength(6);
    // A second instance on the same database, logging its SQL.
    const log: string[] = [];
    const observed = await startKontor({ workers: false, onQuery: (sql) => log.push(sql) });
    try {
      const statements = await statementsOfRequest(log, async () => {
        const page = ok(await observed.gql<TimelinePage>(TIMELINE, { id: ana.contactId, first: 50 }, owner.token)).timeline;
        expect(page.edges.map((e) => e.node.campaignEvent?.kind)).toEqual(['CLICKED', 'CLICKED', 'CLICKED', 'CLICKED', 'OPENED', 'SENT']);
      });
      expect(statements.filter((sql) => sql.includes('join mkt_campaigns c'))).toHaveLength(1);
    } finally {
      await observed.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Twilio status callbacks

const SEND_SMS = `mutation($input: SendSmsToContactInput!) { sendSmsToContact(input: $input) { id } }`;
const MESSAGE = `query($id: ID!) { message(id: $id) { id status error providerMessageId } }`;

async function settledMessage(owner: SignedUp, id: string): Promise<{ status: string; error: string | null; providerMessageId: string | null }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const message = ok(await gql<{ message: { status: string; error: string | null; providerMessageId: string | null } }>(MESSAGE, { id }, owner.token)).message;
    if (message.status !== 'QUEUED' && message.status !== 'SENDING') return message;
    if (Date.now() > deadline) throw new Error(`message still ${message.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Twilio status callbacks', () => {
  it('the CRM asks Twilio to report to the company’s address, and a signed "delivered" marks the text DELIVERED', async () => {
    const owner = await company(['CRM']);
    const phone = uniquePhone();
    const contactId = await created(owner, 'createContact', { firstName: 'Text', phone, smsConsent: 'GRANTED', consentSource: 'form' });
    const messageId = ok(await gql<{ sendSmsToContact: { id: string } }>(SEND_SMS, { input: { contactId, body: 'Your order left' } }, owner.token)).sendSmsToContact.id;
    const sent = await settledMessage(owner, messageId);
    expect(sent.status).toBe('SENT');
    const request = twilio.messages().find((r) => r.form.get('To') === phone);
    // Twilio's contract accepted the StatusCallback parameter.
    expect(request?.status).toBe(201);
    expect(request?.form.get('StatusCallback')).toBe(statusUrl(owner.tenantId));
    const sid = sent.providerMessageId ?? '';
    // Progress changes nothing; delivered does. (The marketing module is off here: the CRM's texts are reported anyway.)
    expect((await statusCallback(statusUrl(owner.tenantId), twilioParams(sid, 'sent'))).status).toBe(204);
    expect((await settledMessage(owner, messageId)).status).toBe('SENT');
    expect((await statusCallback(statusUrl(owner.tenantId), twilioParams(sid, 'delivered'))).status).toBe(204);
    expect(await settledMessage(owner, messageId)).toMatchObject({ status: 'DELIVERED', error: null });
  });

  it('moves campaign texts to DELIVERED or FAILED (with the error code), each once with its event; progress changes nothing', async () => {
    const owner = await company();
    const tag = `smsstatus${Date.now()}`;
    const [good, bad] = await recipients(owner, tag, 'SMS', 2);
    if (!good || !bad) throw new Error('two recipients expected');
    const campaignId = await sentCampaign(owner, tag, 'SMS');
    // Twilio's mock gives every message the same example SID: give each its own, as Twilio does.
    const sids = { good: uniqueSid(), bad: uniqueSid() };
    for (const [who, person] of [['good', good], ['bad', bad]] as const) {
      await db.query('update mkt_deliveries set provider_message_id = $1 where id = $2', [sids[who], (await delivery(campaignId, person.address)).id]);
    }
    const url = statusUrl(owner.tenantId);
    for (const status of ['queued', 'sending', 'sent']) expect((await statusCallback(url, twilioParams(sids.good, status))).status).toBe(204);
    expect((await delivery(campaignId, good.address)).status).toBe('SENT');

    expect((await statusCallback(url, twilioParams(sids.good, 'delivered'))).status).toBe(204);
    expect((await statusCallback(url, twilioParams(sids.good, 'delivered'))).status).toBe(204);
    const delivered = await delivery(campaignId, good.address);
    expect(delivered.status).toBe('DELIVERED');
    expect(delivered.delivered_at).not.toBeNull();
    expect((await eventsOf(delivered.id)).map((e) => e.kind)).toEqual(['SENT', 'DELIVERED']);

    expect((await statusCallback(url, twilioParams(sids.bad, 'undelivered', { ErrorCode: '30003' }))).status).toBe(204);
    const failed = await delivery(campaignId, bad.address);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toContain('30003');
    expect(await eventsOf(failed.id)).toEqual([
      { kind: 'SENT', detail: null },
      { kind: 'FAILED', detail: 'Twilio: undelivered (error 30003)' },
    ]);
    // A late "delivered" does not undo the failure.
    expect((await statusCallback(url, twilioParams(sids.bad, 'delivered'))).status).toBe(204);
    expect((await delivery(campaignId, bad.address)).status).toBe('FAILED');
    expect((await campaignOf(owner, campaignId)).stats).toMatchObject({ recipients: 2, delivered: 1, failed: 1, sent: 0 });
  });

  it('refuses (403) an unsigned, forged or re-addressed callback, and any callback when Twilio is not configured', async () => {
    const owner = await company();
    const other = await company();
    const tag = `forged${Date.now()}`;
    const [person] = await recipients(owner, tag, 'SMS', 1);
    if (!person) throw new Error('a recipient expected');
    const campaignId = await sentCampaign(owner, tag, 'SMS');
    const sid = uniqueSid();
    await db.query('update mkt_deliveries set provider_message_id = $1 where id = $2', [sid, (await delivery(campaignId, person.address)).id]);
    const url = statusUrl(owner.tenantId);
    const params = twilioParams(sid, 'delivered');
    const attempts: [string, Promise<Response>][] = [
      ['no signature', statusCallback(url, params, { signature: null })],
      ['a signature with another auth token', statusCallback(url, params, { token: 'not-the-token' })],
      ['signed for the other company’s address', statusCallback(url, params, { signedUrl: statusUrl(other.tenantId) })],
      ['signed for other fields', statusCallback(url, params, { signature: getExpectedTwilioSignature(AUTH_TOKEN, url, { ...params, MessageStatus: 'failed' }) })],
      ['a garbage signature', statusCallback(url, params, { signature: 'AAAA' })],
    ];
    for (const [name, attempt] of attempts) expect((await attempt).status, name).toBe(403);
    // Signed for the other company's address and posted there: that company has no such SID.
    expect((await statusCallback(statusUrl(other.tenantId), params)).status).toBe(204);
    expect((await delivery(campaignId, person.address)).status).toBe('SENT');

    const twilioConfig = kontor.app.config.twilio;
    kontor.app.config.twilio = null;
    try {
      expect((await statusCallback(url, params)).status).toBe(403);
    } finally {
      kontor.app.config.twilio = twilioConfig;
    }
    expect((await delivery(campaignId, person.address)).status).toBe('SENT');
    expect((await statusCallback(url, params)).status).toBe(204);
    expect((await delivery(campaignId, person.address)).status).toBe('DELIVERED');
  });
});

// ---------------------------------------------------------------------------------------------
// Bounces and complaints

describe('bounces and complaints arriving at the inbound address', () => {
  it('a permanent failure bounces the delivery and suppresses the address; a complaint suppresses too; neither is stored as a message', async () => {
    const owner = await company();
    const tag = `bounce${Date.now()}`;
    const [gone, angry, full, fine] = await recipients(owner, tag, 'EMAIL', 4);
    if (!gone || !angry || !full || !fine) throw new Error('four recipients expected');
    const campaignId = await sentCampaign(owner, tag, 'EMAIL');
    const messageIdOf = async (address: string): Promise<string> => (await sink.waitFor(address)).messageId ?? '';
    const before = await messageCount(owner);

    const bounce = dsn(await messageIdOf(gone.address), gone.address, '5.1.1', '550 5.1.1 <user>: Recipient address rejected: User unknown');
    expect(await postEmail(owner, bounce)).toEqual({ status: 200, body: { status: 'report', about: 'other' } });
    const bounced = await delivery(campaignId, gone.address);
    expect(bounced.status).toBe('BOUNCED');
    expect(bounced.error).toContain('5.1.1');
    expect(await suppressionOf(owner.tenantId, gone.address)).toEqual({ reason: 'BOUNCED', source: 'bounce' });
    // The same report again (a gateway retrying): nothing more.
    expect((await postEmail(owner, bounce)).status).toBe(200);
    expect((await eventsOf(bounced.id)).map((e) => e.kind)).toEqual(['SENT', 'BOUNCED']);

    expect(await postEmail(owner, arf(await messageIdOf(angry.address), angry.address))).toEqual({ status: 200, body: { status: 'report', about: 'other' } });
    const complained = await delivery(campaignId, angry.address);
    expect(complained.status).toBe('SENT');
    expect(await eventsOf(complained.id)).toEqual([
      { kind: 'SENT', detail: null },
      { kind: 'COMPLAINED', detail: 'Reported as spam (abuse)' },
    ]);
    expect(await suppressionOf(owner.tenantId, angry.address)).toEqual({ reason: 'COMPLAINED', source: 'complaint' });

    // A mailbox that stayed full: the server gave up, but the address is fine.
    expect((await postEmail(owner, dsn(await messageIdOf(full.address), full.address, '4.2.2', '452 4.2.2 Mailbox full'))).status).toBe(200);
    expect(await delivery(campaignId, full.address)).toMatchObject({ status: 'FAILED' });
    expect(await suppressionOf(owner.tenantId, full.address)).toBeNull();
    // "Not spam" is no complaint.
    expect((await postEmail(owner, arf(await messageIdOf(fine.address), fine.address, 'not-spam'))).status).toBe(200);
    expect(await suppressionOf(owner.tenantId, fine.address)).toBeNull();

    expect(await messageCount(owner)).toBe(before);
    expect((await campaignOf(owner, campaignId)).stats).toMatchObject({ recipients: 4, bounced: 1, failed: 1, sent: 2 });
    // The suppressed addresses are out of the next audience.
    const segmentId = await created(owner, 'createSegment', { name: `Again ${tag}`, entity: 'CONTACT', contactFilter: { tags: [tag] } });
    const count = ok(await gql<{ campaignAudienceCount: number }>(`query($audience: CampaignAudienceInput!) { campaignAudienceCount(channel: EMAIL, audience: $audience) }`, { audience: { segmentIds: [segmentId], listIds: [] } }, owner.token));
    expect(count.campaignAudienceCount).toBe(2);
  });

  it('a bounce of an email sent from the CRM marks that message FAILED; a report naming nothing known is dropped', async () => {
    const owner = await company();
    const address = uniqueEmail('crm-bounce');
    const contactId = await created(owner, 'createContact', { firstName: 'Gone', email: address, emailConsent: 'GRANTED', consentSource: 'form' });
    const messageId = ok(await gql<{ sendEmailToContact: { id: string } }>(`mutation($input: SendEmailToContactInput!) { sendEmailToContact(input: $input) { id } }`, { input: { contactId, subject: 'Quote', body: 'Here it is' } }, owner.token)).sendEmailToContact.id;
    const sent = await settledMessage(owner, messageId);
    expect(sent.status).toBe('SENT');
    const before = await messageCount(owner);
    expect(await postEmail(owner, dsn(sent.providerMessageId ?? '', address, '5.1.1', '550 5.1.1 no such user'))).toEqual({ status: 200, body: { status: 'report', about: 'message' } });
    const failed = await settledMessage(owner, messageId);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toContain('5.1.1');
    expect(await postEmail(owner, dsn('<somebody-else@example.org>', address, '5.1.1', '550 no'))).toEqual({ status: 200, body: { status: 'report', about: 'unknown' } });
    expect(await messageCount(owner)).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Return

const REVENUE = `query($id: ID!, $days: Int) { campaign(id: $id) { revenue(days: $days) { windowDays attributedDeals wonAmounts { amount currency } cost { amount currency } roi } } }`;

interface Revenue {
  windowDays: number;
  attributedDeals: number;
  wonAmounts: { amount: string; currency: string }[];
  cost: { amount: string; currency: string } | null;
  roi: string | null;
}

async function deal(owner: SignedUp, input: Record<string, unknown>, outcome: 'WON' | 'LOST' | 'OPEN'): Promise<string> {
  const id = await created(owner, 'createDeal', input);
  if (outcome !== 'OPEN') ok(await gql(`mutation($input: CloseDealInput!) { closeDeal(input: $input) { id } }`, { input: { id, won: outcome === 'WON', ...(outcome === 'LOST' ? { reason: 'price' } : {}) } }, owner.token));
  return id;
}

async function closedAt(dealId: string, at: string): Promise<void> {
  await db.query('update crm_deals set closed_at = $1 where id = $2', [at, uuidOf(dealId, 'Deal')]);
}

describe('campaign return', () => {
  it('counts deals won by recipients (their person or customer) within the window after sending, per currency, with the return on the cost', async () => {
    const owner = await company();
    const tag = `roi${Date.now()}`;
    const acme = await created(owner, 'createCustomer', { name: `Acme ${tag}` });
    const [ana] = await recipients(owner, tag, 'EMAIL', 1, acme);
    const [bob] = await recipients(owner, tag, 'EMAIL', 1);
    if (!ana || !bob?.customerId) throw new Error('recipients expected');
    const outsider = await created(owner, 'createCustomer', { name: `Outsider ${tag}` });
    // Won before the campaign: not its doing.
    const early = await deal(owner, { title: 'Early', customerId: acme, contactId: ana.contactId, amount: { amount: '999', currency: 'EUR' } }, 'WON');
    const campaignId = await sentCampaign(owner, tag, 'EMAIL', { cost: { amount: '100', currency: 'EUR' } });
    const sentAt = (await delivery(campaignId, ana.address)).sent_at;
    if (!sentAt) throw new Error('no sending time');
    await closedAt(early, new Date(sentAt.getTime() - 86_400_000).toISOString());

    await deal(owner, { title: 'Ana buys', customerId: acme, contactId: ana.contactId, amount: { amount: '1000.50', currency: 'EUR' } }, 'WON');
    // Her customer's deal with nobody named: the customer received the campaign through her.
    await deal(owner, { title: 'Acme buys', customerId: acme, amount: { amount: '500', currency: 'EUR' } }, 'WON');
    await deal(owner, { title: 'Bob buys', customerId: bob.customerId, contactId: bob.contactId, amount: { amount: '200', currency: 'USD' } }, 'WON');
    await deal(owner, { title: 'No amount', customerId: bob.customerId }, 'WON');
    await deal(owner, { title: 'Lost', customerId: acme, contactId: ana.contactId, amount: { amount: '7000', currency: 'EUR' } }, 'LOST');
    await deal(owner, { title: 'Open', customerId: acme, amount: { amount: '7000', currency: 'EUR' } }, 'OPEN');
    await deal(owner, { title: 'Outsider', customerId: outsider, amount: { amount: '7000', currency: 'EUR' } }, 'WON');
    const late = await deal(owner, { title: 'Late', customerId: acme, contactId: ana.contactId, amount: { amount: '300', currency: 'EUR' } }, 'WON');
    await closedAt(late, new Date(sentAt.getTime() + 40 * 86_400_000).toISOString());

    const revenue = ok(await gql<{ campaign: { revenue: Revenue } }>(REVENUE, { id: campaignId }, owner.token)).campaign.revenue;
    expect(revenue).toEqual({
      windowDays: 30,
      attributedDeals: 4,
      wonAmounts: [{ amount: '1500.5', currency: 'EUR' }, { amount: '200', currency: 'USD' }],
      cost: { amount: '100', currency: 'EUR' },
      roi: '14.005',
    });
    const wider = ok(await gql<{ campaign: { revenue: Revenue } }>(REVENUE, { id: campaignId, days: 60 }, owner.token)).campaign.revenue;
    expect(wider).toMatchObject({ windowDays: 60, attributedDeals: 5, wonAmounts: [{ amount: '1800.5', currency: 'EUR' }, { amount: '200', currency: 'USD' }], roi: '17.005' });

    for (const days of [0, 366]) {
      const refused = await gql(REVENUE, { id: campaignId, days }, owner.token);
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.extensions).toMatchObject({ path: ['days'], reason: 'OUT_OF_RANGE' });
    }
  });

  it('a bounced recipient brought nothing; without a cost there is no return; with deals switched off the field is gone', async () => {
    const owner = await company();
    const tag = `noroi${Date.now()}`;
    const [ana] = await recipients(owner, tag, 'EMAIL', 1);
    if (!ana?.customerId) throw new Error('a recipient expected');
    const campaignId = await sentCampaign(owner, tag, 'EMAIL');
    await deal(owner, { title: 'Won', customerId: ana.customerId, contactId: ana.contactId, amount: { amount: '10', currency: 'EUR' } }, 'WON');
    expect(ok(await gql<{ campaign: { revenue: Revenue } }>(REVENUE, { id: campaignId }, owner.token)).campaign.revenue).toMatchObject({ attributedDeals: 1, cost: null, roi: null });
    expect((await postEmail(owner, dsn((await sink.waitFor(ana.address)).messageId ?? '', ana.address, '5.1.1', '550 no such user'))).status).toBe(200);
    expect(ok(await gql<{ campaign: { revenue: Revenue } }>(REVENUE, { id: campaignId }, owner.token)).campaign.revenue).toMatchObject({ attributedDeals: 0, wonAmounts: [] });
    ok(await gql(`mutation($input: SetFeatureOptionInput!) { setFeatureOption(input: $input) { key } }`, { input: { key: 'CRM.deals', enabled: false } }, owner.token));
    expect(errorCode(await gql(REVENUE, { id: campaignId }, owner.token))).toBe('MODULE_DISABLED');
  });

  it('gives a marketing event its return: deals sourced from it, and deals its attendees won after it', async () => {
    const owner = await company();
    const tag = `event${Date.now()}`;
    const today = new Date().toISOString().slice(0, 10);
    const eventId = await created(owner, 'createMarketingEvent', { name: `Fair ${tag}`, kind: 'EXHIBITION', startsOn: today, cost: { amount: '400', currency: 'EUR' } });
    const acme = await created(owner, 'createCustomer', { name: `Acme ${tag}` });
    const visitor = await created(owner, 'createContact', { firstName: 'Visitor', customerId: acme });
    const otherCustomer = await created(owner, 'createCustomer', { name: `Other ${tag}` });
    const noShow = await created(owner, 'createContact', { firstName: 'NoShow', customerId: otherCustomer });
    ok(await gql(`mutation($input: AddEventAttendeesInput!) { addEventAttendees(input: $input) { registered } }`, { input: { eventId, contactIds: [visitor] } }, owner.token));
    ok(await gql(`mutation($input: AddEventAttendeesInput!) { addEventAttendees(input: $input) { registered } }`, { input: { eventId, contactIds: [noShow], attended: false } }, owner.token));
    await deal(owner, { title: 'Visitor buys', customerId: acme, contactId: visitor, amount: { amount: '1000', currency: 'EUR' }, source: null }, 'WON');
    // Registered but did not come: not the event's doing.
    await deal(owner, { title: 'No-show buys', customerId: otherCustomer, contactId: noShow, amount: { amount: '5000', currency: 'EUR' }, source: null }, 'WON');
    const stranger = await created(owner, 'createCustomer', { name: `Stranger ${tag}` });
    const sourced = await deal(owner, { title: 'Met at the fair', customerId: stranger, amount: { amount: '600', currency: 'EUR' }, source: { eventId } }, 'WON');
    // Sourced from the event: counted however late it was won.
    await closedAt(sourced, new Date(Date.now() + 90 * 86_400_000).toISOString());
    const revenue = ok(await gql<{ marketingEvent: { revenue: Revenue } }>(`query($id: ID!) { marketingEvent(id: $id) { revenue { windowDays attributedDeals wonAmounts { amount currency } cost { amount currency } roi } } }`, { id: eventId }, owner.token)).marketingEvent.revenue;
    expect(revenue).toEqual({ windowDays: 30, attributedDeals: 2, wonAmounts: [{ amount: '1600', currency: 'EUR' }], cost: { amount: '400', currency: 'EUR' }, roi: '3' });
  });
});
