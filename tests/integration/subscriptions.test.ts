/**
 * Subscription lists, the public form with double opt-in, the unsubscribe page and preference
 * centre, RFC 8058 one-click, and SMS STOP/START: over HTTP against the real application, with the
 * confirmation email read from a real SMTP sink, campaigns really sent (to the sink and to the local
 * Twilio server), and Twilio's webhook signature computed by the twilio package itself.
 */
import type { ParsedMail } from 'mailparser';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkKey, signLink } from '../../api/src/marketing/links.js';
import { inTenant } from '../../api/src/platform/context/tenant-scope.js';
import { PLATFORM_QUEUES } from '../../workers/queues.js';
import { errorCode, ok, signUp, startKontor, uniqueEmail, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';
import { linkIn, SmtpSink } from '../support/smtp-sink.js';
import { TwilioServer } from '../support/twilio-server.js';
import { uuidOf } from '../isolation/isolation-cases.js';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'subscriptions-test-token';
const TWILIO_FROM = '+15005550006';

const LIST_FIELDS = `id name description doubleOptIn formUrl memberCount subscribedCount pendingCount createdAt updatedAt`;
const CREATE_LIST = `mutation($input: CreateSubscriptionListInput!) { createSubscriptionList(input: $input) { ${LIST_FIELDS} } }`;
const UPDATE_LIST = `mutation($input: UpdateSubscriptionListInput!) { updateSubscriptionList(input: $input) { ${LIST_FIELDS} } }`;
const DELETE_LIST = `mutation($input: DeleteSubscriptionListInput!) { deleteSubscriptionList(input: $input) }`;
const LIST = `query($id: ID!) { subscriptionList(id: $id) { ${LIST_FIELDS} } }`;
const LISTS = `{ subscriptionLists { id name } }`;
const ADD = `mutation($input: ListMembersInput!) { addListMembers(input: $input) { added alreadySubscribed optedOut list { memberCount subscribedCount } } }`;
const REMOVE = `mutation($input: ListMembersInput!) { removeListMembers(input: $input) { removed list { memberCount } } }`;
const MEMBERS = `query($listId: ID!, $first: Int, $after: String, $filter: ListMemberFilter) {
  listMembers(listId: $listId, first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id status source joinedAt confirmedAt unsubscribedAt contact { id firstName email } } }
  } }`;
const CONFIRM = `mutation($input: ConfirmSubscriptionInput!) { confirmSubscription(input: $input) { companyName listName } }`;
const PAGE = `query($token: String!) { unsubscribePage(token: $token) { companyName channel address unsubscribed emailConsent smsConsent lists { id name status } } }`;
const UNSUBSCRIBE = `mutation($input: UnsubscribeInput!) { unsubscribe(input: $input) { unsubscribed emailConsent } }`;
const PREFERENCES = `mutation($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { unsubscribed emailConsent lists { id name status } } }`;
const CONTACT = `query($id: ID!) { contact(id: $id) { id firstName lastName email emailConsent smsConsent consentHistory { channel status source recordedBy { id } } } }`;
const CONTACTS_BY_EMAIL = `query($email: EmailAddress!) { contacts(filter: { email: $email }) { totalCount edges { node { id firstName lastName } } } }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;
const CREATE_TEMPLATE = `mutation($input: CreateCampaignTemplateInput!) { createCampaignTemplate(input: $input) { id } }`;
const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const SEND_NOW = `mutation($input: CampaignIdInput!) { sendCampaignNow(input: $input) { id status } }`;
const CANCEL = `mutation($input: CampaignIdInput!) { cancelCampaign(input: $input) { id status } }`;
const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { status stats { recipients sent unsubscribed } } }`;
const AUDIENCE_COUNT = `query($channel: MarketingChannel!, $audience: CampaignAudienceInput!) { campaignAudienceCount(channel: $channel, audience: $audience) }`;
const SET_MODULE = `mutation($input: SetModuleEnabledInput!) { setModuleEnabled(input: $input) { key enabled } }`;

interface ListView {
  id: string;
  name: string;
  description: string | null;
  doubleOptIn: boolean;
  formUrl: string;
  memberCount: number;
  subscribedCount: number;
  pendingCount: number;
}
interface MemberView {
  id: string;
  status: string;
  source: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  contact: { id: string; firstName: string; email: string | null } | null;
}
interface MembersView {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: MemberView }[];
}
interface ContactView {
  id: string;
  firstName: string;
  lastName: string | null;
  email: string | null;
  emailConsent: string;
  smsConsent: string;
  consentHistory: { channel: string; status: string; source: string; recordedBy: { id: string } | null }[];
}
interface PageView {
  companyName: string;
  channel: string;
  address: string;
  unsubscribed: boolean;
  emailConsent: string | null;
  smsConsent: string | null;
  lists: { id: string; name: string; status: string }[];
}
interface SuppressionRow {
  channel: string;
  address: string;
  reason: string;
  source: string;
  campaign_id: string | null;
}

let kontor: Kontor;
let sink: SmtpSink;
let twilioServer: TwilioServer;

beforeAll(async () => {
  sink = new SmtpSink();
  const smtpUrl = await sink.start();
  twilioServer = new TwilioServer();
  const apiUrl = await twilioServer.start();
  // Behind a (pretend) proxy: each test posts from its own address, so per-address limits stay the test's own.
  kontor = await startKontor({ smtpUrl, config: { trustProxy: true, twilio: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: TWILIO_FROM, apiUrl } } });
}, 180_000);

afterAll(async () => {
  await kontor?.close();
  await sink?.stop();
  await twilioServer?.stop();
});

// ---------------------------------------------------------------------------------------------
// Helpers

