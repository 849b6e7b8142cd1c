import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_EMAIL_JOB, SMS_JOB, SMS_QUEUE } from '../../api/src/crm/message.service.js';
import { SmsSendError } from '../../api/src/platform/sms/sms-driver.js';
import { TwilioSmsDriver } from '../../api/src/platform/sms/twilio.driver.js';
import { inTenant } from '../../api/src/platform/context/tenant-scope.js';
import { PLATFORM_QUEUES } from '../../workers/queues.js';
import { uuidOf } from '../isolation/isolation-cases.js';
import { errorCode, ok, signUp, startKontor, uniqueEmail, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';
import { join } from '../support/members.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { TwilioServer } from '../support/twilio-server.js';

// ---------------------------------------------------------------------------------------------
// Shapes and documents

interface MessageView {
  id: string;
  channel: 'EMAIL' | 'SMS';
  direction: 'INBOUND' | 'OUTBOUND';
  status: string;
  contactId: string | null;
  customerId: string | null;
  from: string | null;
  to: string;
  subject: string | null;
  body: string;
  segments: number | null;
  providerMessageId: string | null;
  inReplyTo: string | null;
  threadKey: string | null;
  error: string | null;
  sentAt: string | null;
  interactionId: string | null;
  sentBy: { id: string; email: string } | null;
  createdAt: string;
}
interface InteractionView {
  id: string;
  kind: string;
  direction: string | null;
  subject: string | null;
  body: string | null;
  contactId: string | null;
  customerId: string | null;
  occurredAt: string;
  message: { id: string; status: string } | null;
}
interface Problem {
  path: string[];
  reason: string;
  params?: Record<string, unknown>;
}

const MESSAGE_FIELDS = 'id channel direction status contactId customerId from to subject body segments providerMessageId inReplyTo threadKey error sentAt interactionId sentBy { id email } createdAt';
const SEND_EMAIL = `mutation($input: SendEmailToContactInput!) { sendEmailToContact(input: $input) { ${MESSAGE_FIELDS} } }`;
const SEND_SMS = `mutation($input: SendSmsToContactInput!) { sendSmsToContact(input: $input) { ${MESSAGE_FIELDS} } }`;
const ATTACH = `mutation($input: AttachMessageToContactInput!) { attachMessageToContact(input: $input) { ${MESSAGE_FIELDS} } }`;
const MESSAGE = `query($id: ID!) { message(id: $id) { ${MESSAGE_FIELDS} } }`;
const MESSAGES = `query($contactId: ID, $customerId: ID, $unmatched: Boolean, $channel: MessageChannel, $first: Int, $after: String) {
  messages(contactId: $contactId, customerId: $customerId, unmatched: $unmatched, channel: $channel, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${MESSAGE_FIELDS} } }
  }
}`;
const INTERACTION = `query($id: ID!) { interaction(id: $id) { id kind direction subject body contactId customerId occurredAt message { id status } } }`;
const TIMELINE = `query($id: ID!) { timeline(subject: { type: CONTACT, id: $id }, first: 50) { edges { node { interaction { id kind direction message { id status channel } } } } } }`;
const INBOUND_URL = `{ inboundEmailUrl }`;
const ROTATE = `mutation { rotateInboundEmailToken }`;

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'test-auth-token';
const TWILIO_FROM = '+15005550006';

// ---------------------------------------------------------------------------------------------
// Fixtures

let kontor: Kontor;
let sink: SmtpSink;
let twilio: TwilioServer;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  sink = new SmtpSink();
  const smtpUrl = await sink.start();
  twilio = new TwilioServer();
  const apiUrl = await twilio.start();
  kontor = await startKontor({ smtpUrl, config: { twilio: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: TWILIO_FROM, apiUrl } } });
  a = await signUp(kontor, { companyName: 'Messaging A' });
  b = await signUp(kontor, { companyName: 'Messaging B' });
});
afterAll(async () => {
  await kontor?.close();
  await twilio?.stop();
  await sink?.stop();
});

const gql = <T>(query: string, variables: Record<string, unknown>, token: string): Promise<GqlResult<T>> => kontor.gql<T>(query, variables, token);

interface Person {
  id: string;
  customerId: string;
  emails: string[];
  phones: string[];
}

let phoneCounter = 0;
/** A Romanian mobile number no other test uses (the Twilio server is shared). */
function uniquePhone(): string {
  phoneCounter += 1;
  return `+4072${String(process.pid % 1000).padStart(3, '0')}${String(phoneCounter).padStart(4, '0')}`;
}

