/**
 * What comes back from automation messages, as from campaign ones: the unsubscribe page and RFC 8058
 * one-click, the open pixel and tracked links, bounces and complaints at the inbound address, Twilio
 * status callbacks, and the person's timeline. Real automations send to a real SMTP sink and to the
 * local Twilio server; links, reports and callbacks reach the application over HTTP.
 */
import type { ParsedMail } from 'mailparser';
import pg from 'pg';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { linkKey, signLink } from '../../api/src/marketing/links.js';
import { uuidOf } from '../isolation/isolation-cases.js';
import { errorCode, ok, signUp, startKontor, uniqueEmail, uniqueSid, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';
import { linkIn, SmtpSink } from '../support/smtp-sink.js';
import { TwilioServer } from '../support/twilio-server.js';

const ACCOUNT_SID = `AC${'a1b2c3d4e5f60718'.repeat(2)}`;
const AUTH_TOKEN = 'automation-links-token';
const TWILIO_FROM = '+15005550006';
const TARGET = 'https://shop.example/welcome?from=automation';

let kontor: Kontor;
let sink: SmtpSink;
let twilio: TwilioServer;
let db: pg.Client;

beforeAll(async () => {
  sink = new SmtpSink();
  const smtpUrl = await sink.start();
  twilio = new TwilioServer();
  const apiUrl = await twilio.start();
  kontor = await startKontor({ smtpUrl, config: { trustProxy: true, twilio: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: TWILIO_FROM, apiUrl } } });
  db = new pg.Client({ connectionString: inject('ownerUrl') });
  await db.connect();
}, 180_000);

afterAll(async () => {
  await db?.end();
  await kontor?.close();
  await sink?.stop();
  await twilio?.stop();
});

// ---------------------------------------------------------------------------------------------
// Helpers

const PAGE = `query($token: String!) { unsubscribePage(token: $token) { companyName channel address unsubscribed emailConsent } }`;
const UNSUBSCRIBE = `mutation($input: UnsubscribeInput!) { unsubscribe(input: $input) { unsubscribed emailConsent } }`;
const CONTACT = `query($id: ID!) { contact(id: $id) { emailConsent smsConsent consentHistory { channel status source recordedBy { id } } } }`;
const STATS = `query($id: ID!) { automation(id: $id) { stats { messages { sent delivered bounced failed opened clicked unsubscribed } } } }`;
const TIMELINE = `query($id: ID!) { timeline(subject: { type: CONTACT, id: $id }, first: 50) {
  totalCount edges { node { kind at campaignEvent { id } automationEvent { id kind occurredAt detail channel address automationId automationName } } } } }`;

interface AutomationEvent {
  id: string;
  kind: string;
  occurredAt: string;
  detail: string | null;
  channel: string;
  address: string;
  automationId: string;
  automationName: string;
}
interface TimelineView {
  totalCount: number;
  edges: { node: { kind: string; at: string; campaignEvent: { id: string } | null; automationEvent: AutomationEvent | null } }[];
}
interface SendRow {
  id: string;
  status: string;
  error: string | null;
  provider_message_id: string | null;
  delivered_at: Date | null;
  opened_at: Date | null;
  clicked_at: Date | null;
  unsubscribed_at: Date | null;
  complained_at: Date | null;
}

