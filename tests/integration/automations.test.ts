import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADVANCE_JOB, AUTOMATION_QUEUE, ENROLL_JOB, SWEEP_JOB } from '../../api/src/marketing/automation-queue.js';
import { linkKey, verifyLink } from '../../api/src/marketing/links.js';
import { createMailDriver } from '../../api/src/platform/mail/mail-driver.factory.js';
import type { MailDriver } from '../../api/src/platform/mail/mail-message.js';
import { appUrlFor } from '../../infra/database.js';
import { processors } from '../../workers/processors.js';
import { WorkerHost } from '../../workers/worker-host.js';
import { errorCode, ok, signUp, startKontor, uniqueEmail, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { TwilioServer } from '../support/twilio-server.js';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'automation-test-token';
const TWILIO_FROM = '+15005550006';

const CREATE = `mutation($input: CreateAutomationInput!) { createAutomation(input: $input) { id status trigger { kind segmentId includeExisting stageId pipelineId customFieldKey dateMode hour } steps { id position kind days hours templateId segmentId contactFilter } } }`;
const ACTIVATE = `mutation($input: AutomationIdInput!) { activateAutomation(input: $input) { id status activatedAt } }`;
const PAUSE = `mutation($input: AutomationIdInput!) { pauseAutomation(input: $input) { id status } }`;
const AUTOMATION = `query($id: ID!) { automation(id: $id) { id status
  runs(first: 200) { totalCount edges { node { id status occurrence stepPosition nextRunAt finishedAt contact { id } } } }
  stats { runs active done stopped messages { queued sending sent delivered bounced failed opened clicked unsubscribed } steps { position kind passed skipped stopped } } } }`;

interface RunView {
  id: string;
  status: string;
  occurrence: string;
  stepPosition: number;
  contact: { id: string } | null;
}
interface AutomationView {
  status: string;
  runs: { totalCount: number; edges: { node: RunView }[] };
  stats: {
    runs: number;
    active: number;
    done: number;
    stopped: number;
    messages: Record<string, number>;
    steps: { position: number; kind: string; passed: number; skipped: number; stopped: number }[];
  };
}

let kontor: Kontor;
let sink: SmtpSink;
let twilio: TwilioServer;
let db: pg.Client;
let appDb: pg.Client;
/** Worker hosts this file started besides the harness's own (closed at the end). */
const hosts: WorkerHost[] = [];
const drivers: MailDriver[] = [];

beforeAll(async () => {
  sink = new SmtpSink();
  const smtpUrl = await sink.start();
  twilio = new TwilioServer();
  const apiUrl = await twilio.start();
  kontor = await startKontor({ smtpUrl, config: { twilio: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: TWILIO_FROM, apiUrl } } });
  db = new pg.Client({ connectionString: inject('ownerUrl') });
  appDb = new pg.Client({ connectionString: appUrlFor(inject('ownerUrl'), inject('appRolePassword')) });
  await db.connect();
  await appDb.connect();
}, 180_000);

afterAll(async () => {
  for (const host of hosts) await host.close();
  for (const driver of drivers) await driver.close();
  await kontor?.close();
  await db?.end();
  await appDb?.end();
  await sink?.stop();
  await twilio?.stop();
});

// ---------------------------------------------------------------------------------------------
// Helpers

async function company(): Promise<SignedUp> {
  return signUp(kontor, { modules: ['CRM', 'MARKETING'] });
}

function idOf(result: GqlResult<Record<string, { id: string }>>, field: string): string {
  const value = ok(result)[field]?.id;
  if (!value) throw new Error(`no ${field}.id`);
  return value;
}

function uuid(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1] ?? '';
}

async function person(owner: SignedUp, input: Record<string, unknown>): Promise<string> {
  return idOf(await kontor.gql(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input }, owner.token), 'createContact');
}

async function emailTemplate(owner: SignedUp, subject: string, html = '<p>Hello {{ contact.firstName }}</p><p><a href="https://shop.example/new">New</a></p>'): Promise<string> {
  return idOf(await kontor.gql(`mutation($input: CreateCampaignTemplateInput!) { createCampaignTemplate(input: $input) { id } }`, { input: { name: subject, channel: 'EMAIL', subject, html } }, owner.token), 'createCampaignTemplate');
}

async function smsTemplate(owner: SignedUp, text: string): Promise<string> {
  return idOf(await kontor.gql(`mutation($input: CreateCampaignTemplateInput!) { createCampaignTemplate(input: $input) { id } }`, { input: { name: text.slice(0, 20), channel: 'SMS', text } }, owner.token), 'createCampaignTemplate');
}

async function segment(owner: SignedUp, contactFilter: Record<string, unknown>): Promise<string> {
  return idOf(
    await kontor.gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, { input: { name: `Segment ${randomUUID()}`, entity: 'CONTACT', contactFilter } }, owner.token),
    'createSegment',
  );
}

