import { createPostgresBackend, Queue, type PostgresConnectionOptions, type PostgresQueueBackend } from 'bullmq';
import pg from 'pg';
import twilioLib from 'twilio';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CAMPAIGN_QUEUE } from '../../api/src/marketing/campaign-queue.js';
import { postgresConnection, type TenantJobData } from '../../workers/queues.js';
import { uuidOf } from '../isolation/isolation-cases.js';
import { errorCode, ok, signUp, startKontor, uniqueEmail, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { TwilioServer } from '../support/twilio-server.js';

const ACCOUNT_SID = `AC${'fedcba9876543210'.repeat(2)}`;
const AUTH_TOKEN = 'campaign-test-token';
const TWILIO_FROM = '+15005550006';

const CREATE_TEMPLATE = `mutation($input: CreateCampaignTemplateInput!) { createCampaignTemplate(input: $input) { id channel subject html text } }`;
const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id status channel audience { segmentIds listIds } } }`;
const SEND_NOW = `mutation($input: CampaignIdInput!) { sendCampaignNow(input: $input) { id status audienceSize startedAt } }`;
const SCHEDULE = `mutation($input: ScheduleCampaignInput!) { scheduleCampaign(input: $input) { id status sendAt timeZone } }`;
const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { id status audienceSize finishedAt template { id name } stats { recipients queued sending sent delivered bounced failed skipped } } }`;
const AUDIENCE_COUNT = `query($channel: MarketingChannel!, $audience: CampaignAudienceInput!) { campaignAudienceCount(channel: $channel, audience: $audience) }`;

interface Stats {
  recipients: number;
  queued: number;
  sending: number;
  sent: number;
  delivered: number;
  bounced: number;
  failed: number;
  skipped: number;
}
interface CampaignView {
  id: string;
  status: string;
  audienceSize: number | null;
  finishedAt: string | null;
  stats: Stats;
}

let kontor: Kontor;
let sink: SmtpSink;
let twilio: TwilioServer;

beforeAll(async () => {
  sink = new SmtpSink();
  const smtpUrl = await sink.start();
  twilio = new TwilioServer();
  const apiUrl = await twilio.start();
  kontor = await startKontor({ smtpUrl, config: { twilio: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: TWILIO_FROM, apiUrl } } });
}, 180_000);

afterAll(async () => {
  await kontor?.close();
  await sink?.stop();
  await twilio?.stop();
});

async function company(): Promise<SignedUp> {
  return signUp(kontor, { modules: ['CRM', 'MARKETING'] });
}

function id(result: GqlResult<Record<string, { id: string }>>, field: string): string {
  const value = ok(result)[field]?.id;
  if (!value) throw new Error(`no ${field}.id`);
  return value;
}

async function person(owner: SignedUp, input: Record<string, unknown>): Promise<string> {
  return id(await kontor.gql(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input }, owner.token), 'createContact');
}

async function segment(owner: SignedUp, tag: string): Promise<string> {
  return id(
    await kontor.gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, { input: { name: `Tagged ${tag}`, entity: 'CONTACT', contactFilter: { tags: [tag] } } }, owner.token),
    'createSegment',
  );
}

async function emailTemplate(owner: SignedUp, overrides: Record<string, unknown> = {}): Promise<string> {
  return id(
    await kontor.gql(
      CREATE_TEMPLATE,
      { input: { name: 'Autumn news', channel: 'EMAIL', subject: 'Hello {{ contact.firstName }}', html: '<p>Dear {{ contact.firstName | default: "friend" }} of {{ customer.name | default: "nowhere" }},</p><p><a href="https://shop.example/autumn">See the collection</a></p>', ...overrides } },
      owner.token,
    ),
    'createCampaignTemplate',
  );
}

async function campaignOf(owner: SignedUp, campaignId: string): Promise<CampaignView> {
  return ok(await kontor.gql<{ campaign: CampaignView }>(CAMPAIGN, { id: campaignId }, owner.token)).campaign;
}