let ipCounter = 0;
function newIp(): string {
  ipCounter += 1;
  return `198.51.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

async function company(name?: string): Promise<SignedUp> {
  return signUp(kontor, { modules: ['CRM', 'MARKETING'], ...(name ? { companyName: name } : {}) });
}

function field<T>(result: GqlResult<Record<string, T>>, name: string): T {
  const value = ok(result)[name];
  if (value === undefined) throw new Error(`no ${name} in ${JSON.stringify(result)}`);
  return value;
}

async function createList(owner: SignedUp, input: Record<string, unknown>): Promise<ListView> {
  return field(await kontor.gql<Record<string, ListView>>(CREATE_LIST, { input }, owner.token), 'createSubscriptionList');
}

async function listOf(owner: SignedUp, id: string): Promise<ListView> {
  return field(await kontor.gql<Record<string, ListView>>(LIST, { id }, owner.token), 'subscriptionList');
}

async function members(owner: SignedUp, listId: string, extra: Record<string, unknown> = {}): Promise<MembersView> {
  return field(await kontor.gql<Record<string, MembersView>>(MEMBERS, { listId, ...extra }, owner.token), 'listMembers');
}

async function person(owner: SignedUp, input: Record<string, unknown>): Promise<string> {
  return field(await kontor.gql<Record<string, { id: string }>>(CREATE_CONTACT, { input }, owner.token), 'createContact').id;
}

async function contactOf(owner: SignedUp, id: string): Promise<ContactView> {
  return field(await kontor.gql<Record<string, ContactView>>(CONTACT, { id }, owner.token), 'contact');
}

async function peopleWithEmail(owner: SignedUp, email: string): Promise<{ totalCount: number; edges: { node: { id: string; firstName: string; lastName: string | null } }[] }> {
  return field(await kontor.gql<Record<string, { totalCount: number; edges: { node: { id: string; firstName: string; lastName: string | null } }[] }>>(CONTACTS_BY_EMAIL, { email }, owner.token), 'contacts');
}

async function post(url: string, body: string, type: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': type, 'x-forwarded-for': newIp(), ...headers }, body, redirect: 'manual' });
}

async function subscribe(url: string, fields: Record<string, string>, ip = newIp()): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify(fields) });
  return { status: response.status, body: await response.json() };
}

/** Polls `probe` until it answers true, failing with `what` after `timeoutMs`. */
async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** No mailing job left unfinished: every queued email has reached the sink, so counts are final. */
async function mailQueueSettled(): Promise<void> {
  const queue = kontor.app.jobs.queue(PLATFORM_QUEUES.mailing);
  await waitUntil('the mailing queue is drained', async () => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    return Object.values(counts).every((n) => n === 0);
  });
}

/** Rows as the company itself sees them, under its row-level security. */
async function suppressions(owner: SignedUp): Promise<SuppressionRow[]> {
  return inTenant(kontor.app.orm, uuidOf(owner.tenantId, 'Tenant'), null, (em) =>
    em.execute<SuppressionRow[]>(`select channel, address, reason, source, campaign_id from mkt_suppressions order by address`),
  );
}

async function deliveryEvents(owner: SignedUp, campaignId: string): Promise<{ kind: string; detail: string | null }[]> {
  return inTenant(kontor.app.orm, uuidOf(owner.tenantId, 'Tenant'), null, (em) =>
    em.execute<{ kind: string; detail: string | null }[]>(`select kind, detail from mkt_delivery_events where campaign_id = ? and kind = 'UNSUBSCRIBED'`, [uuidOf(campaignId, 'Campaign')]),
  );
}

async function sendCampaign(owner: SignedUp, channel: 'EMAIL' | 'SMS', audience: { segmentIds: string[]; listIds: string[] }): Promise<string> {
  const template =
    channel === 'EMAIL'
      ? { name: 'News', channel, subject: 'News for {{ contact.firstName }}', html: '<p>Hello {{ contact.firstName }}</p>' }
      : { name: 'SMS news', channel, text: 'Hi {{ contact.firstName }}, news today' };
  const templateId = field(await kontor.gql<Record<string, { id: string }>>(CREATE_TEMPLATE, { input: template }, owner.token), 'createCampaignTemplate').id;
  const campaignId = field(await kontor.gql<Record<string, { id: string }>>(CREATE_CAMPAIGN, { input: { name: `${channel} news`, channel, templateId, audience } }, owner.token), 'createCampaign').id;
  ok(await kontor.gql(SEND_NOW, { input: { id: campaignId } }, owner.token));
  await waitUntil('the campaign is sent', async () => field(await kontor.gql<Record<string, { status: string }>>(CAMPAIGN, { id: campaignId }, owner.token), 'campaign').status === 'SENT', 60_000);
  return campaignId;
}

async function stats(owner: SignedUp, campaignId: string): Promise<{ recipients: number; sent: number; unsubscribed: number }> {
  return field(await kontor.gql<Record<string, { stats: { recipients: number; sent: number; unsubscribed: number } }>>(CAMPAIGN, { id: campaignId }, owner.token), 'campaign').stats;
}

function tokenAfter(link: string, prefix: string): string {
  const at = link.indexOf(prefix);
  if (at < 0) throw new Error(`${link} does not contain ${prefix}`);
  return link.slice(at + prefix.length);
}

function header(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, ' ');
  if (!line) throw new Error(`no ${name} header`);
  return line.slice(line.indexOf(':') + 1).trim();
}

// ---------------------------------------------------------------------------------------------

describe('subscription lists', () => {
  it('are created with a form address, renamed, kept unique by name, listed by name, and need the module', async () => {
    const owner = await company();
    const news = await createList(owner, { name: 'Newsletter', description: 'Monthly' });
    expect(news).toMatchObject({ name: 'Newsletter', description: 'Monthly', doubleOptIn: true, memberCount: 0, subscribedCount: 0, pendingCount: 0 });
    expect(news.formUrl).toBe(`${kontor.url}/subscribe/${uuidOf(owner.tenantId, 'Tenant')}.${news.formUrl.slice(-32)}`);
    expect(news.formUrl).toMatch(/\.[0-9a-f]{32}$/);
    await createList(owner, { name: 'Alpha offers', doubleOptIn: false });
    expect(field(await kontor.gql<Record<string, { name: string }[]>>(LISTS, {}, owner.token), 'subscriptionLists').map((l) => l.name)).toEqual(['Alpha offers', 'Newsletter']);

    const duplicate = await kontor.gql(CREATE_LIST, { input: { name: ' newsletter ' } }, owner.token);
    expect(errorCode(duplicate)).toBe('BAD_USER_INPUT');
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'name'], reason: 'ALREADY_EXISTS' });
    expect(errorCode(await kontor.gql(CREATE_LIST, { input: { name: '  ' } }, owner.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await kontor.gql(UPDATE_LIST, { input: { id: news.id, name: 'ALPHA OFFERS' } }, owner.token))).toBe('BAD_USER_INPUT');

    const changed = field(await kontor.gql<Record<string, ListView>>(UPDATE_LIST, { input: { id: news.id, name: 'News', description: '', doubleOptIn: false } }, owner.token), 'updateSubscriptionList');
    expect(changed).toMatchObject({ name: 'News', description: null, doubleOptIn: false, formUrl: news.formUrl });
    // A new form address: the old one answers as if it never existed.
    const moved = field(await kontor.gql<Record<string, ListView>>(UPDATE_LIST, { input: { id: news.id, newFormAddress: true } }, owner.token), 'updateSubscriptionList');
    expect(moved.formUrl).not.toBe(news.formUrl);
    expect((await subscribe(news.formUrl, { email: uniqueEmail('old-form') })).status).toBe(404);
    expect((await subscribe(moved.formUrl, { email: uniqueEmail('new-form') })).status).toBe(200);

    const crmOnly = await signUp(kontor);
    expect(errorCode(await kontor.gql(LISTS, {}, crmOnly.token))).toBe('MODULE_DISABLED');
  });

  it('take people added by members at once, page through them, and keep those who left themselves off', async () => {
    const owner = await company();
    const list = await createList(owner, { name: 'Customers' });
    const ids: string[] = [];
    for (const name of ['Ana', 'Bogdan', 'Carmen']) ids.push(await person(owner, { firstName: name, email: uniqueEmail(name.toLowerCase()) }));
    const added = field(await kontor.gql<Record<string, { added: number; alreadySubscribed: number; optedOut: number; list: { memberCount: number; subscribedCount: number } }>>(ADD, { input: { listId: list.id, contactIds: ids } }, owner.token), 'addListMembers');
    expect(added).toEqual({ added: 3, alreadySubscribed: 0, optedOut: 0, list: { memberCount: 3, subscribedCount: 3 } });
    const again = field(await kontor.gql<Record<string, { added: number; alreadySubscribed: number }>>(ADD, { input: { listId: list.id, contactIds: [ids[0], ids[0]] } }, owner.token), 'addListMembers');
    expect(again).toMatchObject({ added: 0, alreadySubscribed: 1 });

    const first = await members(owner, list.id, { first: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await members(owner, list.id, { first: 2, after: first.pageInfo.endCursor });
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const all = [...first.edges, ...rest.edges].map((e) => e.node);
    expect(new Set(all.map((m) => m.contact?.id))).toEqual(new Set(ids));
    for (const member of all) expect(member).toMatchObject({ status: 'SUBSCRIBED', source: 'staff', unsubscribedAt: null });

    // Someone who unsubscribed through their preferences stays off when a member adds them again.
    await inTenant(kontor.app.orm, uuidOf(owner.tenantId, 'Tenant'), null, (em) =>
      em.execute(`update mkt_list_members set status = 'UNSUBSCRIBED', unsubscribed_at = now() where list_id = ? and contact_id = ?`, [uuidOf(list.id, 'SubscriptionList'), uuidOf(ids[2] ?? '', 'Contact')]),
    );
    expect(field(await kontor.gql<Record<string, { added: number; optedOut: number }>>(ADD, { input: { listId: list.id, contactIds: [ids[2]] } }, owner.token), 'addListMembers')).toMatchObject({ added: 0, optedOut: 1 });
    const left = await members(owner, list.id, { filter: { status: 'UNSUBSCRIBED' } });
    expect(left.edges.map((e) => e.node.contact?.id)).toEqual([ids[2]]);

    const removed = field(await kontor.gql<Record<string, { removed: number; list: { memberCount: number } }>>(REMOVE, { input: { listId: list.id, contactIds: ids } }, owner.token), 'removeListMembers');
    // The one who left themselves stays on record as such.
    expect(removed).toEqual({ removed: 2, list: { memberCount: 1 } });
    expect(errorCode(await kontor.gql(ADD, { input: { listId: list.id, contactIds: Array.from({ length: 501 }, () => ids[0]) } }, owner.token))).toBe('BAD_USER_INPUT');
  });

  it('cannot be deleted while a campaign still to send names it (CONFLICT, IN_USE); can be once it is cancelled', async () => {
    const owner = await company();
    const list = await createList(owner, { name: 'In use' });
    const templateId = field(await kontor.gql<Record<string, { id: string }>>(CREATE_TEMPLATE, { input: { name: 'T', channel: 'EMAIL', subject: 'S', html: '<p>x</p>' } }, owner.token), 'createCampaignTemplate').id;
    const campaignId = field(await kontor.gql<Record<string, { id: string }>>(CREATE_CAMPAIGN, { input: { name: 'C', channel: 'EMAIL', templateId, audience: { segmentIds: [], listIds: [list.id] } } }, owner.token), 'createCampaign').id;
    const refused = await kontor.gql(DELETE_LIST, { input: { id: list.id } }, owner.token);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ reason: 'IN_USE', path: ['input', 'id'] });
    ok(await kontor.gql(CANCEL, { input: { id: campaignId } }, owner.token));
    expect(field(await kontor.gql<Record<string, string>>(DELETE_LIST, { input: { id: list.id } }, owner.token), 'deleteSubscriptionList')).toBe(list.id);
    expect(errorCode(await kontor.gql(LIST, { id: list.id }, owner.token))).toBe('NOT_FOUND');
  });
});

describe('the public form with double opt-in', () => {
  it('creates the person PENDING, mails a link, and the link confirms: SUBSCRIBED, consent GRANTED from "double opt-in"', async () => {
    const owner = await company('Confirm Ltd');
    const list = await createList(owner, { name: 'Weekly digest' });
    const email = uniqueEmail('Subscriber');
    const answer = await subscribe(list.formUrl, { email: email.toUpperCase(), firstName: 'Sam', lastName: 'Reader' });
    expect(answer).toEqual({ status: 200, body: { confirmationRequired: true } });

    const people = await peopleWithEmail(owner, email);
    expect(people.totalCount).toBe(1);
    expect(people.edges[0]?.node).toMatchObject({ firstName: 'Sam', lastName: 'Reader' });
    const contactId = people.edges[0]?.node.id ?? '';
    expect((await contactOf(owner, contactId)).emailConsent).toBe('UNKNOWN');
    expect(await listOf(owner, list.id)).toMatchObject({ memberCount: 1, subscribedCount: 0, pendingCount: 1 });
    expect((await members(owner, list.id)).edges[0]?.node).toMatchObject({ status: 'PENDING', source: 'form', confirmedAt: null });
    // Pending people are not in a campaign's audience.
    expect(field(await kontor.gql<Record<string, number>>(AUDIENCE_COUNT, { channel: 'EMAIL', audience: { segmentIds: [], listIds: [list.id] } }, owner.token), 'campaignAudienceCount')).toBe(0);

    const mail = await sink.waitFor(email);
    expect(mail.subject).toBe('Confirm your subscription to Weekly digest');
    expect(mail.text).toContain('Confirm Ltd');
    const link = linkIn(mail, `${kontor.url}/subscribe/confirm/`);
    expect(mail.html === false ? '' : mail.html).toContain(`href="${link}"`);
    const token = tokenAfter(link, '/subscribe/confirm/');

    // A forged token (another secret) and a mangled one are refused, and confirm nothing.
    const forged = `${token.slice(0, token.indexOf('_', 4) + 1)}${'A'.repeat(43)}`;
    // The same membership and secret under another company's id: that company has no such membership.
    const other = await company();
    const elsewhere = token.replace(uuidOf(owner.tenantId, 'Tenant').replaceAll('-', ''), uuidOf(other.tenantId, 'Tenant').replaceAll('-', ''));
    expect(elsewhere).not.toBe(token);
    for (const bad of [forged, elsewhere, 'kso_nonsense', `${token}x`]) {
      const refused = await kontor.gql(CONFIRM, { input: { token: bad } });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.extensions).toMatchObject({ reason: 'INVALID_LINK', path: ['input', 'token'] });
    }
    expect((await members(owner, list.id)).edges[0]?.node.status).toBe('PENDING');

    // No sign-in: the token alone.
    expect(field(await kontor.gql<Record<string, unknown>>(CONFIRM, { input: { token } }), 'confirmSubscription')).toEqual({ companyName: 'Confirm Ltd', listName: 'Weekly digest' });
    const member = (await members(owner, list.id)).edges[0]?.node;
    expect(member).toMatchObject({ status: 'SUBSCRIBED', source: 'form' });
    expect(member?.confirmedAt).not.toBeNull();
    const contact = await contactOf(owner, contactId);
    expect(contact.emailConsent).toBe('GRANTED');
    expect(contact.consentHistory).toEqual([{ channel: 'EMAIL', status: 'GRANTED', source: 'double opt-in', recordedBy: null }]);
    expect(await listOf(owner, list.id)).toMatchObject({ subscribedCount: 1, pendingCount: 0 });
    expect(field(await kontor.gql<Record<string, number>>(AUDIENCE_COUNT, { channel: 'EMAIL', audience: { segmentIds: [], listIds: [list.id] } }, owner.token), 'campaignAudienceCount')).toBe(1);

    // The link works once.
    expect(errorCode(await kontor.gql(CONFIRM, { input: { token } }))).toBe('BAD_USER_INPUT');
  });

  it('finds a known person by any of their addresses (never a duplicate), and answers exactly as for a new one', async () => {
    const owner = await company();
    const list = await createList(owner, { name: 'Known people' });
    const main = uniqueEmail('main');
    const second = uniqueEmail('second');
    const known = await person(owner, { firstName: 'Known', emails: [{ address: main, type: 'WORK' }, { address: second, type: 'HOME' }] });
    const fresh = uniqueEmail('fresh');
    const forKnown = await subscribe(list.formUrl, { email: second, firstName: 'Someone else' });
    const forFresh = await subscribe(list.formUrl, { email: fresh });
    expect(forKnown).toEqual(forFresh);
    expect((await peopleWithEmail(owner, second)).edges.map((e) => e.node.id)).toEqual([known]);
    // The known person's name is not overwritten by what a form says.
    expect((await contactOf(owner, known)).firstName).toBe('Known');
    // Without a name, the new person is known by their address until someone edits them.
    expect((await peopleWithEmail(owner, fresh)).edges[0]?.node.firstName).toBe(fresh.slice(0, fresh.indexOf('@')));
    // Twice more: still one person, and one membership.
    await subscribe(list.formUrl, { email: second.toUpperCase() });
    expect((await peopleWithEmail(owner, second)).totalCount).toBe(1);
    expect((await listOf(owner, list.id)).memberCount).toBe(2);
    // The confirmation went to the address given, not to the person's main one.
    await sink.waitFor(second);
    await mailQueueSettled();
    expect(sink.to(main)).toHaveLength(0);
  });

  it('a person the form creates is a new person like any other: "person created" automations take them in', async () => {
    const owner = await company();
    const list = await createList(owner, { name: 'Welcomed', doubleOptIn: false });
    const templateId = field(await kontor.gql<Record<string, { id: string }>>(CREATE_TEMPLATE, { input: { name: 'Welcome', channel: 'EMAIL', subject: 'Welcome', html: '<p>Hi</p>' } }, owner.token), 'createCampaignTemplate').id;
    const automationId = field(
      await kontor.gql<Record<string, { id: string }>>(`mutation($input: CreateAutomationInput!) { createAutomation(input: $input) { id } }`, { input: { name: 'Welcome', trigger: { kind: 'CONTACT_CREATED' }, steps: [{ kind: 'WAIT', days: 1 }, { kind: 'SEND_EMAIL', templateId }] } }, owner.token),
      'createAutomation',
    ).id;
    ok(await kontor.gql(`mutation($input: AutomationIdInput!) { activateAutomation(input: $input) { id } }`, { input: { id: automationId } }, owner.token));
    const email = uniqueEmail('welcomed');
    expect((await subscribe(list.formUrl, { email })).status).toBe(200);
    const contactId = (await peopleWithEmail(owner, email)).edges[0]?.node.id;
    const RUNS = `query($id: ID!) { automation(id: $id) { runs(first: 10) { edges { node { contact { id } } } } } }`;
    await waitUntil('the automation takes the new person in', async () => {
      const runs = field(await kontor.gql<Record<string, { runs: { edges: { node: { contact: { id: string } | null } }[] } }>>(RUNS, { id: automationId }, owner.token), 'automation').runs.edges;
      return runs.some((edge) => edge.node.contact?.id === contactId);
    });
    // A person already known is no new person: no second run.
    expect((await subscribe(list.formUrl, { email })).status).toBe(200);
    const runs = field(await kontor.gql<Record<string, { runs: { edges: unknown[] } }>>(RUNS, { id: automationId }, owner.token), 'automation').runs.edges;
    expect(runs).toHaveLength(1);
  });

  it('subscribes at once on a single opt-in list (no email), unless the person refused email before', async () => {
    const owner = await company();
    const list = await createList(owner, { name: 'Offers', doubleOptIn: false });
    const open = uniqueEmail('open');
    expect(await subscribe(list.formUrl, { email: open })).toEqual({ status: 200, body: { confirmationRequired: false } });
    const refused = uniqueEmail('refused');
    const refuser = await person(owner, { firstName: 'Refuser', email: refused, emailConsent: 'DENIED', consentSource: 'phone call' });
    // Same answer: the form says nothing about the person.
    expect(await subscribe(list.formUrl, { email: refused })).toEqual({ status: 200, body: { confirmationRequired: false } });
    const byContact = new Map((await members(owner, list.id)).edges.map((e) => [e.node.contact?.id, e.node]));
    expect(byContact.get(refuser)?.status).toBe('PENDING');
    expect([...byContact.values()].filter((m) => m.status === 'SUBSCRIBED')).toHaveLength(1);
    // Only the one who refused before is asked to confirm; confirming lifts the refusal.
    const mail = await sink.waitFor(refused);
    await mailQueueSettled();
    expect(sink.to(open)).toHaveLength(0);
    ok(await kontor.gql(CONFIRM, { input: { token: tokenAfter(linkIn(mail, `${kontor.url}/subscribe/confirm/`), '/subscribe/confirm/') } }));
    const contact = await contactOf(owner, refuser);
    expect(contact.emailConsent).toBe('GRANTED');
    expect(contact.consentHistory.map((e) => `${e.status} ${e.source}`)).toEqual(['GRANTED double opt-in', 'DENIED phone call']);
  });

  it('takes a browser form post (redirect to the app), refuses bad input and unknown forms, and is gone with the module', async () => {
    const owner = await company();
    const list = await createList(owner, { name: 'Browser form' });
    const email = uniqueEmail('browser');
    const response = await post(list.formUrl, new URLSearchParams({ email, firstName: 'Bea' }).toString(), 'application/x-www-form-urlencoded');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${kontor.url}/subscribe/done?result=pending`);
    expect((await peopleWithEmail(owner, email)).edges[0]?.node.firstName).toBe('Bea');
    const badForm = await post(list.formUrl, new URLSearchParams({ email: 'not-an-address' }).toString(), 'application/x-www-form-urlencoded');
    expect(badForm.headers.get('location')).toBe(`${kontor.url}/subscribe/done?result=INVALID_EMAIL`);

    const bad = await subscribe(list.formUrl, { email: 'not-an-address' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_EMAIL', path: ['email'] } }] });
    expect((await subscribe(list.formUrl, {})).body).toMatchObject({ errors: [{ extensions: { reason: 'REQUIRED' } }] });
    expect((await subscribe(list.formUrl, { email: uniqueEmail('long'), firstName: 'x'.repeat(201) })).body).toMatchObject({ errors: [{ extensions: { reason: 'TOO_LONG', path: ['firstName'] } }] });
    expect((await post(list.formUrl, 'email=x', 'text/plain')).status).toBe(415);
    // A website's script posting JSON: the browser asks first, and may then post from any origin.
    const preflight = await fetch(list.formUrl, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries(['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers'].map((h) => [h, preflight.headers.get(h)]))).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
    });
    const crossOrigin = await fetch(list.formUrl, { method: 'POST', headers: { origin: 'https://shop.example', 'content-type': 'application/json', 'x-forwarded-for': newIp() }, body: JSON.stringify({ email: uniqueEmail('cors') }) });
    expect(crossOrigin.headers.get('access-control-allow-origin')).toBe('*');
    // Unknown token, another company's id with this token, nonsense: all simply not found.
    const other = await company();
    const tenantA = uuidOf(owner.tenantId, 'Tenant');
    const token = list.formUrl.slice(-32);
    for (const url of [list.formUrl.replace(/.{32}$/, '0'.repeat(32)), list.formUrl.replace(tenantA, uuidOf(other.tenantId, 'Tenant')), `${kontor.url}/subscribe/${token}`]) {
      const missing = await subscribe(url, { email: uniqueEmail('missing') });
      expect(missing.status, url).toBe(404);
      expect(missing.body).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    }

    ok(await kontor.gql(SET_MODULE, { input: { module: 'MARKETING', enabled: false } }, owner.token));
    expect((await subscribe(list.formUrl, { email: uniqueEmail('off') })).status).toBe(404);
    ok(await kontor.gql(SET_MODULE, { input: { module: 'MARKETING', enabled: true } }, owner.token));
    expect((await subscribe(list.formUrl, { email: uniqueEmail('on') })).status).toBe(200);
  });

  it('is rate-limited per client address (30 an hour) and per subscriber address (5 an hour)', async () => {
    const owner = await company();
    const list = await createList(owner, { name: 'Limited', doubleOptIn: false });
    const ip = newIp();
    // Refused input costs a point too: a flood of junk is limited as much as a flood of sign-ups.
    for (let i = 0; i < 30; i++) expect((await subscribe(list.formUrl, { email: 'junk' }, ip)).status).toBe(400);
    const limited = await subscribe(list.formUrl, { email: uniqueEmail('limited') }, ip);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });

    const target = uniqueEmail('target');
    for (let i = 0; i < 5; i++) expect((await subscribe(list.formUrl, { email: target })).status).toBe(200);
    expect((await subscribe(list.formUrl, { email: target })).status).toBe(429);
  });
});