async function automation(owner: SignedUp, input: Record<string, unknown>, activate = true): Promise<string> {
  const id = idOf(await kontor.gql(CREATE, { input: { name: `Automation ${randomUUID()}`, ...input } }, owner.token), 'createAutomation');
  if (activate) expect(ok(await kontor.gql<{ activateAutomation: { status: string } }>(ACTIVATE, { input: { id } }, owner.token)).activateAutomation.status).toBe('ACTIVE');
  return id;
}

async function view(owner: SignedUp, id: string): Promise<AutomationView> {
  return ok(await kontor.gql<{ automation: AutomationView }>(AUTOMATION, { id }, owner.token)).automation;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Gives the workers time to do whatever they would (wrongly) still do: the assertions after it say they did not. */
async function settle(ms = 1_500): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** The company's sweep, now, as its periodic job would run. */
async function sweep(owner: SignedUp): Promise<void> {
  await kontor.app.jobs.add(AUTOMATION_QUEUE, SWEEP_JOB, { tenantId: uuid(owner.tenantId) }, { jobId: `sweep-test-${randomUUID()}` });
}

/** Time passes for the automation's waiting runs: their next step is due (long enough ago for the sweep to see a lost job). */
async function timeTravel(automationId: string): Promise<void> {
  await db.query(`update mkt_automation_runs set next_run_at = now() - interval '10 minutes' where automation_id = $1 and status = 'ACTIVE'`, [uuid(automationId)]);
}

function mailsTo(address: string, subject: string): ParsedMail[] {
  return sink.to(address).filter((m) => m.subject?.startsWith(subject));
}

function header(mail: ParsedMail | undefined, name: string): string | undefined {
  return mail?.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, ' ');
}

function startWorkers(): WorkerHost {
  const mail = createMailDriver(kontor.app.config, kontor.app.log);
  drivers.push(mail);
  const host = new WorkerHost(kontor.app);
  host.start(processors(kontor.app, mail), 4);
  hosts.push(host);
  return host;
}

// ---------------------------------------------------------------------------------------------