let ipCounter = 0;
/** Each request from its own (proxied) address: the public pages' per-address limit stays out of the way. */
function newIp(): string {
  ipCounter += 1;
  return `203.0.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

let phoneCounter = 0;
function uniquePhone(): string {
  phoneCounter += 1;
  return `+4075${String(process.pid % 1000).padStart(3, '0')}${String(phoneCounter).padStart(4, '0')}`;
}

async function created(owner: SignedUp, mutation: string, input: Record<string, unknown>): Promise<string> {
  const type = `${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input`;
  const id = ok(await kontor.gql<Record<string, { id: string }>>(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input }, owner.token))[mutation]?.id;
  if (!id) throw new Error(`${mutation} returned no id`);
  return id;
}

/** An active automation: every person created from now on gets `step`'s message. */
async function automation(owner: SignedUp, name: string, step: Record<string, unknown>): Promise<string> {
  const id = await created(owner, 'createAutomation', { name, trigger: { kind: 'CONTACT_CREATED' }, steps: [step] });
  ok(await kontor.gql(`mutation($input: AutomationIdInput!) { activateAutomation(input: $input) { id } }`, { input: { id } }, owner.token));
  return id;
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The send row an automation email's Message-ID `<sendId@kontor.automation>` names (read as the database owner). */
async function send(id: string): Promise<SendRow> {
  const row = (await db.query<SendRow>(`select id, status, error, provider_message_id, delivered_at, opened_at, clicked_at, unsubscribed_at, complained_at from mkt_automation_sends where id = $1`, [id])).rows[0];
  if (!row) throw new Error(`no automation send ${id}`);
  return row;
}

function sendIdOf(mail: ParsedMail): string {
  const id = /^<([0-9a-f-]{36})@kontor\.automation>$/.exec(mail.messageId ?? '')?.[1];
  if (!id) throw new Error(`not an automation email: ${mail.messageId ?? ''}`);
  return id;
}

async function suppressionOf(owner: SignedUp, address: string): Promise<{ reason: string; source: string; campaign_id: string | null } | null> {
  const rows = await db.query<{ reason: string; source: string; campaign_id: string | null }>(`select reason, source, campaign_id from mkt_suppressions where tenant_id = $1 and address = $2`, [
    uuidOf(owner.tenantId, 'Tenant'),
    address.toLowerCase(),
  ]);
  return rows.rows[0] ?? null;
}

async function stats(owner: SignedUp, automationId: string): Promise<Record<string, number>> {
  return ok(await kontor.gql<{ automation: { stats: { messages: Record<string, number> } } }>(STATS, { id: automationId }, owner.token)).automation.stats.messages;
}

async function consentOf(owner: SignedUp, contactId: string): Promise<{ emailConsent: string; smsConsent: string; history: string[] }> {
  const contact = ok(
    await kontor.gql<{ contact: { emailConsent: string; smsConsent: string; consentHistory: { channel: string; status: string; source: string; recordedBy: { id: string } | null }[] } }>(CONTACT, { id: contactId }, owner.token),
  ).contact;
  return { emailConsent: contact.emailConsent, smsConsent: contact.smsConsent, history: contact.consentHistory.map((e) => `${e.channel} ${e.status} ${e.source}${e.recordedBy ? ' (member)' : ''}`) };
}

async function timeline(owner: SignedUp, contactId: string, token = owner.token): Promise<TimelineView> {
  return ok(await kontor.gql<{ timeline: TimelineView }>(TIMELINE, { id: contactId }, token)).timeline;
}

function automationEvents(view: TimelineView): AutomationEvent[] {
  return view.edges.flatMap((edge) => (edge.node.automationEvent ? [edge.node.automationEvent] : []));
}

function header(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, ' ');
  if (!line) throw new Error(`no ${name} header`);
  return line.slice(line.indexOf(':') + 1).trim();
}

function tokenAfter(link: string, prefix: string): string {
  return link.slice(link.indexOf(prefix) + prefix.length);
}

/** The open pixel and the tracked link of an email, as the recipient's mail client sees them. */
function trackedLinks(mail: ParsedMail): { pixel: string; click: string } {
  const html = typeof mail.html === 'string' ? mail.html : '';
  const pixel = /<img src="([^"]+\/hooks\/open\/[^"]+\.gif)"/.exec(html)?.[1];
  const click = /href="([^"]+\/hooks\/click\/[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  if (!pixel || !click) throw new Error(`no tracked links in ${html}`);
  return { pixel, click };
}

function oneClick(url: string, body = 'List-Unsubscribe=One-Click'): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': newIp() }, body });
}

/** A public page's request: no sign-in. */
function gql<T>(query: string, variables: Record<string, unknown>): Promise<GqlResult<T>> {
  return kontor.gql<T>(query, variables);
}

/** A delivery status notification (RFC 3464) for `originalMessageId`, as a receiving server returns it. */
function dsn(originalMessageId: string, recipient: string, status: string, diagnostic: string): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
    'To: news@shop.example',
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <dsn-${Date.now()}-${Math.random().toString(16).slice(2)}@mx.example.net>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="REPORT"',
    '',
    '--REPORT',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'Your message could not be delivered.',
    '',
    '--REPORT',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    'Action: failed',
    `Status: ${status}`,
    `Diagnostic-Code: smtp; ${diagnostic}`,
    '',
    '--REPORT',
    'Content-Type: text/rfc822-headers',
    '',
    `To: ${recipient}`,
    'Subject: Welcome',
    `Message-ID: ${originalMessageId}`,
    '',
    '--REPORT--',
    '',
  ].join('\r\n');
}

/** An ARF feedback-loop report (RFC 5965): the person marked the message as spam. */
function arf(originalMessageId: string, recipient: string): string {
  return [
    'From: Feedback Loop <fbl@isp.example>',
    'To: fbl@shop.example',
    'Subject: FW: Welcome',
    `Message-ID: <arf-${Date.now()}-${Math.random().toString(16).slice(2)}@isp.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=feedback-report; boundary="ARF"',
    '',
    '--ARF',
    'Content-Type: text/plain',
    '',
    'An abuse report.',
    '',
    '--ARF',
    'Content-Type: message/feedback-report',
    '',
    'Feedback-Type: abuse',
    'Version: 1',
    '',
    '--ARF',
    'Content-Type: text/rfc822-headers',
    '',
    `To: ${recipient}`,
    `Message-ID: ${originalMessageId}`,
    '',
    '--ARF--',
    '',
  ].join('\r\n');
}