async function until(owner: SignedUp, campaignId: string, done: (c: CampaignView) => boolean, timeoutMs = 60_000): Promise<CampaignView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await campaignOf(owner, campaignId);
    if (done(current)) return current;
    if (Date.now() > deadline) throw new Error(`campaign still ${JSON.stringify(current)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('templates', () => {
  it('refuses a template that does not parse, or parts of the other channel, with the field', async () => {
    const owner = await company();
    const broken = await kontor.gql(CREATE_TEMPLATE, { input: { name: 'Broken', channel: 'EMAIL', subject: 'Hi {{ contact.firstName', html: '<p>x</p>' } }, owner.token);
    expect(errorCode(broken)).toBe('BAD_USER_INPUT');
    expect(broken.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'subject'], reason: 'INVALID_TEMPLATE' });
    const unknownFilter = await kontor.gql(CREATE_TEMPLATE, { input: { name: 'Filter', channel: 'EMAIL', subject: 'Hi', html: '<p>{{ contact.firstName | shout }}</p>' } }, owner.token);
    expect(unknownFilter.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'html'], reason: 'INVALID_TEMPLATE' });
    const smsWithSubject = await kontor.gql(CREATE_TEMPLATE, { input: { name: 'SMS', channel: 'SMS', subject: 'no', text: 'Hi' } }, owner.token);
    expect(smsWithSubject.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'subject'], reason: 'WRONG_CHANNEL' });
    const emailWithoutHtml = await kontor.gql(CREATE_TEMPLATE, { input: { name: 'Empty', channel: 'EMAIL', subject: 'Hi' } }, owner.token);
    expect(emailWithoutHtml.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'html'], reason: 'REQUIRED' });
    const list = ok(await kontor.gql<{ campaignTemplates: unknown[] }>(`{ campaignTemplates { id } }`, {}, owner.token)).campaignTemplates;
    expect(list).toEqual([]);
  });

  it('previews a template with a person’s data (escaped in HTML) and counts SMS segments', async () => {
    const owner = await company();
    const contactId = await person(owner, { firstName: '<Ana>', lastName: 'Pop', email: uniqueEmail('ana') });
    const templateId = await emailTemplate(owner);
    const preview = ok(await kontor.gql<{ previewCampaignTemplate: { subject: string; html: string; text: string } }>(
      `query($input: PreviewCampaignTemplateInput!) { previewCampaignTemplate(input: $input) { subject html text } }`,
      { input: { templateId, contactId } },
      owner.token,
    )).previewCampaignTemplate;
    expect(preview.subject).toBe('Hello <Ana>');
    expect(preview.html).toContain('Dear &lt;Ana&gt; of nowhere');
    expect(preview.html).toContain('Unsubscribe');
    expect(preview.text).toContain('Dear <Ana> of nowhere');
    const sms = id(await kontor.gql(CREATE_TEMPLATE, { input: { name: 'Promo', channel: 'SMS', text: 'Salut {{ contact.firstName }}, reducere 20% la toată colecția de toamnă, doar azi! Răspunde STOP pentru dezabonare.' } }, owner.token), 'createCampaignTemplate');
    const smsPreview = ok(await kontor.gql<{ previewCampaignTemplate: { text: string; sms: { encoding: string; segments: number } } }>(
      `query($input: PreviewCampaignTemplateInput!) { previewCampaignTemplate(input: $input) { text sms { encoding segments characters } } }`,
      { input: { templateId: sms } },
      owner.token,
    )).previewCampaignTemplate;
    // "ă" is not in GSM-7: UCS-2, 70 characters a part.
    expect(smsPreview.sms).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });
});

describe('an email campaign', () => {
  it('reaches each consenting, unsuppressed address once, with merge fields, unsubscribe headers and a text part', async () => {
    const owner = await company();
    const tag = `autumn${Date.now()}`;
    const customer = id(await kontor.gql(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: { name: 'Acme SRL' } }, owner.token), 'createCustomer');
    const shared = uniqueEmail('shared');
    const reachable = [uniqueEmail('r1'), uniqueEmail('r2'), shared];
    await person(owner, { firstName: 'Ana', email: reachable[0], tags: [tag], customerId: customer, emailConsent: 'GRANTED', consentSource: 'form' });
    await person(owner, { firstName: 'Bogdan', email: reachable[1], tags: [tag], emailConsent: 'GRANTED', consentSource: 'form' });
    await person(owner, { firstName: 'Chloé', email: shared, tags: [tag], emailConsent: 'GRANTED', consentSource: 'form' });
    // The same address twice: one message. No consent, refused consent, no address: none.
    await person(owner, { firstName: 'Chloé twin', email: shared, tags: [tag], emailConsent: 'GRANTED', consentSource: 'form' });
    const unknown = uniqueEmail('unknown');
    await person(owner, { firstName: 'Dan', email: unknown, tags: [tag] });
    const denied = uniqueEmail('denied');
    await person(owner, { firstName: 'Eva', email: denied, tags: [tag], emailConsent: 'DENIED', consentSource: 'form' });
    await person(owner, { firstName: 'Fara', tags: [tag], emailConsent: 'GRANTED', consentSource: 'form' });
    const segmentId = await segment(owner, tag);
    const templateId = await emailTemplate(owner);
    const audience = { segmentIds: [segmentId], listIds: [] };
    expect(ok(await kontor.gql<{ campaignAudienceCount: number }>(AUDIENCE_COUNT, { channel: 'EMAIL', audience }, owner.token)).campaignAudienceCount).toBe(3);

    const campaignId = id(await kontor.gql(CREATE_CAMPAIGN, { input: { name: 'Autumn', channel: 'EMAIL', templateId, audience } }, owner.token), 'createCampaign');
    const started = ok(await kontor.gql<{ sendCampaignNow: { status: string; audienceSize: number } }>(SEND_NOW, { input: { id: campaignId } }, owner.token)).sendCampaignNow;
    expect(started).toMatchObject({ status: 'SENDING', audienceSize: 3 });
    const done = await until(owner, campaignId, (c) => c.status === 'SENT');
    expect(done.stats).toMatchObject({ recipients: 3, queued: 0, sending: 0, sent: 3, skipped: 0, failed: 0 });
    const points = ok(await kontor.gql<{ campaign: { statsOverTime: { at: string; sent: number }[] } }>(`query($id: ID!) { campaign(id: $id) { statsOverTime { at sent } } }`, { id: campaignId }, owner.token)).campaign.statsOverTime;
    expect(points.reduce((sum, p) => sum + p.sent, 0)).toBe(3);
    expect(points.every((p) => p.at.endsWith(':00:00.000Z'))).toBe(true);

    for (const address of reachable) {
      const received = sink.to(address);
      expect(received, address).toHaveLength(1);
    }
    for (const address of [unknown, denied]) expect(sink.to(address)).toHaveLength(0);
    const ana = sink.to(reachable[0] ?? '')[0];
    expect(ana?.subject).toBe('Hello Ana');
    expect(ana?.html).toContain('Dear Ana of Acme SRL');
    expect(ana?.text).toContain('Dear Ana of Acme SRL');
    expect(ana?.text).toMatch(/Unsubscribe: http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[A-Za-z0-9_-]{64}/);
    const header = (name: string) => ana?.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toMatch(/^List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/hooks\/unsubscribe\/[A-Za-z0-9_-]{64}>$/);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(ana?.messageId).toMatch(/^<[0-9a-f-]{36}@kontor\.campaign>$/);
    // Links go through the signed click redirect; the open pixel is there.
    expect(ana?.html).toMatch(/href="http:\/\/127\.0\.0\.1:\d+\/hooks\/click\/[A-Za-z0-9_-]{64}\?u=https%3A%2F%2Fshop\.example%2Fautumn"/);
    expect(ana?.html).toMatch(/\/hooks\/open\/[A-Za-z0-9_-]{64}\.gif/);
  });

  it('takes each state change only from the states that allow it, with INVALID_STATE', async () => {
    const owner = await company();
    const tag = `states${Date.now()}`;
    for (let i = 0; i < 3; i++) await person(owner, { firstName: `P${i}`, email: uniqueEmail('st'), tags: [tag], emailConsent: 'GRANTED', consentSource: 'form' });
    const audience = { segmentIds: [await segment(owner, tag)], listIds: [] };
    const campaignId = id(await kontor.gql(CREATE_CAMPAIGN, { input: { name: 'States', channel: 'EMAIL', templateId: await emailTemplate(owner), audience } }, owner.token), 'createCampaign');
    const pause = await kontor.gql(`mutation($input: CampaignIdInput!) { pauseCampaign(input: $input) { status } }`, { input: { id: campaignId } }, owner.token);
    expect(errorCode(pause)).toBe('CONFLICT');
    expect(pause.errors?.[0]?.extensions).toMatchObject({ reason: 'INVALID_STATE' });
    const cancelled = ok(await kontor.gql<{ cancelCampaign: { status: string } }>(`mutation($input: CampaignIdInput!) { cancelCampaign(input: $input) { status } }`, { input: { id: campaignId } }, owner.token)).cancelCampaign;
    expect(cancelled.status).toBe('CANCELLED');
    const again = await kontor.gql(SEND_NOW, { input: { id: campaignId } }, owner.token);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    const edit = await kontor.gql(`mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { id } }`, { input: { id: campaignId, name: 'x' } }, owner.token);
    expect(edit.errors?.[0]?.extensions).toMatchObject({ reason: 'INVALID_STATE' });
    // Cancelled before anything left: it can go.
    expect(ok(await kontor.gql<{ deleteCampaign: string }>(`mutation($input: CampaignIdInput!) { deleteCampaign(input: $input) }`, { input: { id: campaignId } }, owner.token)).deleteCampaign).toBe(campaignId);
    const gone = await kontor.gql(`query($id: ID!) { campaign(id: $id) { id } }`, { id: campaignId }, owner.token);
    expect(errorCode(gone)).toBe('NOT_FOUND');
  });

  it('refuses an empty audience, a template of the other channel, a past time and an unknown time zone', async () => {
    const owner = await company();
    const templateId = await emailTemplate(owner);
    const sms = id(await kontor.gql(CREATE_TEMPLATE, { input: { name: 'S', channel: 'SMS', text: 'Hi' } }, owner.token), 'createCampaignTemplate');
    const audience = { segmentIds: [await segment(owner, `nobody${Date.now()}`)], listIds: [] };
    const wrong = await kontor.gql(CREATE_CAMPAIGN, { input: { name: 'W', channel: 'EMAIL', templateId: sms, audience } }, owner.token);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'templateId'], reason: 'WRONG_CHANNEL' });
    const campaignId = id(await kontor.gql(CREATE_CAMPAIGN, { input: { name: 'Empty', channel: 'EMAIL', templateId, audience } }, owner.token), 'createCampaign');
    const empty = await kontor.gql(SEND_NOW, { input: { id: campaignId } }, owner.token);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ reason: 'EMPTY_AUDIENCE' });
    // Nothing half-written: still a draft, no recipients.
    expect(await campaignOf(owner, campaignId)).toMatchObject({ status: 'DRAFT', audienceSize: null, stats: { recipients: 0 } });
    const past = await kontor.gql(SCHEDULE, { input: { id: campaignId, sendAt: new Date(Date.now() - 60_000).toISOString(), timeZone: 'Europe/Bucharest' } }, owner.token);
    expect(past.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'sendAt'], reason: 'IN_PAST' });
    const zone = await kontor.gql(SCHEDULE, { input: { id: campaignId, sendAt: new Date(Date.now() + 3_600_000).toISOString(), timeZone: 'Mars/Olympus' } }, owner.token);
    expect(zone.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'timeZone'], reason: 'INVALID_TIME_ZONE' });
    const kyiv = ok(await kontor.gql<{ scheduleCampaign: { status: string; timeZone: string } }>(SCHEDULE, { input: { id: campaignId, sendAt: new Date(Date.now() + 3_600_000).toISOString(), timeZone: 'Europe/Kyiv' } }, owner.token)).scheduleCampaign;
    expect(kyiv).toMatchObject({ status: 'SCHEDULED', timeZone: 'Europe/Kyiv' });
  });

  it('starts at its scheduled time (and only at the latest time it was given)', async () => {
    const owner = await company();
    const tag = `sched${Date.now()}`;
    const address = uniqueEmail('sched');
    await person(owner, { firstName: 'Ioana', email: address, tags: [tag], emailConsent: 'GRANTED', consentSource: 'form' });
    const audience = { segmentIds: [await segment(owner, tag)], listIds: [] };
    const campaignId = id(await kontor.gql(CREATE_CAMPAIGN, { input: { name: 'Scheduled', channel: 'EMAIL', templateId: await emailTemplate(owner), audience } }, owner.token), 'createCampaign');
    // First far away, then moved close: the old job must not start it again.
    ok(await kontor.gql(SCHEDULE, { input: { id: campaignId, sendAt: new Date(Date.now() + 4_000).toISOString(), timeZone: 'Asia/Kolkata' } }, owner.token));
    ok(await kontor.gql(SCHEDULE, { input: { id: campaignId, sendAt: new Date(Date.now() + 1_500).toISOString(), timeZone: 'UTC' } }, owner.token));
    const done = await until(owner, campaignId, (c) => c.status === 'SENT');
    expect(done.stats.sent).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(sink.to(address)).toHaveLength(1);
  });
});

describe('an SMS campaign', () => {
  it('sends each reachable number once through Twilio’s API, and records the SID and segments', async () => {
    const owner = await company();
    const tag = `sms${Date.now()}`;
    const phones = ['+40721000301', '+40721000302'];
    for (const [i, phone] of phones.entries()) await person(owner, { firstName: `S${i}`, phone, tags: [tag], smsConsent: 'GRANTED', consentSource: 'form' });
    await person(owner, { firstName: 'NoConsent', phone: '+40721000303', tags: [tag] });
    const templateId = id(await kontor.gql(CREATE_TEMPLATE, { input: { name: 'SMS', channel: 'SMS', text: 'Hi {{ contact.firstName }}, -20% today' } }, owner.token), 'createCampaignTemplate');
    const audience = { segmentIds: [await segment(owner, tag)], listIds: [] };
    const campaignId = id(await kontor.gql(CREATE_CAMPAIGN, { input: { name: 'SMS', channel: 'SMS', templateId, audience } }, owner.token), 'createCampaign');
    ok(await kontor.gql(SEND_NOW, { input: { id: campaignId } }, owner.token));
    const done = await until(owner, campaignId, (c) => c.status === 'SENT');
    expect(done.stats).toMatchObject({ recipients: 2, sent: 2 });
    for (const [i, phone] of phones.entries()) {
      const requests = twilio.messages().filter((r) => r.form.get('To') === phone);
      expect(requests.map((r) => r.form.get('Body'))).toEqual([`Hi S${i}, -20% today`]);
    }
    expect(twilio.messages().filter((r) => r.form.get('To') === '+40721000303')).toHaveLength(0);
  });
});

describe('pacing', () => {
  it('sends at most throttlePerMinute a minute: the rest waits, queued', async () => {
    const owner = await company();
    const tag = `throttle${Date.now()}`;
    for (let i = 0; i < 4; i++) await person(owner, { firstName: `T${i}`, email: uniqueEmail('thr'), tags: [tag], emailConsent: 'GRANTED', consentSource: 'form' });
    const audience = { segmentIds: [await segment(owner, tag)], listIds: [] };
    const campaignId = id(await kontor.gql(CREATE_CAMPAIGN, { input: { name: 'Slow', channel: 'EMAIL', templateId: await emailTemplate(owner), audience, throttlePerMinute: 2 } }, owner.token), 'createCampaign');
    ok(await kontor.gql(SEND_NOW, { input: { id: campaignId } }, owner.token));
    const sentTwo = await until(owner, campaignId, (c) => c.stats.sent === 2);
    // Past the next run (queued 15 s after a run that met the limit): still two in this minute.
    await new Promise((resolve) => setTimeout(resolve, 17_000));
    expect((await campaignOf(owner, campaignId)).stats).toMatchObject({ sent: 2, queued: 2 });
    expect(sentTwo.status).toBe('SENDING');
    ok(await kontor.gql(`mutation($input: CampaignIdInput!) { cancelCampaign(input: $input) { status } }`, { input: { id: campaignId } }, owner.token));
    expect((await campaignOf(owner, campaignId)).stats).toMatchObject({ sent: 2, queued: 0, skipped: 2 });
    // Two messages went out with unsubscribe links that resolve through it: it cannot be deleted.
    const deleted = await kontor.gql(`mutation($input: CampaignIdInput!) { deleteCampaign(input: $input) }`, { input: { id: campaignId } }, owner.token);
    expect(deleted.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IN_USE', path: ['input', 'id'] });
    expect((await campaignOf(owner, campaignId)).stats.sent).toBe(2);
  });

  it('holds SMS in the recipient’s quiet hours (their country’s zone) and sends the others', async () => {
    const owner = await company();
    const tag = `quiet${Date.now()}`;
    // +40: Romania (Europe/Bucharest); +81: Japan (Asia/Tokyo), never the same local hour.
    await person(owner, { firstName: 'Ro', phone: '+40721000401', tags: [tag], smsConsent: 'GRANTED', consentSource: 'form' });
    await person(owner, { firstName: 'Jp', phone: '+81312345678', tags: [tag], smsConsent: 'GRANTED', consentSource: 'form' });
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Bucharest', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
    const templateId = id(await kontor.gql(CREATE_TEMPLATE, { input: { name: 'Quiet', channel: 'SMS', text: 'Hi {{ contact.firstName }}' } }, owner.token), 'createCampaignTemplate');
    const audience = { segmentIds: [await segment(owner, tag)], listIds: [] };
    const campaignId = id(
      await kontor.gql(CREATE_CAMPAIGN, { input: { name: 'Quiet', channel: 'SMS', templateId, audience, quietHours: { start: hour, end: (hour + 1) % 24 } } }, owner.token),
      'createCampaign',
    );
    ok(await kontor.gql(SEND_NOW, { input: { id: campaignId } }, owner.token));
    await until(owner, campaignId, (c) => c.stats.sent === 1);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await campaignOf(owner, campaignId)).stats).toMatchObject({ sent: 1, queued: 1 });
    expect(twilio.messages().filter((r) => r.form.get('To') === '+81312345678')).toHaveLength(1);
    expect(twilio.messages().filter((r) => r.form.get('To') === '+40721000401')).toHaveLength(0);
    const email = await kontor.gql(CREATE_CAMPAIGN, { input: { name: 'Q', channel: 'EMAIL', templateId: await emailTemplate(owner), audience, quietHours: { start: 1, end: 2 } } }, owner.token);
    expect(email.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'quietHours'], reason: 'WRONG_CHANNEL' });
  });

  it('tries A and B on the test share, then sends the winner (A on a tie) to the rest at the winner time', async () => {
    const owner = await company();
    const tag = `ab${Date.now()}`;
    const addresses = Array.from({ length: 4 }, (_, i) => uniqueEmail(`ab${i}`));
    for (const [i, email] of addresses.entries()) await person(owner, { firstName: `AB${i}`, email, tags: [tag], emailConsent: 'GRANTED', consentSource: 'form' });
    const a = await emailTemplate(owner, { name: 'A', subject: 'Variant A' });
    const b = await emailTemplate(owner, { name: 'B', subject: 'Variant B' });
    const audience = { segmentIds: [await segment(owner, tag)], listIds: [] };
    const winnerAt = new Date(Date.now() + 4_000).toISOString();
    const campaignId = id(
      await kontor.gql(CREATE_CAMPAIGN, { input: { name: 'AB', channel: 'EMAIL', templateId: a, audience, abTest: { variantTemplateId: b, testSharePercent: 50, winnerAt } } }, owner.token),
      'createCampaign',
    );
    ok(await kontor.gql(SEND_NOW, { input: { id: campaignId } }, owner.token));
    const tested = await until(owner, campaignId, (c) => c.stats.sent === 2);
    expect(tested.stats.queued).toBe(2);
    const done = await until(owner, campaignId, (c) => c.status === 'SENT', 30_000);
    expect(done.stats.sent).toBe(4);
    const subjects = addresses.map((address) => sink.to(address).map((m) => m.subject));
    expect(subjects.every((s) => s.length === 1)).toBe(true);
    expect(subjects.flat().sort()).toEqual(['Variant A', 'Variant A', 'Variant A', 'Variant B']);
    const abTest = ok(await kontor.gql<{ campaign: { abTest: { winner: string } } }>(`query($id: ID!) { campaign(id: $id) { abTest { winner } } }`, { id: campaignId }, owner.token)).campaign.abTest;
    expect(abTest.winner).toBe('A');
  });

  it('pauses between batches and resumes where it stopped', async () => {
    const owner = await company();
    const tag = `pause${Date.now()}`;
    for (let i = 0; i < 3; i++) await person(owner, { firstName: `Pa${i}`, email: uniqueEmail('pause'), tags: [tag], emailConsent: 'GRANTED', consentSource: 'form' });
    const audience = { segmentIds: [await segment(owner, tag)], listIds: [] };
    // Throttled to one a minute: the first goes, then it waits, and is paused while waiting.
    const campaignId = id(await kontor.gql(CREATE_CAMPAIGN, { input: { name: 'Pause', channel: 'EMAIL', templateId: await emailTemplate(owner), audience, throttlePerMinute: 1 } }, owner.token), 'createCampaign');
    ok(await kontor.gql(SEND_NOW, { input: { id: campaignId } }, owner.token));
    await until(owner, campaignId, (c) => c.stats.sent === 1);
    const paused = ok(await kontor.gql<{ pauseCampaign: { status: string } }>(`mutation($input: CampaignIdInput!) { pauseCampaign(input: $input) { status } }`, { input: { id: campaignId } }, owner.token)).pauseCampaign;
    expect(paused.status).toBe('PAUSED');
    const edit = await kontor.gql(`mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { id } }`, { input: { id: campaignId, name: 'x' } }, owner.token);
    expect(edit.errors?.[0]?.extensions).toMatchObject({ reason: 'INVALID_STATE' });
    const resumed = ok(await kontor.gql<{ resumeCampaign: { status: string } }>(`mutation($input: CampaignIdInput!) { resumeCampaign(input: $input) { status } }`, { input: { id: campaignId } }, owner.token)).resumeCampaign;
    expect(resumed.status).toBe('SENDING');
    const after = await campaignOf(owner, campaignId);
    expect(after.stats.sent + after.stats.queued + after.stats.sending).toBe(3);
  });
});

describe('the MARKETING switch', () => {
  it('holds a scheduled campaign while the module is off (its job waits, nothing is sent) and sends it once it is back on', async () => {
    const owner = await company();
    const tag = `off${Date.now()}`;
    const address = uniqueEmail('off');
    await person(owner, { firstName: 'Off', email: address, tags: [tag], emailConsent: 'GRANTED', consentSource: 'form' });
    const audience = { segmentIds: [await segment(owner, tag)], listIds: [] };
    const campaignId = id(await kontor.gql(CREATE_CAMPAIGN, { input: { name: 'Off', channel: 'EMAIL', templateId: await emailTemplate(owner), audience } }, owner.token), 'createCampaign');
    const sendAt = new Date(Date.now() + 1_500);
    ok(await kontor.gql(SCHEDULE, { input: { id: campaignId, sendAt: sendAt.toISOString(), timeZone: 'Europe/Bucharest' } }, owner.token));
    const setMarketing = (enabled: boolean) => kontor.gql(`mutation($input: SetModuleEnabledInput!) { setModuleEnabled(input: $input) { key enabled } }`, { input: { module: 'MARKETING', enabled } }, owner.token);
    ok(await setMarketing(false));
    const queue = new Queue<TenantJobData, unknown, string, TenantJobData, unknown, string, PostgresQueueBackend, PostgresConnectionOptions>(
      CAMPAIGN_QUEUE,
      { connection: postgresConnection(kontor.app.jobs.config) },
      createPostgresBackend,
    );
    try {
      const jobId = `start-${uuidOf(campaignId, 'Campaign')}-${sendAt.getTime()}`;
      // The worker took the start job and put it back: delayed, not failed, nothing sent.
      await expect
        .poll(async () => {
          const job = await queue.getJob(jobId);
          return job?.processedOn ? await job.getState() : 'not yet';
        }, { timeout: 25_000, interval: 100 })
        .toBe('delayed');
      expect(sink.to(address)).toHaveLength(0);
      ok(await setMarketing(true));
      expect((await campaignOf(owner, campaignId)).status).toBe('SCHEDULED');
      // Its next look comes a minute later; bring it forward rather than wait.
      await (await queue.getJob(jobId))?.promote();
      await until(owner, campaignId, (c) => c.status === 'SENT');
      expect(sink.to(address)).toHaveLength(1);
    } finally {
      await queue.close();
    }
  });
});

describe('a company’s own sending accounts', () => {
  const UPDATE = `mutation($input: UpdateMarketingChannelSettingsInput!) { updateMarketingChannelSettings(input: $input) { smtp { host port secure username hasPassword from } twilio { accountSid from hasAuthToken } } }`;

  it('sends campaigns through the company’s own SMTP server and Twilio account, keeping their secrets sealed', async () => {
    const owner = await company();
    const ownSink = new SmtpSink();
    const ownUrl = new URL(await ownSink.start());
    try {
      const badSid = await kontor.gql(UPDATE, { input: { twilio: { accountSid: 'nope', authToken: 'x', from: '+15005550006' } } }, owner.token);
      expect(badSid.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'twilio', 'accountSid'], reason: 'INVALID' });
      const ownSid = `AC${'abcdef0123456789'.repeat(2)}`;
      const token = `tok-${Date.now()}`;
      const saved = ok(await kontor.gql<{ updateMarketingChannelSettings: unknown }>(UPDATE, {
        input: { smtp: { host: ownUrl.hostname, port: Number(ownUrl.port), secure: false, from: 'news@acme.example' }, twilio: { accountSid: ownSid, authToken: token, from: '+15005550006' } },
      }, owner.token)).updateMarketingChannelSettings;
      expect(saved).toEqual({
        smtp: { host: ownUrl.hostname, port: Number(ownUrl.port), secure: false, username: null, hasPassword: false, from: 'news@acme.example' },
        twilio: { accountSid: ownSid, from: '+15005550006', hasAuthToken: true },
      });
      // At rest the token is sealed: neither it nor any part of it is in the row.
      const db = new pg.Client({ connectionString: inject('ownerUrl') });
      await db.connect();
      const row = (await db.query<{ sealed: string }>(`select twilio_auth_token_encrypted as sealed from mkt_channel_accounts where tenant_id = $1`, [uuidOf(owner.tenantId, 'Tenant')])).rows[0];
      await db.end();
      expect(row?.sealed).toMatch(/^v1:/);
      expect(row?.sealed).not.toContain(token);

      const tag = `own${Date.now()}`;
      const address = uniqueEmail('own');
      await person(owner, { firstName: 'Own', email: address, phone: '+40721000501', tags: [tag], emailConsent: 'GRANTED', smsConsent: 'GRANTED', consentSource: 'form' });
      const audience = { segmentIds: [await segment(owner, tag)], listIds: [] };
      const emailCampaign = id(await kontor.gql(CREATE_CAMPAIGN, { input: { name: 'Own email', channel: 'EMAIL', templateId: await emailTemplate(owner), audience } }, owner.token), 'createCampaign');
      ok(await kontor.gql(SEND_NOW, { input: { id: emailCampaign } }, owner.token));
      await until(owner, emailCampaign, (c) => c.status === 'SENT');
      const received = await ownSink.waitFor(address);
      expect(received.from?.value[0]?.address).toBe('news@acme.example');
      expect(sink.to(address)).toHaveLength(0);

      const smsTemplate = id(await kontor.gql(CREATE_TEMPLATE, { input: { name: 'Own SMS', channel: 'SMS', text: 'Hi {{ contact.firstName }}' } }, owner.token), 'createCampaignTemplate');
      const smsCampaign = id(await kontor.gql(CREATE_CAMPAIGN, { input: { name: 'Own SMS', channel: 'SMS', templateId: smsTemplate, audience } }, owner.token), 'createCampaign');
      ok(await kontor.gql(SEND_NOW, { input: { id: smsCampaign } }, owner.token));
      await until(owner, smsCampaign, (c) => c.status === 'SENT');
      const request = twilio.messages().find((r) => r.form.get('To') === '+40721000501');
      expect(request?.path).toBe(`/2010-04-01/Accounts/${ownSid}/Messages.json`);
      expect(request?.headers.authorization).toBe(`Basic ${Buffer.from(`${ownSid}:${token}`).toString('base64')}`);
      // Its status callbacks are signed with the company's own token, not the platform's.
      const sid = String((request?.response as { sid?: string } | undefined)?.sid ?? '');
      const callbackUrl = `${kontor.url}/hooks/twilio/status/${uuidOf(owner.tenantId, 'Tenant')}`;
      const fields = { MessageSid: sid, MessageStatus: 'delivered' };
      const post = (signedWith: string) =>
        fetch(callbackUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioLib.getExpectedTwilioSignature(signedWith, callbackUrl, fields) },
          body: new URLSearchParams(fields).toString(),
        });
      expect((await post(AUTH_TOKEN)).status).toBe(403);
      expect((await post(token)).status).toBe(204);
      expect((await campaignOf(owner, smsCampaign)).stats.delivered).toBe(1);

      // Cleared: back to the platform's accounts.
      const cleared = ok(await kontor.gql<{ updateMarketingChannelSettings: unknown }>(UPDATE, { input: { smtp: null, twilio: null } }, owner.token)).updateMarketingChannelSettings;
      expect(cleared).toEqual({ smtp: null, twilio: null });
    } finally {
      await ownSink.stop();
    }
  });
});

describe('the company’s throttle', () => {
  it('holds all of a company’s campaigns on a channel to its limit a minute together', async () => {
    const owner = await company();
    const UPDATE = `mutation($input: UpdateMarketingChannelSettingsInput!) { updateMarketingChannelSettings(input: $input) { emailsPerMinute smsPerMinute } }`;
    const refused = await kontor.gql(UPDATE, { input: { emailsPerMinute: 0 } }, owner.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'emailsPerMinute'], reason: 'OUT_OF_RANGE' });
    expect(ok(await kontor.gql<{ updateMarketingChannelSettings: unknown }>(UPDATE, { input: { emailsPerMinute: 3 } }, owner.token)).updateMarketingChannelSettings).toEqual({ emailsPerMinute: 3, smsPerMinute: null });
    const campaigns: string[] = [];
    for (const name of ['One', 'Two']) {
      const tag = `company${name}${Date.now()}`;
      for (let i = 0; i < 3; i++) await person(owner, { firstName: `${name}${i}`, email: uniqueEmail(`co${name}`), tags: [tag], emailConsent: 'GRANTED', consentSource: 'form' });
      const audience = { segmentIds: [await segment(owner, tag)], listIds: [] };
      campaigns.push(id(await kontor.gql(CREATE_CAMPAIGN, { input: { name, channel: 'EMAIL', templateId: await emailTemplate(owner), audience } }, owner.token), 'createCampaign'));
    }
    for (const campaignId of campaigns) ok(await kontor.gql(SEND_NOW, { input: { id: campaignId } }, owner.token));
    const sentOf = async () => {
      let total = 0;
      for (const campaignId of campaigns) total += (await campaignOf(owner, campaignId)).stats.sent;
      return total;
    };
    await expect.poll(sentOf, { timeout: 20_000, interval: 200 }).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await sentOf()).toBe(3);
    for (const campaignId of campaigns) ok(await kontor.gql(`mutation($input: CampaignIdInput!) { cancelCampaign(input: $input) { status } }`, { input: { id: campaignId } }, owner.token));
  });
});