async function person(owner: SignedUp, options: { emails?: number; phones?: number; emailConsent?: string; smsConsent?: string } = {}): Promise<Person> {
  const customerId = ok(await gql<{ createCustomer: { id: string } }>(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: { name: `Customer ${uniqueEmail('c')}` } }, owner.token)).createCustomer.id;
  const emails = Array.from({ length: options.emails ?? 2 }, (_, i) => uniqueEmail(i === 0 ? 'main' : 'other'));
  const phones = Array.from({ length: options.phones ?? 2 }, () => uniquePhone());
  const consent = options.emailConsent || options.smsConsent ? { consentSource: 'phone call', ...(options.emailConsent ? { emailConsent: options.emailConsent } : {}), ...(options.smsConsent ? { smsConsent: options.smsConsent } : {}) } : {};
  const input = {
    firstName: 'Ana',
    lastName: 'Pop',
    customerId,
    emails: emails.map((address, i) => ({ address, type: i === 0 ? 'WORK' : 'HOME' })),
    phones: phones.map((number, i) => ({ number, type: i === 0 ? 'MOBILE' : 'WORK' })),
    ...consent,
  };
  const id = ok(await gql<{ createContact: { id: string } }>(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input }, owner.token)).createContact.id;
  return { id, customerId, emails, phones };
}

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** No unfinished job on the mailing and SMS queues: counts of what reached the peers are then final. */
async function queuesSettled(): Promise<void> {
  for (const name of [PLATFORM_QUEUES.mailing, SMS_QUEUE]) {
    const queue = kontor.app.jobs.queue(name);
    await waitUntil(`the ${name} queue is drained`, async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      return Object.values(counts).every((n) => n === 0);
    });
  }
}

async function message(id: string, token = a.token): Promise<MessageView> {
  return ok(await gql<{ message: MessageView }>(MESSAGE, { id }, token)).message;
}

async function settledMessage(id: string, token = a.token): Promise<MessageView> {
  let current = await message(id, token);
  await waitUntil(`message ${id} is sent or failed`, async () => {
    current = await message(id, token);
    return current.status !== 'QUEUED' && current.status !== 'SENDING';
  });
  return current;
}

async function sendEmail(input: Record<string, unknown>, token = a.token): Promise<MessageView> {
  return ok(await gql<{ sendEmailToContact: MessageView }>(SEND_EMAIL, { input }, token)).sendEmailToContact;
}

async function sendSms(input: Record<string, unknown>, token = a.token): Promise<MessageView> {
  return ok(await gql<{ sendSmsToContact: MessageView }>(SEND_SMS, { input }, token)).sendSmsToContact;
}

async function listMessages(variables: Record<string, unknown>, token = a.token): Promise<{ totalCount: number; ids: string[]; nodes: MessageView[] }> {
  const page = ok(await gql<{ messages: { totalCount: number; edges: { node: MessageView }[] } }>(MESSAGES, { first: 100, ...variables }, token)).messages;
  return { totalCount: page.totalCount, ids: page.edges.map((e) => e.node.id), nodes: page.edges.map((e) => e.node) };
}

function problemsOf(result: GqlResult<unknown>): Problem[] {
  expect(errorCode(result)).toBe('BAD_USER_INPUT');
  return (result.errors?.[0]?.extensions?.problems ?? []) as Problem[];
}

/** Only the path and reason of each problem, for exact comparisons. */
function reasons(result: GqlResult<unknown>): { path: string[]; reason: string }[] {
  return problemsOf(result).map(({ path, reason }) => ({ path, reason }));
}

async function inboundUrl(owner: SignedUp): Promise<string> {
  return ok(await gql<{ inboundEmailUrl: string }>(INBOUND_URL, {}, owner.token)).inboundEmailUrl;
}

async function mime(options: Mail.Options): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

async function post(url: string, body: Buffer | string, type = 'message/rfc822'): Promise<{ status: number; body: { status?: string; messageId?: string | null; error?: string } }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
  return { status: response.status, body: (await response.json()) as { status?: string; messageId?: string | null } };
}

// ---------------------------------------------------------------------------------------------