describe('unsubscribing from a campaign email', () => {
  interface Received {
    owner: SignedUp;
    campaignId: string;
    listIds: string[];
    people: { id: string; email: string; mail: ParsedMail }[];
  }

  /** Three people with email consent on two lists, and a campaign to the first list sent to the sink. */
  async function received(tag: string): Promise<Received> {
    const owner = await company(`Sender ${tag}`);
    const news = await createList(owner, { name: 'News' });
    const events = await createList(owner, { name: 'Events' });
    const people = [];
    for (const name of ['Ana', 'Ben', 'Cleo']) {
      const email = uniqueEmail(`${tag}-${name.toLowerCase()}`);
      people.push({ id: await person(owner, { firstName: name, email, emailConsent: 'GRANTED', consentSource: 'web form' }), email });
    }
    ok(await kontor.gql(ADD, { input: { listId: news.id, contactIds: people.map((p) => p.id) } }, owner.token));
    ok(await kontor.gql(ADD, { input: { listId: events.id, contactIds: people.map((p) => p.id) } }, owner.token));
    const campaignId = await sendCampaign(owner, 'EMAIL', { segmentIds: [], listIds: [news.id] });
    const withMail = [];
    for (const p of people) withMail.push({ ...p, mail: await sink.waitFor(p.email) });
    return { owner, campaignId, listIds: [news.id, events.id], people: withMail };
  }

  let world: Received;
  beforeAll(async () => {
    world = await received('unsub');
  }, 120_000);

  it('the page shows the company, a masked address and the lists, and opening the links changes nothing', async () => {
    const ana = world.people[0];
    if (!ana) throw new Error('no Ana');
    const pageLink = linkIn(ana.mail, `${kontor.url}/unsubscribe/`);
    const token = tokenAfter(pageLink, '/unsubscribe/');
    // A mail scanner fetching every link (the page, the one-click address, the preferences) unsubscribes nobody.
    await fetch(pageLink);
    await fetch(`${kontor.url}/hooks/unsubscribe/${token}`);
    await fetch(linkIn(ana.mail, `${kontor.url}/preferences/`));
    const page = field(await kontor.gql<Record<string, PageView>>(PAGE, { token }), 'unsubscribePage');
    expect(page).toEqual({
      companyName: 'Sender unsub',
      channel: 'EMAIL',
      address: `${ana.email[0]}***${ana.email.slice(ana.email.indexOf('@'))}`,
      unsubscribed: false,
      emailConsent: 'GRANTED',
      smsConsent: null,
      lists: [
        { id: world.listIds[1], name: 'Events', status: 'SUBSCRIBED' },
        { id: world.listIds[0], name: 'News', status: 'SUBSCRIBED' },
      ],
    });
    expect(JSON.stringify(page)).not.toContain(ana.email);
    // The preference link opens the same page.
    const preferences = tokenAfter(linkIn(ana.mail, `${kontor.url}/preferences/`), '/preferences/');
    expect(field(await kontor.gql<Record<string, PageView>>(PAGE, { token: preferences }), 'unsubscribePage')).toEqual(page);
    expect((await contactOf(world.owner, ana.id)).consentHistory).toHaveLength(1);
    expect((await stats(world.owner, world.campaignId)).unsubscribed).toBe(0);
  });

  it("the page's confirming click unsubscribes: consent DENIED with its source, the address suppressed, the delivery counted; idempotent", async () => {
    const ana = world.people[0];
    if (!ana) throw new Error('no Ana');
    const token = tokenAfter(linkIn(ana.mail, `${kontor.url}/unsubscribe/`), '/unsubscribe/');
    expect(field(await kontor.gql<Record<string, unknown>>(UNSUBSCRIBE, { input: { token } }), 'unsubscribe')).toEqual({ unsubscribed: true, emailConsent: 'DENIED' });
    const check = async (): Promise<void> => {
      const contact = await contactOf(world.owner, ana.id);
      expect(contact.emailConsent).toBe('DENIED');
      expect(contact.consentHistory.map((e) => `${e.channel} ${e.status} ${e.source}`)).toEqual(['EMAIL DENIED unsubscribe link', 'EMAIL GRANTED web form']);
      expect((await suppressions(world.owner)).filter((s) => s.address === ana.email)).toEqual([
        { channel: 'EMAIL', address: ana.email, reason: 'UNSUBSCRIBED', source: 'unsubscribe link', campaign_id: uuidOf(world.campaignId, 'Campaign') },
      ]);
      expect((await stats(world.owner, world.campaignId)).unsubscribed).toBe(1);
      expect(await deliveryEvents(world.owner, world.campaignId)).toEqual([{ kind: 'UNSUBSCRIBED', detail: 'unsubscribe link' }]);
    };
    await check();
    // Again, and through the one-click address too: nothing more is recorded.
    ok(await kontor.gql(UNSUBSCRIBE, { input: { token } }));
    expect((await post(`${kontor.url}/hooks/unsubscribe/${token}`, 'List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded')).status).toBe(200);
    await check();
    // The next campaign to the list leaves her out.
    expect(field(await kontor.gql<Record<string, number>>(AUDIENCE_COUNT, { channel: 'EMAIL', audience: { segmentIds: [], listIds: [world.listIds[0]] } }, world.owner.token), 'campaignAudienceCount')).toBe(2);
  });

  it("the List-Unsubscribe header's one-click POST unsubscribes directly (RFC 8058), and needs its body", async () => {
    const ben = world.people[1];
    if (!ben) throw new Error('no Ben');
    const oneClick = /^<(.+)>$/.exec(header(ben.mail, 'list-unsubscribe'))?.[1] ?? '';
    expect(oneClick).toMatch(new RegExp(`^${kontor.url}/hooks/unsubscribe/[A-Za-z0-9_-]{64}$`));
    expect(header(ben.mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const withoutBody = await post(oneClick, '', 'application/x-www-form-urlencoded');
    expect(withoutBody.status).toBe(400);
    expect((await contactOf(world.owner, ben.id)).emailConsent).toBe('GRANTED');
    // As some mail clients send it: one multipart/form-data field.
    const multipart = `--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--\r\n`;
    const done = await post(oneClick, multipart, 'multipart/form-data; boundary=b');
    expect(done.status).toBe(200);
    const contact = await contactOf(world.owner, ben.id);
    expect(contact.emailConsent).toBe('DENIED');
    expect(contact.consentHistory[0]).toEqual({ channel: 'EMAIL', status: 'DENIED', source: 'one-click', recordedBy: null });
    expect((await suppressions(world.owner)).find((s) => s.address === ben.email)).toMatchObject({ reason: 'UNSUBSCRIBED', source: 'one-click' });
    expect((await stats(world.owner, world.campaignId)).unsubscribed).toBe(2);
  });

  it('the preference centre leaves and rejoins lists, and gives consent back', async () => {
    const cleo = world.people[2];
    if (!cleo) throw new Error('no Cleo');
    const [news, events] = world.listIds;
    const token = tokenAfter(linkIn(cleo.mail, `${kontor.url}/preferences/`), '/preferences/');
    const left = field(await kontor.gql<Record<string, PageView>>(PREFERENCES, { input: { token, listIds: [events] } }), 'updatePreferences');
    expect(left.lists.map((l) => `${l.name} ${l.status}`)).toEqual(['Events SUBSCRIBED', 'News UNSUBSCRIBED']);
    expect(left).toMatchObject({ unsubscribed: false, emailConsent: 'GRANTED' });
    expect(field(await kontor.gql<Record<string, number>>(AUDIENCE_COUNT, { channel: 'EMAIL', audience: { segmentIds: [], listIds: [news] } }, world.owner.token), 'campaignAudienceCount')).toBe(0);
    // Consent off: unsubscribed from everything; on again: welcome back, the suppression lifted.
    const off = field(await kontor.gql<Record<string, PageView>>(PREFERENCES, { input: { token, listIds: [events], emailConsent: false } }), 'updatePreferences');
    expect(off).toMatchObject({ unsubscribed: true, emailConsent: 'DENIED' });
    expect((await suppressions(world.owner)).find((s) => s.address === cleo.email)).toMatchObject({ source: 'preference centre' });
    const on = field(await kontor.gql<Record<string, PageView>>(PREFERENCES, { input: { token, listIds: [news, events], emailConsent: true } }), 'updatePreferences');
    expect(on).toMatchObject({ unsubscribed: false, emailConsent: 'GRANTED' });
    expect(on.lists.map((l) => l.status)).toEqual(['SUBSCRIBED', 'SUBSCRIBED']);
    expect((await suppressions(world.owner)).find((s) => s.address === cleo.email)).toBeUndefined();
    expect((await contactOf(world.owner, cleo.id)).consentHistory.map((e) => `${e.status} ${e.source}`)).toEqual(['GRANTED preference centre', 'DENIED preference centre', 'GRANTED web form']);
    // A list the person is not on cannot be joined from here.
    const stranger = await createList(world.owner, { name: 'Not hers' });
    const refused = await kontor.gql(PREFERENCES, { input: { token, listIds: [stranger.id] } });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'listIds', '0'] });
  });

  it('a forged, altered or foreign link is simply not found, and reveals nothing', async () => {
    const ana = world.people[0];
    if (!ana) throw new Error('no Ana');
    const token = tokenAfter(linkIn(ana.mail, `${kontor.url}/unsubscribe/`), '/unsubscribe/');
    const raw = Buffer.from(token, 'base64url');
    const other = await company();
    // The same MAC over another company's id: the MAC no longer fits.
    const swapped = Buffer.concat([Buffer.from(uuidOf(other.tenantId, 'Tenant').replaceAll('-', ''), 'hex'), raw.subarray(16)]).toString('base64url');
    const flipped = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    // Even a link we signed ourselves for the other company naming this delivery finds nothing: RLS keeps the delivery in its company.
    const key = await linkKey(kontor.app.orm.em.fork());
    const deliveryId = raw.subarray(16, 32).toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    const foreign = signLink(key, 'u', { tenantId: uuidOf(other.tenantId, 'Tenant'), deliveryId });
    // An open-pixel token of the same delivery is not an unsubscribe link.
    const pixel = signLink(key, 'o', { tenantId: uuidOf(world.owner.tenantId, 'Tenant'), deliveryId });
    for (const bad of [swapped, flipped, foreign, pixel, 'nonsense', '']) {
      for (const [query, variables] of [
        [PAGE, { token: bad }],
        [UNSUBSCRIBE, { input: { token: bad } }],
        [PREFERENCES, { input: { token: bad, listIds: [] } }],
      ] as const) {
        const result = await kontor.gql(query, variables);
        expect(errorCode(result), bad).toBe('NOT_FOUND');
        expect(JSON.stringify(result)).not.toContain(ana.email);
        expect(JSON.stringify(result)).not.toContain('Sender');
      }
      expect((await post(`${kontor.url}/hooks/unsubscribe/${bad}`, 'List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded')).status).toBe(404);
    }
    // Ana, Ben, and Cleo's consent switched off in the preference centre: nobody else.
    expect((await stats(world.owner, world.campaignId)).unsubscribed).toBe(3);
  });
});