describe('building automations', () => {
  it('refuses what cannot run, with the field and a reason, and keeps nothing', async () => {
    const owner = await company();
    const email = await emailTemplate(owner, 'Welcome');
    const sms = await smsTemplate(owner, 'Hi {{ contact.firstName }}');
    const create = (input: Record<string, unknown>) => kontor.gql(CREATE, { input: { name: 'Bad', trigger: { kind: 'CONTACT_CREATED' }, steps: [{ kind: 'SEND_EMAIL', templateId: email }], ...input } }, owner.token);
    const refused = async (input: Record<string, unknown>, path: string[], reason: string, code = 'BAD_USER_INPUT') => {
      const result = await create(input);
      expect(errorCode(result), JSON.stringify(result.errors)).toBe(code);
      expect(result.errors?.[0]?.extensions).toMatchObject({ path, reason });
    };
    await refused({ steps: [{ kind: 'SEND_EMAIL', templateId: sms }] }, ['input', 'steps', '0', 'templateId'], 'WRONG_CHANNEL');
    await refused({ steps: [{ kind: 'SEND_EMAIL', templateId: email }, { kind: 'SEND_SMS', templateId: email }] }, ['input', 'steps', '1', 'templateId'], 'WRONG_CHANNEL');
    await refused({ steps: [{ kind: 'SEND_EMAIL' }] }, ['input', 'steps', '0', 'templateId'], 'REQUIRED');
    await refused({ steps: [{ kind: 'WAIT', days: 0, hours: 0 }] }, ['input', 'steps', '0', 'hours'], 'OUT_OF_RANGE');
    await refused({ steps: [{ kind: 'WAIT', days: 366 }] }, ['input', 'steps', '0', 'days'], 'OUT_OF_RANGE');
    await refused({ steps: [{ kind: 'WAIT', hours: 24 }] }, ['input', 'steps', '0', 'hours'], 'OUT_OF_RANGE');
    await refused({ steps: [{ kind: 'WAIT', hours: 2, templateId: email }] }, ['input', 'steps', '0', 'templateId'], 'INVALID');
    await refused({ steps: [{ kind: 'CONDITION' }] }, ['input', 'steps', '0', 'segmentId'], 'REQUIRED');
    await refused({ steps: [{ kind: 'CONDITION', contactFilter: { customFields: [{ key: 'nope', equals: 'x' }] } }] }, ['input', 'steps', '0', 'contactFilter', 'customFields', '0', 'key'], 'UNKNOWN_FIELD');
    await refused({ steps: [] }, ['input', 'steps'], 'REQUIRED');
    await refused({ trigger: { kind: 'SEGMENT_ENTERED' } }, ['input', 'trigger', 'segmentId'], 'REQUIRED');
    await refused({ trigger: { kind: 'CONTACT_CREATED', hour: 3 } }, ['input', 'trigger', 'hour'], 'INVALID');
    await refused({ trigger: { kind: 'DEAL_STAGE_REACHED' } }, ['input', 'trigger', 'stageId'], 'REQUIRED');
    await refused({ trigger: { kind: 'DATE_FIELD', customFieldKey: 'birthday' } }, ['input', 'trigger', 'customFieldKey'], 'UNKNOWN_FIELD');
    ok(await kontor.gql(`mutation($input: CreateCustomFieldInput!) { createCustomField(input: $input) { id } }`, { input: { entity: 'CONTACT', key: 'shoe', label: 'Shoe', type: 'NUMBER' } }, owner.token));
    await refused({ trigger: { kind: 'DATE_FIELD', customFieldKey: 'shoe' } }, ['input', 'trigger', 'customFieldKey'], 'INVALID');
    ok(await kontor.gql(`mutation($input: CreateCustomFieldInput!) { createCustomField(input: $input) { id } }`, { input: { entity: 'CONTACT', key: 'birthday', label: 'Birthday', type: 'DATE' } }, owner.token));
    await refused({ trigger: { kind: 'DATE_FIELD', customFieldKey: 'birthday', hour: 24 } }, ['input', 'trigger', 'hour'], 'OUT_OF_RANGE');
    await refused({ name: ' ' }, ['input', 'name'], 'REQUIRED');
    // An id of nothing this company has is not found, as another company's would be.
    const missing = await create({ steps: [{ kind: 'SEND_EMAIL', templateId: Buffer.from(`CampaignTemplate:${randomUUID()}`).toString('base64url') }] });
    expect(errorCode(missing)).toBe('NOT_FOUND');
    const list = ok(await kontor.gql<{ automations: { totalCount: number } }>(`{ automations { totalCount } }`, {}, owner.token)).automations;
    expect(list.totalCount).toBe(0);

    // A valid one, read back as given.
    const created = ok(
      await kontor.gql<{ createAutomation: { status: string; trigger: Record<string, unknown>; steps: Record<string, unknown>[] } }>(
        CREATE,
        { input: { name: 'Birthday', trigger: { kind: 'DATE_FIELD', customFieldKey: 'birthday' }, steps: [{ kind: 'WAIT', days: 1, hours: 2 }, { kind: 'CONDITION', contactFilter: { tags: ['vip'] } }, { kind: 'SEND_SMS', templateId: sms }] } },
        owner.token,
      ),
    ).createAutomation;
    expect(created.status).toBe('DRAFT');
    expect(created.trigger).toMatchObject({ kind: 'DATE_FIELD', customFieldKey: 'birthday', dateMode: 'ANNIVERSARY', hour: 9, includeExisting: false });
    expect(created.steps).toMatchObject([
      { position: 0, kind: 'WAIT', days: 1, hours: 2, templateId: null },
      { position: 1, kind: 'CONDITION', contactFilter: { tags: ['vip'] } },
      { position: 2, kind: 'SEND_SMS', templateId: sms },
    ]);
    // A template an automation uses cannot be deleted.
    const deleted = await kontor.gql(`mutation($input: DeleteCampaignTemplateInput!) { deleteCampaignTemplate(input: $input) }`, { input: { id: sms } }, owner.token);
    expect(deleted.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IN_USE' });
  });

  it('changes steps only while paused and before anyone went through them; deletes only when not active', async () => {
    const owner = await company();
    const email = await emailTemplate(owner, 'Hello');
    const id = await automation(owner, { trigger: { kind: 'CONTACT_CREATED' }, steps: [{ kind: 'WAIT', hours: 1 }, { kind: 'SEND_EMAIL', templateId: email }] });
    const UPDATE = `mutation($input: UpdateAutomationInput!) { updateAutomation(input: $input) { name steps { kind } } }`;
    const whileActive = await kontor.gql(UPDATE, { input: { id, steps: [{ kind: 'SEND_EMAIL', templateId: email }] } }, owner.token);
    expect(whileActive.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    expect(ok(await kontor.gql<{ updateAutomation: { name: string } }>(UPDATE, { input: { id, name: 'Renamed' } }, owner.token)).updateAutomation.name).toBe('Renamed');
    const removeActive = await kontor.gql(`mutation($input: AutomationIdInput!) { deleteAutomation(input: $input) }`, { input: { id } }, owner.token);
    expect(removeActive.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    await person(owner, { firstName: 'Ana', email: uniqueEmail('ana'), emailConsent: 'GRANTED', consentSource: 'form' });
    await until(() => view(owner, id), (v) => v.stats.runs === 1, 'a run');
    ok(await kontor.gql(PAUSE, { input: { id } }, owner.token));
    const withRuns = await kontor.gql(UPDATE, { input: { id, steps: [{ kind: 'SEND_EMAIL', templateId: email }] } }, owner.token);
    expect(withRuns.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IN_USE', path: ['input', 'steps'] });
    expect(ok(await kontor.gql<{ deleteAutomation: string }>(`mutation($input: AutomationIdInput!) { deleteAutomation(input: $input) }`, { input: { id } }, owner.token)).deleteAutomation).toBe(id);
    expect(errorCode(await kontor.gql(AUTOMATION, { id }, owner.token))).toBe('NOT_FOUND');
    expect((await db.query(`select count(*)::int as n from mkt_automation_runs where automation_id = $1`, [uuid(id)])).rows[0]).toEqual({ n: 0 });
  });
});

describe('a welcome series (person created → email, wait a day, email)', () => {
  it('sends each step once to each reachable person, across a worker restart, duplicate jobs and a lost job', async () => {
    const owner = await company();
    const welcome = await emailTemplate(owner, 'Welcome', '<p>Welcome {{ contact.firstName }} of {{ customer.name | default: "home" }}</p><p><a href="https://shop.example/start">Start</a></p>');
    const followUp = await emailTemplate(owner, 'One day later');
    const id = await automation(owner, { trigger: { kind: 'CONTACT_CREATED' }, steps: [{ kind: 'SEND_EMAIL', templateId: welcome }, { kind: 'WAIT', days: 1 }, { kind: 'SEND_EMAIL', templateId: followUp }] });
    const customer = idOf(await kontor.gql(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: { name: 'Acme SRL' } }, owner.token), 'createCustomer');
    const reachable = Array.from({ length: 6 }, (_, i) => uniqueEmail(`welcome${i}`));
    const unknown = uniqueEmail('unknown');
    const denied = uniqueEmail('denied');
    // People arrive; the workers are stopped in the middle of it (jobs in flight finish or go back) and others take over.
    for (const [i, address] of reachable.entries()) {
      await person(owner, { firstName: `P${i}`, email: address, emailConsent: 'GRANTED', consentSource: 'form', ...(i === 0 ? { customerId: customer } : {}) });
      if (i === 2) await kontor.workers.close();
    }
    await person(owner, { firstName: 'Unknown', email: unknown });
    await person(owner, { firstName: 'Denied', email: denied, emailConsent: 'DENIED', consentSource: 'form' });
    startWorkers();

    for (const address of reachable) await sink.waitFor(address, (m) => m.subject === 'Welcome');
    const first = mailsTo(reachable[0] ?? '', 'Welcome')[0];
    expect(first?.html).toContain('Welcome P0 of Acme SRL');
    expect(first?.text).toContain('Welcome P0 of Acme SRL');
    expect(header(first, 'list-unsubscribe')).toMatch(/^List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/hooks\/unsubscribe\/[A-Za-z0-9_-]{64}>$/);
    expect(header(first, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(first?.messageId).toMatch(/^<[0-9a-f-]{36}@kontor\.automation>$/);
    expect(first?.html).toMatch(/href="http:\/\/127\.0\.0\.1:\d+\/hooks\/click\/[A-Za-z0-9_-]{64}\?u=https%3A%2F%2Fshop\.example%2Fstart"/);
    // The signed unsubscribe link names this message's send row in this company.
    const token = /\/hooks\/unsubscribe\/([A-Za-z0-9_-]{64})/.exec(header(first, 'list-unsubscribe') ?? '')?.[1] ?? '';
    const subject = verifyLink(await linkKey(kontor.app.orm.em.fork()), 'u', token);
    const sendId = /^<([0-9a-f-]{36})@/.exec(first?.messageId ?? '')?.[1];
    expect(subject).toEqual({ tenantId: uuid(owner.tenantId), deliveryId: sendId });
    const row = (await db.query(`select s.status, s.address, s.channel from mkt_automation_sends s where s.id = $1`, [sendId])).rows[0] as Record<string, unknown> | undefined;
    expect(row).toEqual({ status: 'SENT', address: reachable[0], channel: 'EMAIL' });

    // Everyone is waiting a day; the unreachable were skipped at the first step and wait too.
    let state = await until(() => view(owner, id), (v) => v.stats.messages.sent === 6 && v.runs.edges.every((e) => e.node.stepPosition === 2), 'all waiting');
    expect(state.stats).toMatchObject({ runs: 8, active: 8, done: 0 });
    expect(state.stats.steps[0]).toMatchObject({ position: 0, kind: 'SEND_EMAIL', passed: 6, skipped: 2 });

    // Duplicates: every run moved on again and again, and the same people "created" again: nothing more.
    const tenantId = uuid(owner.tenantId);
    for (const edge of state.runs.edges) {
      for (let i = 0; i < 3; i++) await kontor.app.jobs.add(AUTOMATION_QUEUE, ADVANCE_JOB, { tenantId, runId: uuid(edge.node.id) }, { jobId: `dup-${randomUUID()}` });
    }
    const occurrences = state.runs.edges.map((e) => ({ contactId: uuid(e.node.contact?.id ?? ''), key: 'created' }));
    await kontor.app.jobs.add(AUTOMATION_QUEUE, ENROLL_JOB, { tenantId, kind: 'CONTACT_CREATED', occurrences }, { jobId: `dup-${randomUUID()}` });
    await settle();
    state = await view(owner, id);
    expect(state.stats.runs).toBe(8);
    for (const address of reachable) expect(mailsTo(address, 'Welcome')).toHaveLength(1);
    expect(mailsTo(reachable[0] ?? '', 'One day later')).toHaveLength(0);

    // A day passes. The delayed jobs are far in the future; the sweep finds the runs due and moves
    // them on, while duplicate jobs try to move the same runs at the same time.
    await timeTravel(id);
    await sweep(owner);
    for (const edge of state.runs.edges) {
      for (let i = 0; i < 3; i++) await kontor.app.jobs.add(AUTOMATION_QUEUE, ADVANCE_JOB, { tenantId, runId: uuid(edge.node.id) }, { jobId: `dup-${randomUUID()}` });
    }
    for (const address of reachable) await sink.waitFor(address, (m) => m.subject === 'One day later');
    state = await until(() => view(owner, id), (v) => v.stats.done === 8, 'all done');
    expect(state.stats).toMatchObject({ runs: 8, active: 0, done: 8, stopped: 0, messages: { sent: 12, queued: 0, sending: 0, failed: 0 } });
    expect(state.stats.steps).toEqual([
      { position: 0, kind: 'SEND_EMAIL', passed: 6, skipped: 2, stopped: 0 },
      { position: 1, kind: 'WAIT', passed: 8, skipped: 0, stopped: 0 },
      { position: 2, kind: 'SEND_EMAIL', passed: 6, skipped: 2, stopped: 0 },
    ]);
    await sweep(owner);
    await settle();
    for (const address of reachable) {
      expect(mailsTo(address, 'Welcome'), address).toHaveLength(1);
      expect(mailsTo(address, 'One day later'), address).toHaveLength(1);
    }
    expect(sink.to(unknown)).toHaveLength(0);
    expect(sink.to(denied)).toHaveLength(0);
  });

  it('a message whose worker died after claiming it is sent by the next, once', async () => {
    const owner = await company();
    const email = await emailTemplate(owner, 'Claimed');
    const id = await automation(owner, { trigger: { kind: 'CONTACT_CREATED' }, steps: [{ kind: 'WAIT', hours: 1 }, { kind: 'SEND_EMAIL', templateId: email }] });
    const address = uniqueEmail('claimed');
    await person(owner, { firstName: 'Cleo', email: address, emailConsent: 'GRANTED', consentSource: 'form' });
    const waiting = await until(() => view(owner, id), (v) => v.runs.edges[0]?.node.stepPosition === 1, 'waiting');
    const runId = uuid(waiting.runs.edges[0]?.node.id ?? '');
    // What a worker killed between its claim and the message's final line leaves: the step passed,
    // the message SENDING with an old claim (the SMTP server never accepted it: see email-sender.ts).
    await db.query(`update mkt_automation_runs set next_run_at = now() - interval '10 minutes' where id = $1`, [runId]);
    await kontor.app.jobs.add(AUTOMATION_QUEUE, ADVANCE_JOB, { tenantId: uuid(owner.tenantId), runId }, { jobId: `t-${randomUUID()}` });
    await sink.waitFor(address, (m) => m.subject === 'Claimed');
    await db.query(`update mkt_automation_sends set status = 'SENDING', claimed_at = now() - interval '10 minutes', updated_at = now() - interval '10 minutes' where run_id = $1`, [runId]);
    await sweep(owner);
    await until(() => Promise.resolve(mailsTo(address, 'Claimed').length), (n) => n === 2, 'sent again');
    await until(() => db.query(`select status from mkt_automation_sends where run_id = $1`, [runId]).then((r) => String(r.rows[0]?.status)), (s) => s === 'SENT', 'SENT');
    await sweep(owner);
    await settle();
    expect(mailsTo(address, 'Claimed')).toHaveLength(2);
  });
});

describe('segment, condition and SMS', () => {
  it('starts runs for newcomers only (unless asked to include members), stops people a condition refuses, and texts the others once', async () => {
    const owner = await company();
    const tag = `club${Date.now()}`;
    const email = await emailTemplate(owner, 'You joined');
    const text = await smsTemplate(owner, 'Salut {{ contact.firstName }}, bine ai venit în club!');
    const anaPhone = '+40721000201';
    const anaEmail = uniqueEmail('ana');
    await person(owner, { firstName: 'Ana', email: anaEmail, phone: anaPhone, tags: [tag, 'gold'], emailConsent: 'GRANTED', smsConsent: 'GRANTED', consentSource: 'form' });
    const seg = await segment(owner, { tags: [tag] });
    const newcomers = await automation(owner, { trigger: { kind: 'SEGMENT_ENTERED', segmentId: seg }, steps: [{ kind: 'SEND_EMAIL', templateId: email }] });
    const everyone = await automation(owner, { trigger: { kind: 'SEGMENT_ENTERED', segmentId: seg, includeExisting: true }, steps: [{ kind: 'CONDITION', contactFilter: { tags: ['gold'] } }, { kind: 'SEND_SMS', templateId: text }] });
    const bobEmail = uniqueEmail('bob');
    const bobPhone = '+40721000202';
    await person(owner, { firstName: 'Bob', email: bobEmail, phone: bobPhone, tags: [tag], emailConsent: 'GRANTED', smsConsent: 'GRANTED', consentSource: 'form' });
    await sweep(owner);
    await sink.waitFor(bobEmail, (m) => m.subject === 'You joined');
    const texts = () => twilio.messages().filter((r) => [anaPhone, bobPhone].includes(r.form.get('To') ?? ''));
    await until(() => Promise.resolve(texts().length), (n) => n === 1, 'one SMS');
    const everyoneView = await until(() => view(owner, everyone), (v) => v.stats.done === 1 && v.stats.stopped === 1, 'condition applied');
    expect(everyoneView.stats.steps).toEqual([
      { position: 0, kind: 'CONDITION', passed: 1, skipped: 0, stopped: 1 },
      { position: 1, kind: 'SEND_SMS', passed: 1, skipped: 0, stopped: 0 },
    ]);
    const newcomersView = await view(owner, newcomers);
    expect(newcomersView.stats).toMatchObject({ runs: 1, done: 1, messages: { sent: 1 } });
    // Ana was in the segment before: excluded from the first, never mailed by it.
    expect(newcomersView.runs.edges.map((e) => e.node.status).sort()).toEqual(['DONE', 'EXCLUDED']);
    await sweep(owner);
    await settle();
    expect(sink.to(anaEmail)).toHaveLength(0);
    expect(mailsTo(bobEmail, 'You joined')).toHaveLength(1);
    expect(texts()).toHaveLength(1);
    const sent = texts()[0];
    expect([sent?.form.get('To'), sent?.form.get('From'), sent?.form.get('Body'), sent?.status]).toEqual([anaPhone, TWILIO_FROM, 'Salut Ana, bine ai venit în club!', 201]);
    const sms = (await db.query(`select status, provider_message_id, segments from mkt_automation_sends where automation_id = $1`, [uuid(everyone)])).rows[0] as Record<string, unknown> | undefined;
    expect(sms).toMatchObject({ status: 'SENT', segments: 1 });
    expect(String(sms?.provider_message_id)).toMatch(/^SM/);
  });
});

describe('deals, tasks and dates', () => {
  it('a deal reaching a stage, and a deal won, start a run for its person, once', async () => {
    const owner = await company();
    const pipelines = ok(await kontor.gql<{ pipelines: { id: string; stages: { id: string }[] }[] }>(`{ pipelines { id stages { id } } }`, {}, owner.token)).pipelines;
    const stages = pipelines[0]?.stages ?? [];
    const [first, second] = [stages[0]?.id ?? '', stages[1]?.id ?? ''];
    const reached = await emailTemplate(owner, 'Proposal stage');
    const won = await emailTemplate(owner, 'Thank you');
    await automation(owner, { trigger: { kind: 'DEAL_STAGE_REACHED', stageId: second }, steps: [{ kind: 'SEND_EMAIL', templateId: reached }] });
    await automation(owner, { trigger: { kind: 'DEAL_WON', pipelineId: pipelines[0]?.id }, steps: [{ kind: 'SEND_EMAIL', templateId: won }] });
    const customerId = idOf(await kontor.gql(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: { name: 'Buyer SRL' } }, owner.token), 'createCustomer');
    const address = uniqueEmail('buyer');
    const contactId = await person(owner, { firstName: 'Dana', email: address, customerId, emailConsent: 'GRANTED', consentSource: 'form' });
    const dealId = idOf(await kontor.gql(`mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }`, { input: { title: 'Big one', customerId, contactId, stageId: first } }, owner.token), 'createDeal');
    const move = (stageId: string) => kontor.gql(`mutation($input: MoveDealInput!) { moveDeal(input: $input) { id } }`, { input: { id: dealId, stageId } }, owner.token);
    ok(await move(second));
    await sink.waitFor(address, (m) => m.subject === 'Proposal stage');
    // Back and forth: the deal reached that stage before.
    ok(await move(first));
    ok(await move(second));
    ok(await kontor.gql(`mutation($input: CloseDealInput!) { closeDeal(input: $input) { id } }`, { input: { id: dealId, won: true } }, owner.token));
    await sink.waitFor(address, (m) => m.subject === 'Thank you');
    // Reopened and won again: thanked once.
    ok(await kontor.gql(`mutation($input: ReopenDealInput!) { reopenDeal(input: $input) { id } }`, { input: { id: dealId } }, owner.token));
    ok(await kontor.gql(`mutation($input: CloseDealInput!) { closeDeal(input: $input) { id } }`, { input: { id: dealId, won: true } }, owner.token));
    await settle();
    expect(mailsTo(address, 'Proposal stage')).toHaveLength(1);
    expect(mailsTo(address, 'Thank you')).toHaveLength(1);
  });

  it('an overdue task and a date field are found by the sweep, once', async () => {
    const owner = await company();
    const overdue = await emailTemplate(owner, 'Sorry for the wait');
    const birthday = await emailTemplate(owner, 'Happy birthday');
    const renewal = await emailTemplate(owner, 'Renewal today');
    for (const [key, label] of [['birthday', 'Birthday'], ['renewal', 'Renewal']]) {
      ok(await kontor.gql(`mutation($input: CreateCustomFieldInput!) { createCustomField(input: $input) { id } }`, { input: { entity: 'CONTACT', key, label, type: 'DATE' } }, owner.token));
    }
    const zone = String((await db.query(`select time_zone from tenant_settings where tenant_id = $1`, [uuid(owner.tenantId)])).rows[0]?.time_zone);
    const day = (offsetDays: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offsetDays * 86_400_000));
    const today = day(0);
    await automation(owner, { trigger: { kind: 'TASK_OVERDUE' }, steps: [{ kind: 'SEND_EMAIL', templateId: overdue }] });
    await automation(owner, { trigger: { kind: 'DATE_FIELD', customFieldKey: 'birthday', hour: 0 }, steps: [{ kind: 'SEND_EMAIL', templateId: birthday }] });
    await automation(owner, { trigger: { kind: 'DATE_FIELD', customFieldKey: 'renewal', dateMode: 'ON_DATE', hour: 0 }, steps: [{ kind: 'SEND_EMAIL', templateId: renewal }] });
    const late = uniqueEmail('late');
    const lateId = await person(owner, { firstName: 'Lia', email: late, emailConsent: 'GRANTED', consentSource: 'form' });
    const born = uniqueEmail('born');
    await person(owner, { firstName: 'Bea', email: born, emailConsent: 'GRANTED', consentSource: 'form', customFields: [{ key: 'birthday', date: `1990-${today.slice(5)}` }, { key: 'renewal', date: today }] });
    const notYet = uniqueEmail('notyet');
    await person(owner, { firstName: 'Nia', email: notYet, emailConsent: 'GRANTED', consentSource: 'form', customFields: [{ key: 'birthday', date: `1990-${day(1).slice(5)}` }, { key: 'renewal', date: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}` }] });
    const dueAt = new Date(Date.now() + 1_500).toISOString();
    ok(await kontor.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { title: 'Call Lia back', dueAt, subjectType: 'CONTACT', subjectId: lateId } }, owner.token));
    const done = ok(await kontor.gql<{ createTask: { id: string } }>(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { title: 'Done in time', dueAt, subjectType: 'CONTACT', subjectId: lateId } }, owner.token)).createTask.id;
    ok(await kontor.gql(`mutation($input: CompleteTaskInput!) { completeTask(input: $input) { id } }`, { input: { id: done, done: true } }, owner.token));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await sweep(owner);
    await sink.waitFor(late, (m) => m.subject === 'Sorry for the wait');
    await sink.waitFor(born, (m) => m.subject === 'Happy birthday');
    await sink.waitFor(born, (m) => m.subject === 'Renewal today');
    await sweep(owner);
    await settle();
    expect(mailsTo(late, 'Sorry for the wait')).toHaveLength(1);
    expect(mailsTo(born, 'Happy birthday')).toHaveLength(1);
    expect(mailsTo(born, 'Renewal today')).toHaveLength(1);
    expect(sink.to(notYet)).toHaveLength(0);
    const occurrence = (await db.query(`select occurrence_key from mkt_automation_runs r join crm_contacts c on c.id = r.contact_id where c.email = $1 order by occurrence_key`, [born])).rows.map((r: { occurrence_key: string }) => r.occurrence_key);
    expect(occurrence).toEqual([`date:${today}`, `date:${today}`]);
  });
});

describe('switches', () => {
  it('a paused automation reacts to nothing and its runs wait; switched on, they go on', async () => {
    const owner = await company();
    const email = await emailTemplate(owner, 'After an hour');
    const id = await automation(owner, { trigger: { kind: 'CONTACT_CREATED' }, steps: [{ kind: 'WAIT', hours: 1 }, { kind: 'SEND_EMAIL', templateId: email }] });
    const ana = uniqueEmail('ana');
    await person(owner, { firstName: 'Ana', email: ana, emailConsent: 'GRANTED', consentSource: 'form' });
    await until(() => view(owner, id), (v) => v.runs.edges[0]?.node.stepPosition === 1, 'waiting');
    expect(ok(await kontor.gql<{ pauseAutomation: { status: string } }>(PAUSE, { input: { id } }, owner.token)).pauseAutomation.status).toBe('PAUSED');
    const bob = uniqueEmail('bob');
    await person(owner, { firstName: 'Bob', email: bob, emailConsent: 'GRANTED', consentSource: 'form' });
    await timeTravel(id);
    await sweep(owner);
    await settle();
    expect((await view(owner, id)).stats).toMatchObject({ runs: 1, active: 1 });
    expect(sink.to(ana)).toHaveLength(0);
    ok(await kontor.gql(ACTIVATE, { input: { id } }, owner.token));
    await sink.waitFor(ana, (m) => m.subject === 'After an hour');
    await settle();
    expect((await view(owner, id)).stats).toMatchObject({ runs: 1, done: 1 });
    expect(sink.to(bob)).toHaveLength(0);
  });

  it('with marketing off its automations are gone from the API and people created meanwhile start nothing', async () => {
    const owner = await company();
    const email = await emailTemplate(owner, 'Hi there');
    const id = await automation(owner, { trigger: { kind: 'CONTACT_CREATED' }, steps: [{ kind: 'SEND_EMAIL', templateId: email }] });
    const SWITCH = `mutation($input: SetModuleEnabledInput!) { setModuleEnabled(input: $input) { key enabled } }`;
    ok(await kontor.gql(SWITCH, { input: { module: 'MARKETING', enabled: false } }, owner.token));
    expect(errorCode(await kontor.gql(AUTOMATION, { id }, owner.token))).toBe('MODULE_DISABLED');
    expect(errorCode(await kontor.gql(ACTIVATE, { input: { id } }, owner.token))).toBe('MODULE_DISABLED');
    const off = uniqueEmail('off');
    await person(owner, { firstName: 'Off', email: off, emailConsent: 'GRANTED', consentSource: 'form' });
    ok(await kontor.gql(SWITCH, { input: { module: 'MARKETING', enabled: true } }, owner.token));
    const on = uniqueEmail('on');
    await person(owner, { firstName: 'On', email: on, emailConsent: 'GRANTED', consentSource: 'form' });
    await sink.waitFor(on, (m) => m.subject === 'Hi there');
    await settle();
    expect(sink.to(off)).toHaveLength(0);
    expect((await view(owner, id)).stats.runs).toBe(1);
  });
});

describe('companies stay apart', () => {
  it("jobs naming another company's runs, people or automations change nothing", async () => {
    const a = await company();
    const b = await company();
    const email = await emailTemplate(a, 'For A only');
    const id = await automation(a, { trigger: { kind: 'CONTACT_CREATED' }, steps: [{ kind: 'WAIT', hours: 1 }, { kind: 'SEND_EMAIL', templateId: email }] });
    const address = uniqueEmail('a-person');
    const contactId = await person(a, { firstName: 'Ada', email: address, emailConsent: 'GRANTED', consentSource: 'form' });
    const waiting = await until(() => view(a, id), (v) => v.runs.edges[0]?.node.stepPosition === 1, 'waiting');
    const runId = uuid(waiting.runs.edges[0]?.node.id ?? '');
    await timeTravel(id);
    // B's jobs: move A's run, enroll A's person, sweep B.
    const bTenant = uuid(b.tenantId);
    await kontor.app.jobs.add(AUTOMATION_QUEUE, ADVANCE_JOB, { tenantId: bTenant, runId }, { jobId: `x-${randomUUID()}` });
    await kontor.app.jobs.add(AUTOMATION_QUEUE, ENROLL_JOB, { tenantId: bTenant, kind: 'CONTACT_CREATED', occurrences: [{ contactId: uuid(contactId), key: 'again' }] }, { jobId: `x-${randomUUID()}` });
    await sweep(b);
    await settle();
    expect(sink.to(address)).toHaveLength(0);
    expect((await view(a, id)).stats).toMatchObject({ runs: 1, active: 1 });
    expect((await db.query(`select count(*)::int as n from mkt_automation_runs where tenant_id = $1`, [bTenant])).rows[0]).toEqual({ n: 0 });

    // The database itself: B's transaction sees none of A's automation rows and cannot write into A.
    await appDb.query('begin');
    try {
      await appDb.query(`select set_config('app.tenant_id', $1, true)`, [bTenant]);
      for (const table of ['mkt_automations', 'mkt_automation_steps', 'mkt_automation_runs', 'mkt_automation_step_runs', 'mkt_automation_sends']) {
        expect((await appDb.query(`select count(*)::int as n from ${table}`)).rows[0], table).toEqual({ n: 0 });
      }
      await appDb.query('savepoint s');
      await expect(appDb.query(`update mkt_automation_runs set status = 'DONE' where id = $1`, [runId]).then((r) => r.rowCount)).resolves.toBe(0);
      await expect(
        appDb.query(`insert into mkt_automations (tenant_id, id, created_at, updated_at, name, trigger_kind, trigger_config, sweep_state) values ($1, gen_random_uuid(), now(), now(), 'x', 'CONTACT_CREATED', '{}', '{}')`, [uuid(a.tenantId)]),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await appDb.query('rollback');
    }
    // Composite keys: even the owner (who bypasses RLS) cannot give B a run of A's automation.
    await expect(
      db.query(
        `insert into mkt_automation_runs (tenant_id, id, created_at, updated_at, automation_id, contact_id, occurrence_key, status, step_position, context) values ($1, gen_random_uuid(), now(), now(), $2, $3, 'x', 'ACTIVE', 0, '{}')`,
        [bTenant, uuid(id), uuid(contactId)],
      ),
    ).rejects.toThrow(/foreign key/);
    // A's run still goes on, in A.
    await sweep(a);
    await sink.waitFor(address, (m) => m.subject === 'For A only');
  });
});