describe('sending email to a person', () => {
  it('emails their main address: one email carrying our Message-ID, the interaction written with it, SENT once the worker sent it', async () => {
    const p = await person(a);
    const sent = await sendEmail({ contactId: p.id, subject: 'Your offer', body: 'Hello Ana,\n\nthe offer is attached <soon> & ready.\nBest' });
    expect(sent).toMatchObject({ channel: 'EMAIL', direction: 'OUTBOUND', status: 'QUEUED', contactId: p.id, customerId: p.customerId, to: p.emails[0], from: 'no-reply@kontor.localhost', subject: 'Your offer', segments: null, inReplyTo: null, error: null, sentAt: null });
    expect(sent.providerMessageId).toMatch(/^<[0-9a-f-]{36}@kontor\.localhost>$/);
    expect(sent.threadKey).toBe(sent.providerMessageId);
    expect(sent.sentBy?.id).toBe(a.userId);
    expect(sent.interactionId).not.toBeNull();

    const mail = await sink.waitFor(p.emails[0] ?? '');
    await queuesSettled();
    expect(sink.to(p.emails[0] ?? '')).toHaveLength(1);
    expect(sink.to(p.emails[1] ?? '')).toHaveLength(0);
    expect(mail.messageId).toBe(sent.providerMessageId);
    expect(mail.subject).toBe('Your offer');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((v) => v.address) : []).toEqual([p.emails[0]]);
    expect(mail.from?.value[0]?.address).toBe('no-reply@kontor.localhost');
    expect(mail.replyTo?.value[0]?.address).toBe(a.email);
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.text?.trim()).toBe('Hello Ana,\n\nthe offer is attached <soon> & ready.\nBest');
    expect(mail.html === false ? '' : mail.html).toContain('<p>Hello Ana,</p>');
    expect(mail.html === false ? '' : mail.html).toContain('the offer is attached &#60;soon&#62; &#38; ready.<br>Best');

    const done = await settledMessage(sent.id);
    expect(done).toMatchObject({ status: 'SENT', error: null, providerMessageId: sent.providerMessageId });
    expect(done.sentAt).not.toBeNull();
    const interaction = ok(await gql<{ interaction: InteractionView }>(INTERACTION, { id: sent.interactionId }, a.token)).interaction;
    expect(interaction).toMatchObject({ kind: 'EMAIL', direction: 'OUTBOUND', subject: 'Your offer', body: sent.body, contactId: p.id, customerId: p.customerId, message: { id: sent.id, status: 'SENT' } });
    const timeline = ok(await gql<{ timeline: { edges: { node: { interaction: { id: string; message: { id: string; status: string; channel: string } | null } | null } }[] } }>(TIMELINE, { id: p.id }, a.token)).timeline;
    expect(timeline.edges.map((e) => e.node.interaction)).toEqual([{ id: sent.interactionId, kind: 'EMAIL', direction: 'OUTBOUND', message: { id: sent.id, status: 'SENT', channel: 'EMAIL' } }]);
    // Logged interactions have no message.
    const logged = ok(await gql<{ logInteraction: { id: string; message: null } }>(`mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id message { id } } }`, { input: { kind: 'NOTE', body: 'Called too', contactId: p.id } }, a.token)).logInteraction;
    expect(logged.message).toBeNull();
  });

  it("sends to another of the person's addresses when asked (in any case)", async () => {
    const p = await person(a);
    const sent = await sendEmail({ contactId: p.id, to: (p.emails[1] ?? '').toUpperCase(), subject: 'Other address', body: 'Hi' });
    expect(sent.to).toBe(p.emails[1]);
    await sink.waitFor(p.emails[1] ?? '');
    await queuesSettled();
    expect(sink.to(p.emails[1] ?? '')).toHaveLength(1);
    expect(sink.to(p.emails[0] ?? '')).toHaveLength(0);
  });

  it('a reply joins the conversation: In-Reply-To and References name the email answered, and the thread key is shared', async () => {
    const p = await person(a);
    const first = await sendEmail({ contactId: p.id, subject: 'Question', body: 'First' });
    const reply = await sendEmail({ contactId: p.id, subject: 'Re: Question', body: 'Second', inReplyToMessageId: first.id });
    expect(reply).toMatchObject({ inReplyTo: first.providerMessageId, threadKey: first.threadKey });
    expect(reply.providerMessageId).not.toBe(first.providerMessageId);
    const mail = await sink.waitFor(p.emails[0] ?? '', (m) => m.subject === 'Re: Question');
    expect(mail.messageId).toBe(reply.providerMessageId);
    expect(mail.inReplyTo).toBe(first.providerMessageId);
    expect(mail.references).toBe(first.providerMessageId);
  });

  it('refuses what it cannot send, every refused field with its path and reason, and writes nothing', async () => {
    const p = await person(a);
    const before = await listMessages({ contactId: p.id });
    const all = await gql(SEND_EMAIL, { input: { contactId: p.id, to: 'someone.else@example.test', subject: 'Two\nlines', body: 'x'.repeat(20_001) } }, a.token);
    expect(reasons(all)).toEqual([
      { path: ['input', 'to'], reason: 'NOT_CONTACT_ADDRESS' },
      { path: ['input', 'subject'], reason: 'INVALID' },
      { path: ['input', 'body'], reason: 'TOO_LONG' },
    ]);
    expect(problemsOf(all)[2]?.params).toEqual({ max: 20_000 });
    expect(all.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'to'], reason: 'NOT_CONTACT_ADDRESS' });
    expect(reasons(await gql(SEND_EMAIL, { input: { contactId: p.id, subject: '  ', body: '' } }, a.token))).toEqual([
      { path: ['input', 'subject'], reason: 'REQUIRED' },
      { path: ['input', 'body'], reason: 'REQUIRED' },
    ]);
    expect(reasons(await gql(SEND_EMAIL, { input: { contactId: p.id, subject: 's'.repeat(301), body: 'ok' } }, a.token))).toEqual([{ path: ['input', 'subject'], reason: 'TOO_LONG' }]);
    // A person without an address of the channel.
    const silent = await person(a, { emails: 0, phones: 0 });
    expect(reasons(await gql(SEND_EMAIL, { input: { contactId: silent.id, subject: 'Hi', body: 'Hi' } }, a.token))).toEqual([{ path: ['input', 'contactId'], reason: 'NO_ADDRESS' }]);
    expect(reasons(await gql(SEND_SMS, { input: { contactId: silent.id, body: 'Hi' } }, a.token))).toEqual([{ path: ['input', 'contactId'], reason: 'NO_ADDRESS' }]);
    // Ids: malformed is bad input, well-formed but unknown is not found.
    const malformed = await gql(SEND_EMAIL, { input: { contactId: 'nope', subject: 'Hi', body: 'Hi' } }, a.token);
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0]?.extensions?.path).toEqual(['input', 'contactId']);
    const unknown = Buffer.from('Contact:00000000-0000-4000-8000-000000000000').toString('base64url');
    expect(errorCode(await gql(SEND_EMAIL, { input: { contactId: unknown, subject: 'Hi', body: 'Hi' } }, a.token))).toBe('NOT_FOUND');
    // The email answered must be an email, and this person's.
    const sms = await sendSms({ contactId: p.id, body: 'Text' });
    expect(reasons(await gql(SEND_EMAIL, { input: { contactId: p.id, subject: 'Re', body: 'Hi', inReplyToMessageId: sms.id } }, a.token))).toEqual([{ path: ['input', 'inReplyToMessageId'], reason: 'INVALID' }]);
    const other = await person(a);
    const theirs = await sendEmail({ contactId: other.id, subject: 'Theirs', body: 'Hi' });
    expect(reasons(await gql(SEND_EMAIL, { input: { contactId: p.id, subject: 'Re', body: 'Hi', inReplyToMessageId: theirs.id } }, a.token))).toEqual([{ path: ['input', 'inReplyToMessageId'], reason: 'MESSAGE_NOT_OF_CONTACT' }]);
    // Nothing was written for the refused ones: only the SMS.
    const after = await listMessages({ contactId: p.id });
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.ids).toEqual([sms.id]);
    const interactions = ok(await gql<{ interactions: { totalCount: number } }>(`query($id: ID!) { interactions(subject: { type: CONTACT, id: $id }) { totalCount } }`, { id: p.id }, a.token)).interactions;
    expect(interactions.totalCount).toBe(1);
  });

  it('refuses a person who refused the channel (NO_CONSENT), even one to one', async () => {
    const refused = await person(a, { emailConsent: 'DENIED', smsConsent: 'DENIED' });
    expect(reasons(await gql(SEND_EMAIL, { input: { contactId: refused.id, subject: 'Hi', body: 'Hi' } }, a.token))).toEqual([{ path: ['input', 'contactId'], reason: 'NO_CONSENT' }]);
    expect(reasons(await gql(SEND_SMS, { input: { contactId: refused.id, body: 'Hi' } }, a.token))).toEqual([{ path: ['input', 'contactId'], reason: 'NO_CONSENT' }]);
    expect((await listMessages({ contactId: refused.id })).totalCount).toBe(0);
    // Refusing email leaves SMS open.
    const emailOnly = await person(a, { emailConsent: 'DENIED', smsConsent: 'GRANTED' });
    expect(reasons(await gql(SEND_EMAIL, { input: { contactId: emailOnly.id, subject: 'Hi', body: 'Hi' } }, a.token))).toEqual([{ path: ['input', 'contactId'], reason: 'NO_CONSENT' }]);
    expect((await sendSms({ contactId: emailOnly.id, body: 'Hi' })).status).toBe('QUEUED');
  });
});