async function postReport(owner: SignedUp, raw: string): Promise<{ status: number; body: unknown }> {
  const url = ok(await kontor.gql<{ inboundEmailUrl: string }>(`{ inboundEmailUrl }`, {}, owner.token)).inboundEmailUrl;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw });
  return { status: response.status, body: (await response.json()) as unknown };
}

function statusUrl(owner: SignedUp): string {
  return `${kontor.url}/hooks/twilio/status/${uuidOf(owner.tenantId, 'Tenant')}`;
}

/** A status callback as Twilio posts it, signed over `signedUrl` (by default the address posted to). */
function statusCallback(url: string, sid: string, status: string, extra: Record<string, string> = {}, signedUrl = url): Promise<Response> {
  const params = { AccountSid: ACCOUNT_SID, ApiVersion: '2010-04-01', From: TWILIO_FROM, MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status, ...extra };
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': getExpectedTwilioSignature(AUTH_TOKEN, signedUrl, params) },
    body: new URLSearchParams(params).toString(),
  });
}

// ---------------------------------------------------------------------------------------------

describe('an automation email', () => {
  interface Person {
    id: string;
    email: string;
    mail: ParsedMail;
    sendId: string;
  }
  type Name = 'ana' | 'ben' | 'cleo' | 'dan' | 'eve' | 'fay';
  const NAMES: Name[] = ['ana', 'ben', 'cleo', 'dan', 'eve', 'fay'];
  let owner: SignedUp;
  let automationId: string;
  let people: Record<Name, Person>;
  const automationName = `Welcome series ${Date.now()}`;

  beforeAll(async () => {
    owner = await signUp(kontor, { modules: ['CRM', 'MARKETING'], companyName: 'Automation Sender' });
    const templateId = await created(owner, 'createCampaignTemplate', {
      name: 'Welcome',
      channel: 'EMAIL',
      subject: 'Welcome {{ contact.firstName }}',
      html: `<p>Hello {{ contact.firstName }}</p><p><a href="${TARGET.replace(/&/g, '&amp;')}">Start here</a></p>`,
    });
    automationId = await automation(owner, automationName, { kind: 'SEND_EMAIL', templateId });
    const found = new Map<Name, Person>();
    for (const name of NAMES) {
      const email = uniqueEmail(`auto-${name}`);
      const id = await created(owner, 'createContact', { firstName: name, email, tags: ['welcomed'], emailConsent: 'GRANTED', consentSource: 'web form' });
      const mail = await sink.waitFor(email, (m) => m.subject === `Welcome ${name}`, 30_000);
      found.set(name, { id, email, mail, sendId: sendIdOf(mail) });
    }
    const person = (name: Name): Person => {
      const value = found.get(name);
      if (!value) throw new Error(`no ${name}`);
      return value;
    };
    people = { ana: person('ana'), ben: person('ben'), cleo: person('cleo'), dan: person('dan'), eve: person('eve'), fay: person('fay') };
    await until('every send SENT', () => Promise.all(Object.values(people).map((p) => send(p.sendId))), (rows) => rows.every((row) => row.status === 'SENT'));
  }, 120_000);

  it('the unsubscribe page shows it and changes nothing; its confirming click suppresses the address, records the consent and marks the send; idempotent', async () => {
    const { ana } = people;
    const pageLink = linkIn(ana.mail, `${kontor.url}/unsubscribe/`);
    const token = tokenAfter(pageLink, '/unsubscribe/');
    // A mail scanner following every link unsubscribes nobody.
    await fetch(pageLink);
    await fetch(`${kontor.url}/hooks/unsubscribe/${token}`);
    const page = ok(await gql<{ unsubscribePage: unknown }>(PAGE, { token })).unsubscribePage;
    expect(page).toEqual({ companyName: 'Automation Sender', channel: 'EMAIL', address: `${ana.email[0]}***${ana.email.slice(ana.email.indexOf('@'))}`, unsubscribed: false, emailConsent: 'GRANTED' });
    // The preference link of the same message opens the same page.
    const preferences = tokenAfter(linkIn(ana.mail, `${kontor.url}/preferences/`), '/preferences/');
    expect(ok(await gql<{ unsubscribePage: unknown }>(PAGE, { token: preferences })).unsubscribePage).toEqual(page);
    expect((await send(ana.sendId)).unsubscribed_at).toBeNull();
    expect(await suppressionOf(owner, ana.email)).toBeNull();

    expect(ok(await gql<{ unsubscribe: unknown }>(UNSUBSCRIBE, { input: { token } })).unsubscribe).toEqual({ unsubscribed: true, emailConsent: 'DENIED' });
    const check = async (): Promise<void> => {
      expect(await consentOf(owner, ana.id)).toMatchObject({ emailConsent: 'DENIED', history: ['EMAIL DENIED unsubscribe link', 'EMAIL GRANTED web form (member)'] });
      expect(await suppressionOf(owner, ana.email)).toEqual({ reason: 'UNSUBSCRIBED', source: 'unsubscribe link', campaign_id: null });
      expect((await send(ana.sendId)).unsubscribed_at).not.toBeNull();
      expect((await stats(owner, automationId)).unsubscribed).toBe(1);
    };
    await check();
    const first = (await send(ana.sendId)).unsubscribed_at?.getTime();
    // Again, and by one-click too: nothing more.
    ok(await gql(UNSUBSCRIBE, { input: { token } }));
    expect((await oneClick(`${kontor.url}/hooks/unsubscribe/${token}`)).status).toBe(200);
    await check();
    expect((await send(ana.sendId)).unsubscribed_at?.getTime()).toBe(first);
    expect(ok(await gql<{ unsubscribePage: { unsubscribed: boolean } }>(PAGE, { token })).unsubscribePage.unsubscribed).toBe(true);
  });

  it("the List-Unsubscribe header's one-click POST unsubscribes directly (RFC 8058), and needs its body", async () => {
    const { ben } = people;
    const url = /^<(.+)>$/.exec(header(ben.mail, 'list-unsubscribe'))?.[1] ?? '';
    expect(url).toMatch(new RegExp(`^${kontor.url}/hooks/unsubscribe/[A-Za-z0-9_-]{64}$`));
    expect(header(ben.mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect((await oneClick(url, '')).status).toBe(400);
    expect((await consentOf(owner, ben.id)).emailConsent).toBe('GRANTED');
    expect((await send(ben.sendId)).unsubscribed_at).toBeNull();

    expect((await oneClick(url)).status).toBe(200);
    expect(await consentOf(owner, ben.id)).toMatchObject({ emailConsent: 'DENIED', history: ['EMAIL DENIED one-click', 'EMAIL GRANTED web form (member)'] });
    expect(await suppressionOf(owner, ben.email)).toEqual({ reason: 'UNSUBSCRIBED', source: 'one-click', campaign_id: null });
    expect((await send(ben.sendId)).unsubscribed_at).not.toBeNull();
    expect((await stats(owner, automationId)).unsubscribed).toBe(2);
  });

  it('records the open pixel and tracked clicks on the send; the link redirects to its address', async () => {
    const { cleo } = people;
    const { pixel, click } = trackedLinks(cleo.mail);
    expect(new URL(click).searchParams.get('u')).toBe(TARGET);
    for (let i = 0; i < 2; i++) {
      const response = await fetch(pixel);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/gif');
    }
    const opened = await send(cleo.sendId);
    expect(opened).toMatchObject({ status: 'SENT', clicked_at: null });
    expect(opened.opened_at).not.toBeNull();
    expect((await stats(owner, automationId)).opened).toBe(1);

    for (let i = 0; i < 2; i++) {
      const response = await fetch(click, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(TARGET);
    }
    const clicked = await send(cleo.sendId);
    expect(clicked.clicked_at).not.toBeNull();
    // Neither the second view nor the second click moves the first times.
    expect(clicked.opened_at?.getTime()).toBe(opened.opened_at?.getTime());
    expect((await stats(owner, automationId)).clicked).toBe(1);
    // A click on a message whose pixel never loaded is its first open too.
    const { click: eveClick } = trackedLinks(people.eve.mail);
    expect((await fetch(eveClick, { redirect: 'manual' })).status).toBe(302);
    const eve = await send(people.eve.sendId);
    expect(eve.opened_at).not.toBeNull();
    expect(eve.clicked_at).not.toBeNull();
    expect((await stats(owner, automationId)).opened).toBe(2);
  });

  it('a bounce naming <sendId@kontor.automation> bounces the send and suppresses the address; a complaint suppresses it', async () => {
    const { dan, eve } = people;
    expect(dan.mail.messageId).toBe(`<${dan.sendId}@kontor.automation>`);
    const bounce = dsn(dan.mail.messageId ?? '', dan.email, '5.1.1', '550 5.1.1 <user>: Recipient address rejected: User unknown');
    expect(await postReport(owner, bounce)).toEqual({ status: 200, body: { status: 'report', about: 'other' } });
    const bounced = await send(dan.sendId);
    expect(bounced.status).toBe('BOUNCED');
    expect(bounced.error).toContain('5.1.1');
    expect(await suppressionOf(owner, dan.email)).toEqual({ reason: 'BOUNCED', source: 'bounce', campaign_id: null });
    // Retried by a gateway: nothing more.
    expect((await postReport(owner, bounce)).status).toBe(200);
    expect(await send(dan.sendId)).toEqual(bounced);
    expect((await stats(owner, automationId)).bounced).toBe(1);

    expect(await postReport(owner, arf(eve.mail.messageId ?? '', eve.email))).toEqual({ status: 200, body: { status: 'report', about: 'other' } });
    expect(await suppressionOf(owner, eve.email)).toEqual({ reason: 'COMPLAINED', source: 'complaint', campaign_id: null });
    const complained = await send(eve.sendId);
    expect(complained.status).toBe('SENT');
    expect(complained.complained_at).not.toBeNull();
    // The same report again: the first complaint's time stays.
    expect((await postReport(owner, arf(eve.mail.messageId ?? '', eve.email))).status).toBe(200);
    expect((await send(eve.sendId)).complained_at).toEqual(complained.complained_at);
    // The suppressed and unsubscribed are out of the next campaign's audience: only Cleo and Fay are left.
    const segmentId = await created(owner, 'createSegment', { name: 'Welcomed', entity: 'CONTACT', contactFilter: { tags: ['welcomed'] } });
    const count = ok(await kontor.gql<{ campaignAudienceCount: number }>(`query($a: CampaignAudienceInput!) { campaignAudienceCount(channel: EMAIL, audience: $a) }`, { a: { segmentIds: [segmentId], listIds: [] } }, owner.token));
    expect(count.campaignAudienceCount).toBe(2);
  });

  it("shows on the person's timeline, newest first, with the automation's name; not to a CRM-only key nor with MARKETING off", async () => {
    const { ana, cleo, dan } = people;
    const cleoView = await timeline(owner, cleo.id);
    expect(cleoView.edges.map((e) => e.node.kind)).toEqual(['AUTOMATION_EVENT', 'AUTOMATION_EVENT', 'AUTOMATION_EVENT']);
    const events = automationEvents(cleoView);
    expect(events.map((e) => e.kind)).toEqual(['CLICKED', 'OPENED', 'SENT']);
    for (const event of events) {
      expect(event).toMatchObject({ channel: 'EMAIL', address: cleo.email.toLowerCase(), automationId, automationName, detail: null });
    }
    const row = await send(cleo.sendId);
    expect(events[0]?.occurredAt).toBe(row.clicked_at?.toISOString());
    expect(events[1]?.occurredAt).toBe(row.opened_at?.toISOString());
    expect(cleoView.edges.map((e) => e.node.at)).toEqual(events.map((e) => e.occurredAt));
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    for (const edge of cleoView.edges) expect(edge.node.campaignEvent).toBeNull();

    expect(automationEvents(await timeline(owner, ana.id)).map((e) => e.kind)).toEqual(['UNSUBSCRIBED', 'SENT']);
    const danEvents = automationEvents(await timeline(owner, dan.id));
    expect(danEvents.map((e) => e.kind)).toEqual(['BOUNCED', 'SENT']);
    expect(danEvents[0]?.detail).toContain('5.1.1');
    const eveEvents = automationEvents(await timeline(owner, people.eve.id));
    // Her click without the pixel counted as her open too, at the same instant: those two in either order.
    const eveKinds = eveEvents.map((e) => e.kind);
    expect([eveKinds[0], [eveKinds[1], eveKinds[2]].sort(), eveKinds[3]]).toEqual(['COMPLAINED', ['CLICKED', 'OPENED'], 'SENT']);
    expect(eveEvents[0]?.occurredAt).toBe((await send(people.eve.sendId)).complained_at?.toISOString());

    const key = ok(
      await kontor.gql<{ createApiKey: { secret: string } }>(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, { input: { name: 'crm only', modules: ['CRM'], access: 'READ' } }, owner.token),
    ).createApiKey.secret;
    const crmOnly = ok(await kontor.gql<{ timeline: { totalCount: number } }>(`query($id: ID!) { timeline(subject: { type: CONTACT, id: $id }) { totalCount } }`, { id: cleo.id }, key)).timeline;
    expect(crmOnly.totalCount).toBe(0);
    // Switched off: gone (an entry of the CRM's own stays, so the marketing field is asked for and refused).
    await created(owner, 'logInteraction', { kind: 'NOTE', contactId: cleo.id, subject: 'Called back', body: 'Liked the welcome mail' });
    const SWITCH = `mutation($input: SetModuleEnabledInput!) { setModuleEnabled(input: $input) { key } }`;
    ok(await kontor.gql(SWITCH, { input: { module: 'MARKETING', enabled: false } }, owner.token));
    try {
      const off = ok(await kontor.gql<{ timeline: { totalCount: number; edges: { node: { kind: string } }[] } }>(`query($id: ID!) { timeline(subject: { type: CONTACT, id: $id }) { totalCount edges { node { kind } } } }`, { id: cleo.id }, owner.token)).timeline;
      expect(off).toEqual({ totalCount: 1, edges: [{ node: { kind: 'INTERACTION' } }] });
      expect(errorCode(await kontor.gql(TIMELINE, { id: cleo.id }, owner.token))).toBe('MODULE_DISABLED');
    } finally {
      ok(await kontor.gql(SWITCH, { input: { module: 'MARKETING', enabled: true } }, owner.token));
    }
    expect((await timeline(owner, cleo.id)).edges.map((e) => e.node.automationEvent?.kind ?? e.node.kind)).toEqual(['INTERACTION', 'CLICKED', 'OPENED', 'SENT']);
  });

  it("another company's links, reports and key-signed tokens never reach this company's sends", async () => {
    const other = await signUp(kontor, { modules: ['CRM', 'MARKETING'] });
    const { cleo, eve } = people;
    const before = await Promise.all([send(cleo.sendId), send(eve.sendId)]);
    const key = await linkKey(kontor.app.orm.em.fork());
    // Links we signed ourselves for the other company naming this company's sends: nothing there.
    const foreign = { tenantId: uuidOf(other.tenantId, 'Tenant'), deliveryId: eve.sendId };
    for (const [query, variables] of [
      [PAGE, { token: signLink(key, 'u', foreign) }],
      [UNSUBSCRIBE, { input: { token: signLink(key, 'u', foreign) } }],
    ] as const) {
      const result = await gql(query, variables);
      expect(errorCode(result)).toBe('NOT_FOUND');
      expect(JSON.stringify(result)).not.toContain(eve.email);
    }
    expect((await oneClick(`${kontor.url}/hooks/unsubscribe/${signLink(key, 'u', foreign)}`)).status).toBe(404);
    expect((await fetch(`${kontor.url}/hooks/open/${signLink(key, 'o', { ...foreign, deliveryId: cleo.sendId })}.gif`)).status).toBe(200);
    const click = await fetch(`${kontor.url}/hooks/click/${signLink(key, 'c', foreign, TARGET)}?u=${encodeURIComponent(TARGET)}`, { redirect: 'manual' });
    expect(click.status).toBe(302);
    // A bounce naming this company's send, at the other company's inbound address: about nothing it knows.
    expect(await postReport(other, dsn(`<${eve.sendId}@kontor.automation>`, eve.email, '5.1.1', '550 5.1.1 unknown'))).toEqual({ status: 200, body: { status: 'report', about: 'unknown' } });
    expect(await postReport(other, arf(`<${cleo.sendId}@kontor.automation>`, cleo.email))).toMatchObject({ status: 200 });
    expect(await Promise.all([send(cleo.sendId), send(eve.sendId)])).toEqual(before);
    expect(await suppressionOf(owner, cleo.email)).toBeNull();
    expect((await consentOf(owner, eve.id)).emailConsent).toBe('GRANTED');
    expect(await suppressionOf(other, eve.email)).toBeNull();
  });

  it("its preference centre turns email off (suppressed, the send marked) and on again (the person's own unsubscribe lifted)", async () => {
    const { fay } = people;
    const token = tokenAfter(linkIn(fay.mail, `${kontor.url}/preferences/`), '/preferences/');
    const PREFERENCES = `mutation($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { unsubscribed emailConsent } }`;
    expect(ok(await gql<{ updatePreferences: unknown }>(PREFERENCES, { input: { token, listIds: [], emailConsent: false } })).updatePreferences).toEqual({ unsubscribed: true, emailConsent: 'DENIED' });
    expect(await suppressionOf(owner, fay.email)).toEqual({ reason: 'UNSUBSCRIBED', source: 'preference centre', campaign_id: null });
    expect((await send(fay.sendId)).unsubscribed_at).not.toBeNull();
    expect(ok(await gql<{ updatePreferences: unknown }>(PREFERENCES, { input: { token, listIds: [], emailConsent: true } })).updatePreferences).toEqual({ unsubscribed: false, emailConsent: 'GRANTED' });
    expect(await suppressionOf(owner, fay.email)).toBeNull();
    expect((await consentOf(owner, fay.id)).history).toEqual(['EMAIL GRANTED preference centre', 'EMAIL DENIED preference centre', 'EMAIL GRANTED web form (member)']);
  });
});

describe('an automation text', () => {
  it("asks Twilio to report to the company's address; signed callbacks move its send to DELIVERED or FAILED, shown on the timeline", async () => {
    const owner = await signUp(kontor, { modules: ['CRM', 'MARKETING'] });
    const other = await signUp(kontor, { modules: ['CRM', 'MARKETING'] });
    const templateId = await created(owner, 'createCampaignTemplate', { name: 'Hello text', channel: 'SMS', text: 'Salut {{ contact.firstName }}!' });
    const automationId = await automation(owner, 'Welcome text', { kind: 'SEND_SMS', templateId });
    const people = [];
    for (const name of ['Gia', 'Hal']) {
      const phone = uniquePhone();
      people.push({ id: await created(owner, 'createContact', { firstName: name, phone, smsConsent: 'GRANTED', consentSource: 'shop' }), phone });
    }
    const [good, bad] = people;
    if (!good || !bad) throw new Error('two people expected');
    const requests = await until('both texts at Twilio', () => Promise.resolve(twilio.messages().filter((r) => [good.phone, bad.phone].includes(r.form.get('To') ?? ''))), (r) => r.length === 2);
    for (const request of requests) {
      // Twilio's contract accepted the StatusCallback parameter.
      expect(request.status).toBe(201);
      expect(request.form.get('StatusCallback')).toBe(statusUrl(owner));
    }
    const rows = await until(
      'both sends SENT',
      async () => (await db.query<{ id: string; address: string; status: string }>(`select id, address, status from mkt_automation_sends where automation_id = $1`, [uuidOf(automationId, 'Automation')])).rows,
      (r) => r.length === 2 && r.every((row) => row.status === 'SENT'),
    );
    const sendOf = (phone: string): string => rows.find((row) => row.address === phone)?.id ?? '';
    // Twilio's mock gives every message the same example SID: give each its own, as Twilio does.
    const sids = { good: uniqueSid(), bad: uniqueSid() };
    await db.query(`update mkt_automation_sends set provider_message_id = $1 where id = $2`, [sids.good, sendOf(good.phone)]);
    await db.query(`update mkt_automation_sends set provider_message_id = $1 where id = $2`, [sids.bad, sendOf(bad.phone)]);

    // Posted to (and signed for) the other company's address: it has no such SID.
    expect((await statusCallback(statusUrl(other), sids.good, 'delivered')).status).toBe(204);
    // Signed for the other company's address, posted to this one's: refused.
    expect((await statusCallback(statusUrl(owner), sids.good, 'delivered', {}, statusUrl(other))).status).toBe(403);
    for (const status of ['queued', 'sent']) expect((await statusCallback(statusUrl(owner), sids.good, status)).status).toBe(204);
    expect((await send(sendOf(good.phone))).status).toBe('SENT');

    expect((await statusCallback(statusUrl(owner), sids.good, 'delivered')).status).toBe(204);
    const delivered = await send(sendOf(good.phone));
    expect(delivered.status).toBe('DELIVERED');
    expect(delivered.delivered_at).not.toBeNull();
    expect((await statusCallback(statusUrl(owner), sids.bad, 'undelivered', { ErrorCode: '30003' })).status).toBe(204);
    const failed = await send(sendOf(bad.phone));
    expect(failed).toMatchObject({ status: 'FAILED', error: 'Twilio: undelivered (error 30003)' });
    // A late "delivered" does not undo the failure.
    expect((await statusCallback(statusUrl(owner), sids.bad, 'delivered')).status).toBe(204);
    expect((await send(sendOf(bad.phone))).status).toBe('FAILED');
    expect(await stats(owner, automationId)).toMatchObject({ sent: 0, delivered: 1, failed: 1 });

    const goodEvents = automationEvents(await timeline(owner, good.id));
    expect(goodEvents.map((e) => [e.kind, e.channel, e.address, e.automationName])).toEqual([
      ['DELIVERED', 'SMS', good.phone, 'Welcome text'],
      ['SENT', 'SMS', good.phone, 'Welcome text'],
    ]);
    expect(goodEvents[0]?.occurredAt).toBe(delivered.delivered_at?.toISOString());
    expect(automationEvents(await timeline(owner, bad.id)).map((e) => [e.kind, e.detail])).toEqual([
      ['FAILED', 'Twilio: undelivered (error 30003)'],
      ['SENT', null],
    ]);
  });
});