describe('SMS STOP and START through Twilio’s inbound webhook', () => {
  const PHONE = '+40721000601';
  let owner: SignedUp;
  let hookUrl: string;
  let campaignId: string;
  let contactId: string;
  let listId: string;

  /** Posts an incoming SMS as Twilio does: form-encoded, signed with the auth token over the URL and fields. */
  async function incoming(body: string, options: { url?: string; from?: string; signature?: string } = {}): Promise<Response> {
    const url = options.url ?? hookUrl;
    const fields = { MessageSid: `SM${'1'.repeat(32)}`, AccountSid: ACCOUNT_SID, From: options.from ?? PHONE, To: TWILIO_FROM, Body: body, NumMedia: '0' };
    const signature = options.signature ?? twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, fields);
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(fields).toString() });
  }

  beforeAll(async () => {
    owner = await company();
    hookUrl = field(await kontor.gql<Record<string, string>>(`{ smsInboundWebhookUrl }`, {}, owner.token), 'smsInboundWebhookUrl');
    contactId = await person(owner, { firstName: 'Texter', phone: PHONE, smsConsent: 'GRANTED', consentSource: 'shop counter' });
    listId = (await createList(owner, { name: 'SMS club' })).id;
    ok(await kontor.gql(ADD, { input: { listId, contactIds: [contactId] } }, owner.token));
    campaignId = await sendCampaign(owner, 'SMS', { segmentIds: [], listIds: [listId] });
    expect(twilioServer.messages().filter((r) => r.form.get('To') === PHONE)).toHaveLength(1);
  }, 120_000);

  it('gives the webhook address to owners only, under the company’s inbound token', async () => {
    expect(hookUrl).toMatch(new RegExp(`^${kontor.url}/hooks/twilio/inbound/${uuidOf(owner.tenantId, 'Tenant').replaceAll('-', '')}[0-9a-f]{32}$`));
    const key = field(
      await kontor.gql<Record<string, { secret: string }>>(`mutation { createApiKey(input: { name: "k", modules: [MARKETING], access: READ }) { secret } }`, {}, owner.token),
      'createApiKey',
    ).secret;
    expect(errorCode(await kontor.gql(`{ smsInboundWebhookUrl }`, {}, key))).toBe('FORBIDDEN');
  });

  it('refuses a bad signature (403) and an unknown token (404) before changing anything', async () => {
    const forged = await incoming('STOP', { signature: twilio.getExpectedTwilioSignature('another-token', hookUrl, { Body: 'STOP' }) });
    expect(forged.status).toBe(403);
    expect((await incoming('STOP', { signature: '' })).status).toBe(403);
    // Signed for another address than the one it was posted to.
    const elsewhere = `${kontor.url}/hooks/twilio/inbound/${'0'.repeat(64)}`;
    const moved = await fetch(hookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, elsewhere, { From: PHONE, Body: 'STOP' }) },
      body: new URLSearchParams({ From: PHONE, Body: 'STOP' }).toString(),
    });
    expect(moved.status).toBe(403);
    // Correctly signed, but no company has this token.
    expect((await incoming('STOP', { url: elsewhere })).status).toBe(404);
    expect((await contactOf(owner, contactId)).smsConsent).toBe('GRANTED');
    expect(await suppressions(owner)).toEqual([]);
  });

  it('STOP: SMS consent DENIED from "SMS STOP", the number suppressed (STOPPED, the campaign), empty TwiML; idempotent', async () => {
    const chatter = await incoming('Thanks, see you');
    expect(chatter.status).toBe(200);
    expect(await chatter.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect((await contactOf(owner, contactId)).smsConsent).toBe('GRANTED');

    const stop = await incoming(' stop ');
    expect(stop.status).toBe(200);
    expect(stop.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await stop.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    const check = async (): Promise<void> => {
      const contact = await contactOf(owner, contactId);
      expect(contact.smsConsent).toBe('DENIED');
      expect(contact.consentHistory.map((e) => `${e.channel} ${e.status} ${e.source}`)).toEqual(['SMS DENIED SMS STOP', 'SMS GRANTED shop counter']);
      expect(await suppressions(owner)).toEqual([{ channel: 'SMS', address: PHONE, reason: 'STOPPED', source: 'SMS STOP', campaign_id: uuidOf(campaignId, 'Campaign') }]);
      expect((await stats(owner, campaignId)).unsubscribed).toBe(1);
    };
    await check();
    expect((await incoming('UNSUBSCRIBE')).status).toBe(200);
    await check();
  });

  it('START: consent GRANTED from "SMS START" and the number reachable again', async () => {
    const reachable = async (): Promise<number> =>
      field(await kontor.gql<Record<string, number>>(AUDIENCE_COUNT, { channel: 'SMS', audience: { segmentIds: [], listIds: [listId] } }, owner.token), 'campaignAudienceCount');
    expect(await reachable()).toBe(0);
    expect((await incoming('Start')).status).toBe(200);
    const contact = await contactOf(owner, contactId);
    expect(contact.smsConsent).toBe('GRANTED');
    expect(contact.consentHistory[0]).toEqual({ channel: 'SMS', status: 'GRANTED', source: 'SMS START', recordedBy: null });
    expect(await suppressions(owner)).toEqual([]);
    expect(await reachable()).toBe(1);
  });

  it("another company's STOP leaves this one's people alone", async () => {
    const other = await company();
    const otherHook = field(await kontor.gql<Record<string, string>>(`{ smsInboundWebhookUrl }`, {}, other.token), 'smsInboundWebhookUrl');
    const twin = await person(other, { firstName: 'Twin', phone: PHONE, smsConsent: 'GRANTED', consentSource: 'form' });
    expect((await incoming('STOP', { url: otherHook })).status).toBe(200);
    expect((await contactOf(other, twin)).smsConsent).toBe('DENIED');
    expect((await contactOf(owner, contactId)).smsConsent).toBe('GRANTED');
    expect(await suppressions(owner)).toEqual([]);
  });
});