describe('sending SMS to a person', () => {
  it("texts their main number through Twilio's Messages API: From, To and Body as the contract wants, the SID kept", async () => {
    const p = await person(a);
    const body = 'Hello Ana, your order left the warehouse today.';
    const sent = await sendSms({ contactId: p.id, body });
    expect(sent).toMatchObject({ channel: 'SMS', direction: 'OUTBOUND', status: 'QUEUED', to: p.phones[0], from: TWILIO_FROM, subject: null, body, segments: 1, threadKey: null });
    const done = await settledMessage(sent.id);
    expect(done).toMatchObject({ status: 'SENT', error: null });
    expect(done.providerMessageId).toMatch(/^SM[0-9a-fA-F]{32}$/);
    expect(done.sentAt).not.toBeNull();
    await queuesSettled();

    const requests = twilio.messages().filter((r) => r.form.get('To') === p.phones[0]);
    expect(requests).toHaveLength(1);
    const request = requests[0];
    // Prism took it: the request satisfied Twilio's published contract.
    expect(request?.status).toBe(201);
    expect(request?.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    expect(request?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`);
    // Twilio reports the message's fate to the company's own status callback address.
    expect(Object.fromEntries(request?.form ?? [])).toEqual({ To: p.phones[0], From: TWILIO_FROM, Body: body, StatusCallback: `${kontor.url}/hooks/twilio/status/${uuidOf(a.tenantId, 'Tenant')}` });

    const interaction = ok(await gql<{ interaction: InteractionView }>(INTERACTION, { id: sent.interactionId }, a.token)).interaction;
    expect(interaction).toMatchObject({ kind: 'SMS', direction: 'OUTBOUND', subject: null, body, contactId: p.id, customerId: p.customerId, message: { id: sent.id, status: 'SENT' } });
  });

  it("counts segments (a long UCS-2 text is three parts) and sends to another of the person's numbers when asked", async () => {
    const p = await person(a);
    const body = `Bună ziua! ${'ă'.repeat(130)}`;
    const sent = await sendSms({ contactId: p.id, to: p.phones[1], body });
    expect(sent).toMatchObject({ to: p.phones[1], segments: 3 });
    await settledMessage(sent.id);
    await queuesSettled();
    expect(twilio.messages().filter((r) => r.form.get('To') === p.phones[1]).map((r) => r.form.get('Body'))).toEqual([body]);
    expect(twilio.messages().filter((r) => r.form.get('To') === p.phones[0])).toHaveLength(0);
  });

  it("the Twilio server holds requests to the contract, and the driver tells a refusal (final) from an unreachable server (retry)", async () => {
    const url = `${twilio.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
    const auth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
    const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    // No To: the contract's one required field.
    expect((await fetch(url, form({ From: TWILIO_FROM, Body: 'x' }))).status).toBe(422);
    expect((await fetch(url, { ...form({ To: '+40721234567', From: TWILIO_FROM, Body: 'x' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(401);
    // A mistyped account SID breaks the contract (AC and 32 hex digits): refused, and not worth retrying.
    const misconfigured = new TwilioSmsDriver({ accountSid: 'AC-mistyped', authToken: AUTH_TOKEN, from: TWILIO_FROM, apiUrl: twilio.url });
    const refused = await misconfigured.send({ to: '+40721234567', body: 'x' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SmsSendError);
    expect(refused).toMatchObject({ retryable: false, providerCode: '422' });
    // Nobody listening: the message certainly did not leave, so the queue may try again.
    const unreachable = new TwilioSmsDriver({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: TWILIO_FROM, apiUrl: 'http://127.0.0.1:9' });
    const down = await unreachable.send({ to: '+40721234567', body: 'x' }).catch((error: unknown) => error);
    expect(down).toBeInstanceOf(SmsSendError);
    expect(down).toMatchObject({ retryable: true, providerCode: 'ECONNREFUSED' });
    // A Messaging Service SID as the sender goes as MessagingServiceSid.
    const service = `MG${'0123456789abcdef'.repeat(2)}`;
    const viaService = new TwilioSmsDriver({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: service, apiUrl: twilio.url });
    await viaService.send({ to: '+40721999999', body: 'via service' });
    const request = twilio.messages().find((r) => r.form.get('To') === '+40721999999');
    expect(Object.fromEntries(request?.form ?? [])).toEqual({ To: '+40721999999', MessagingServiceSid: service, Body: 'via service' });
    expect(request?.status).toBe(201);
  });

  it('refuses a body over 1,600 characters, an empty one, and a number the person does not have', async () => {
    const p = await person(a);
    const long = await gql(SEND_SMS, { input: { contactId: p.id, body: 'x'.repeat(1_601) } }, a.token);
    expect(reasons(long)).toEqual([{ path: ['input', 'body'], reason: 'TOO_LONG' }]);
    expect(problemsOf(long)[0]?.params).toEqual({ max: 1_600 });
    expect(reasons(await gql(SEND_SMS, { input: { contactId: p.id, to: '+40799999999', body: ' ' } }, a.token))).toEqual([
      { path: ['input', 'to'], reason: 'NOT_CONTACT_ADDRESS' },
      { path: ['input', 'body'], reason: 'REQUIRED' },
    ]);
    // Not E.164: refused by the PhoneNumber scalar before the resolver runs.
    expect(errorCode(await gql(SEND_SMS, { input: { contactId: p.id, to: '0721 234 567', body: 'Hi' } }, a.token))).toBe('BAD_USER_INPUT');
    expect((await listMessages({ contactId: p.id })).totalCount).toBe(0);
  });
});

describe('each message leaves once', () => {
  it('a job run again after its message went does not send it again', async () => {
    const p = await person(a);
    const email = await sendEmail({ contactId: p.id, subject: 'Once', body: 'Only once' });
    const sms = await sendSms({ contactId: p.id, body: 'Only once' });
    await settledMessage(email.id);
    await settledMessage(sms.id);
    await queuesSettled();
    // The same work queued again under other job ids: a retry, or a producer that enqueued twice.
    const data = (id: string) => ({ tenantId: uuidOf(a.tenantId, 'Tenant'), messageId: uuidOf(id, 'Message') });
    await kontor.app.jobs.add(PLATFORM_QUEUES.mailing, MESSAGE_EMAIL_JOB, data(email.id), { jobId: `again-${uuidOf(email.id)}` });
    await kontor.app.jobs.add(SMS_QUEUE, SMS_JOB, data(sms.id), { jobId: `again-${uuidOf(sms.id)}` });
    await queuesSettled();
    expect(sink.to(p.emails[0] ?? '')).toHaveLength(1);
    expect(twilio.messages().filter((r) => r.form.get('To') === p.phones[0])).toHaveLength(1);
    expect((await message(email.id)).status).toBe('SENT');
    expect((await message(sms.id)).status).toBe('SENT');
  });

  it('a message a crashed worker left SENDING is not sent again when its job is retried: it is marked FAILED, saying why', async () => {
    const p = await person(a);
    const email = await sendEmail({ contactId: p.id, subject: 'Crash', body: 'Mid-send' });
    const sms = await sendSms({ contactId: p.id, body: 'Mid-send' });
    await settledMessage(email.id);
    await settledMessage(sms.id);
    await queuesSettled();
    // What a worker that claimed the messages and died before recording the outcome leaves behind.
    const tenantId = uuidOf(a.tenantId, 'Tenant');
    await inTenant(kontor.app.orm, tenantId, null, (em) =>
      em.execute(`update crm_messages set status = 'SENDING', sent_at = null where tenant_id = ? and id in (?, ?)`, [tenantId, uuidOf(email.id), uuidOf(sms.id)]),
    );
    await kontor.app.jobs.add(PLATFORM_QUEUES.mailing, MESSAGE_EMAIL_JOB, { tenantId, messageId: uuidOf(email.id) }, { jobId: `retry-${uuidOf(email.id)}` });
    await kontor.app.jobs.add(SMS_QUEUE, SMS_JOB, { tenantId, messageId: uuidOf(sms.id) }, { jobId: `retry-${uuidOf(sms.id)}` });
    await queuesSettled();
    expect(sink.to(p.emails[0] ?? '')).toHaveLength(1);
    expect(twilio.messages().filter((r) => r.form.get('To') === p.phones[0])).toHaveLength(1);
    for (const id of [email.id, sms.id]) {
      const failed = await message(id);
      expect(failed.status).toBe('FAILED');
      expect(failed.error).toMatch(/interrupted/);
    }
  });
});

describe('inbound email', () => {
  it('the address is a secret of owners and admins: an agent and an API key are refused', async () => {
    const url = await inboundUrl(a);
    expect(url).toMatch(new RegExp(`^${kontor.url}/hooks/email/${uuidOf(a.tenantId).replaceAll('-', '')}[0-9a-f]{32}$`));
    const agent = await join(kontor, a, 'AGENT', async (to) => (await sink.waitFor(to)).text ?? '');
    expect(errorCode(await gql(INBOUND_URL, {}, agent.token))).toBe('FORBIDDEN');
    const key = ok(await gql<{ createApiKey: { secret: string } }>(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, { input: { name: 'inbound probe', modules: ['CRM'], access: 'READ_WRITE' } }, a.token)).createApiKey.secret;
    expect(errorCode(await gql(INBOUND_URL, {}, key))).toBe('FORBIDDEN');
    expect(errorCode(await gql(ROTATE, {}, key))).toBe('FORBIDDEN');
  });

  it('matches the sender by any of their addresses and threads their reply to our email', async () => {
    const p = await person(a);
    const ours = await sendEmail({ contactId: p.id, subject: 'Offer', body: 'Our offer' });
    const raw = await mime({
      from: `Ana Pop <${(p.emails[1] ?? '').toUpperCase()}>`,
      to: 'sales@acme.test',
      subject: 'Re: Offer',
      messageId: `<reply-${Date.now()}@mail.example.test>`,
      inReplyTo: ours.providerMessageId ?? '',
      references: [ours.providerMessageId ?? ''],
      date: new Date(Date.now() - 60_000),
      text: 'Thanks, looks good.\n\n> Our offer',
    });
    const answer = await post(await inboundUrl(a), raw);
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe('matched');
    const received = await message(answer.body.messageId ?? '');
    expect(received).toMatchObject({
      channel: 'EMAIL',
      direction: 'INBOUND',
      status: 'RECEIVED',
      contactId: p.id,
      customerId: p.customerId,
      from: p.emails[1],
      to: 'sales@acme.test',
      subject: 'Re: Offer',
      body: 'Thanks, looks good.\n\n> Our offer',
      inReplyTo: ours.providerMessageId,
      threadKey: ours.threadKey,
      sentBy: null,
    });
    const interaction = ok(await gql<{ interaction: InteractionView }>(INTERACTION, { id: received.interactionId }, a.token)).interaction;
    expect(interaction).toMatchObject({ kind: 'EMAIL', direction: 'INBOUND', subject: 'Re: Offer', body: received.body, contactId: p.id, customerId: p.customerId, message: { id: received.id, status: 'RECEIVED' } });
    expect(interaction.occurredAt).toBe(received.sentAt);
    // The person's messages: their reply, then ours.
    expect((await listMessages({ contactId: p.id })).ids).toEqual([received.id, ours.id]);
  });

  it('a new email from a person starts its own conversation; an HTML-only one is recorded as text', async () => {
    const p = await person(a);
    const messageId = `<new-${Date.now()}@mail.example.test>`;
    const answer = await post(await inboundUrl(a), await mime({ from: p.emails[0], to: 'sales@acme.test', subject: 'A question', messageId, html: '<p>Do you ship to <b>Iași</b>?</p><p>Ana</p>' }));
    expect(answer.status).toBe(201);
    const received = await message(answer.body.messageId ?? '');
    expect(received).toMatchObject({ threadKey: messageId, inReplyTo: null, body: 'Do you ship to Iași?\n\nAna' });
  });

  it('keeps an email from an unknown sender unmatched (202), lists it, and attaches it to a person later', async () => {
    const stranger = uniqueEmail('stranger');
    const answer = await post(await inboundUrl(a), await mime({ from: stranger, to: 'sales@acme.test', subject: 'Hello?', messageId: `<stranger-${Date.now()}@example.test>`, text: 'Who is this?' }), 'text/plain');
    expect(answer.status).toBe(202);
    expect(answer.body.status).toBe('unmatched');
    const id = answer.body.messageId ?? '';
    const unmatched = await listMessages({ unmatched: true });
    expect(unmatched.ids).toContain(id);
    expect(unmatched.nodes.every((n) => n.contactId === null && n.direction === 'INBOUND')).toBe(true);
    expect(await message(id)).toMatchObject({ contactId: null, customerId: null, interactionId: null, from: stranger, status: 'RECEIVED' });

    const p = await person(a);
    const attached = ok(await gql<{ attachMessageToContact: MessageView }>(ATTACH, { input: { messageId: id, contactId: p.id } }, a.token)).attachMessageToContact;
    expect(attached).toMatchObject({ id, contactId: p.id, customerId: p.customerId });
    const interaction = ok(await gql<{ interaction: InteractionView }>(INTERACTION, { id: attached.interactionId }, a.token)).interaction;
    expect(interaction).toMatchObject({ kind: 'EMAIL', direction: 'INBOUND', subject: 'Hello?', body: 'Who is this?', contactId: p.id, message: { id, status: 'RECEIVED' } });
    expect((await listMessages({ unmatched: true })).ids).not.toContain(id);
    // Once is enough; and only received emails are attached.
    const again = await gql(ATTACH, { input: { messageId: id, contactId: p.id } }, a.token);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions).toMatchObject({ reason: 'ALREADY_ATTACHED', path: ['input', 'messageId'] });
    const outbound = await sendEmail({ contactId: p.id, subject: 'Out', body: 'Out' });
    expect(reasons(await gql(ATTACH, { input: { messageId: outbound.id, contactId: p.id } }, a.token))).toEqual([{ path: ['input', 'messageId'], reason: 'INVALID' }]);
  });

  it('records an email posted twice once: the second answer is 200, with the same message', async () => {
    const raw = await mime({ from: uniqueEmail('twice'), to: 'sales@acme.test', subject: 'Twice', messageId: `<twice-${Date.now()}@example.test>`, text: 'Retried by the gateway' });
    const url = await inboundUrl(a);
    const first = await post(url, raw);
    const second = await post(url, raw);
    expect(first.status).toBe(202);
    expect(second).toEqual({ status: 200, body: { status: 'duplicate', messageId: first.body.messageId } });
    expect((await listMessages({ unmatched: true })).nodes.filter((n) => n.subject === 'Twice')).toHaveLength(1);
  });

  it('answers 404 to a wrong or malformed token, 413 above 10 MB, 415 to another content type, 400 to a body that is no email', async () => {
    const url = await inboundUrl(a);
    const raw = await mime({ from: uniqueEmail('x'), to: 'sales@acme.test', subject: 'Probe', text: 'x' });
    const base = url.slice(0, url.lastIndexOf('/') + 1);
    const token = url.slice(url.lastIndexOf('/') + 1);
    const wrongSecret = `${token.slice(0, 32)}${'0'.repeat(32)}`;
    for (const bad of [wrongSecret, token.toUpperCase(), `${token}0`, 'nope', `${'0'.repeat(32)}${token.slice(32)}`]) {
      expect((await post(`${base}${bad}`, raw)).status, bad).toBe(404);
    }
    const tooLarge = await fetch(url, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: Buffer.alloc(10 * 1024 * 1024 + 1, 'a') });
    expect(tooLarge.status).toBe(413);
    expect((await post(url, raw, 'application/json')).status).toBe(415);
    expect((await post(url, '')).status).toBe(400);
    // GET is not a route: the web app (or 404) answers, never the hook.
    expect((await fetch(url)).status).not.toBe(201);
    expect((await listMessages({ unmatched: true })).nodes.filter((n) => n.subject === 'Probe')).toHaveLength(0);
  });

  it('rotating the token retires the old address at once', async () => {
    const old = await inboundUrl(a);
    const fresh = ok(await gql<{ rotateInboundEmailToken: string }>(ROTATE, {}, a.token)).rotateInboundEmailToken;
    expect(fresh).not.toBe(old);
    expect(await inboundUrl(a)).toBe(fresh);
    const raw = await mime({ from: uniqueEmail('rot'), to: 'sales@acme.test', subject: 'Rotated', text: 'x' });
    expect((await post(old, raw)).status).toBe(404);
    expect((await post(fresh, raw)).status).toBe(202);
  });

  it('while the CRM is switched off the address answers 404 and sending is MODULE_DISABLED; switched on, both work again', async () => {
    const c = await signUp(kontor, { companyName: 'Messaging C' });
    const p = await person(c);
    const url = await inboundUrl(c);
    const SWITCH = `mutation($input: SetModuleEnabledInput!) { setModuleEnabled(input: $input) { key enabled } }`;
    ok(await gql(SWITCH, { input: { module: 'CRM', enabled: false } }, c.token));
    const raw = await mime({ from: p.emails[0], to: 'sales@c.test', subject: 'While off', messageId: `<off-${Date.now()}@example.test>`, text: 'x' });
    expect((await post(url, raw)).status).toBe(404);
    expect(errorCode(await gql(SEND_EMAIL, { input: { contactId: p.id, subject: 'Hi', body: 'Hi' } }, c.token))).toBe('MODULE_DISABLED');
    ok(await gql(SWITCH, { input: { module: 'CRM', enabled: true } }, c.token));
    expect((await post(url, raw)).status).toBe(201);
  });
});

describe('tenant isolation', () => {
  it("B's address never records into A: the same sender, posted to B, lands in B unmatched; mixed tokens are refused", async () => {
    const p = await person(a);
    const raw = await mime({ from: p.emails[0], to: 'sales@b.test', subject: 'To B', messageId: `<to-b-${Date.now()}@example.test>`, text: 'For B' });
    const answer = await post(await inboundUrl(b), raw);
    expect(answer.status).toBe(202);
    expect((await listMessages({ contactId: p.id })).totalCount).toBe(0);
    expect((await listMessages({ unmatched: true })).nodes.filter((n) => n.subject === 'To B')).toHaveLength(0);
    expect((await listMessages({ unmatched: true }, b.token)).ids).toContain(answer.body.messageId);
    // A's tenant with B's secret, and B's tenant with A's: neither is anyone's address.
    const urlA = await inboundUrl(a);
    const urlB = await inboundUrl(b);
    const tokenA = urlA.slice(urlA.lastIndexOf('/') + 1);
    const tokenB = urlB.slice(urlB.lastIndexOf('/') + 1);
    const base = urlA.slice(0, urlA.lastIndexOf('/') + 1);
    expect((await post(`${base}${tokenA.slice(0, 32)}${tokenB.slice(32)}`, raw)).status).toBe(404);
    expect((await post(`${base}${tokenB.slice(0, 32)}${tokenA.slice(32)}`, raw)).status).toBe(404);
  });

  it("B cannot read, list, answer, attach or send to A's messages and people", async () => {
    const p = await person(a);
    const email = await sendEmail({ contactId: p.id, subject: 'Secret of A', body: 'Only for A' });
    const stray = await post(await inboundUrl(a), await mime({ from: uniqueEmail('stray'), to: 'sales@acme.test', subject: 'Stray of A', text: 'x' }));
    const strayId = stray.body.messageId ?? '';
    const mine = await person(b);
    const traces = [email.id, strayId, p.id, 'Secret of A', 'Stray of A', uuidOf(email.id), uuidOf(p.id)];
    const expectNoTrace = (result: unknown) => {
      for (const trace of traces) expect(JSON.stringify(result)).not.toContain(trace);
    };
    for (const [query, variables] of [
      [MESSAGE, { id: email.id }],
      [MESSAGE, { id: strayId }],
      [INTERACTION, { id: email.interactionId }],
      [ATTACH, { input: { messageId: strayId, contactId: mine.id } }],
      [SEND_EMAIL, { input: { contactId: p.id, subject: 'Hi', body: 'Hi' } }],
      [SEND_SMS, { input: { contactId: p.id, body: 'Hi' } }],
      [SEND_EMAIL, { input: { contactId: mine.id, subject: 'Re', body: 'Hi', inReplyToMessageId: email.id } }],
    ] as const) {
      const result = await gql(query, variables, b.token);
      expect(errorCode(result), query).toBe('NOT_FOUND');
      expectNoTrace(result);
    }
    for (const variables of [{ contactId: p.id }, { customerId: p.customerId }, { unmatched: true }, {}]) {
      const result = await gql(MESSAGES, { first: 100, ...variables }, b.token);
      expectNoTrace(result);
      if ('contactId' in variables || 'customerId' in variables) expect(ok(result)).toEqual({ messages: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } });
    }
    // A's records are as they were.
    expect((await message(email.id)).contactId).toBe(p.id);
    expect((await message(strayId)).contactId).toBeNull();
    expect((await listMessages({ contactId: mine.id }, b.token)).totalCount).toBe(0);
  });
});
