import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../api/src/graphql/global-id.js';
import { errorCode, ok, signUp, startKontor, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';
import { join, recordingMailbox } from '../support/members.js';

// ---------------------------------------------------------------------------------------------
// GraphQL documents and shapes

interface InteractionView {
  id: string;
  kind: string;
  direction: string | null;
  occurredAt: string;
  durationSeconds: number | null;
  outcome: string | null;
  subject: string | null;
  body: string | null;
  contactId: string | null;
  contactName: string | null;
  customerId: string | null;
  customerName: string | null;
  loggedBy: { id: string; email: string } | null;
  createdAt: string;
}
interface Page<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: N }[];
}
interface TaskView {
  id: string;
  title: string;
  subjectType: string | null;
  subjectId: string | null;
  createdAt: string;
  completedAt: string | null;
}
interface EntryView {
  kind: 'INTERACTION' | 'TASK_CREATED' | 'TASK_COMPLETED';
  at: string;
  interaction: InteractionView | null;
  task: TaskView | null;
}

const INTERACTION_FIELDS = 'id kind direction occurredAt durationSeconds outcome subject body contactId contactName customerId customerName loggedBy { id email } createdAt';
const TASK_FIELDS = 'id title subjectType subjectId createdAt completedAt';
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { ${INTERACTION_FIELDS} } }`;
const DELETE = `mutation($input: DeleteInteractionInput!) { deleteInteraction(input: $input) }`;
const GET = `query($id: ID!) { interaction(id: $id) { ${INTERACTION_FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $subject: TimelineSubject, $kind: InteractionKind) {
  interactions(first: $first, after: $after, subject: $subject, kind: $kind) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${INTERACTION_FIELDS} } }
  }
}`;
const TIMELINE = `query($subject: TimelineSubject!, $first: Int, $after: String) {
  timeline(subject: $subject, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { kind at interaction { ${INTERACTION_FIELDS} } task { ${TASK_FIELDS} } } }
  }
}`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;
const UPDATE_CONTACT = `mutation($input: UpdateContactInput!) { updateContact(input: $input) { id } }`;
const DELETE_CONTACT = `mutation($input: DeleteContactInput!) { deleteContact(input: $input) }`;
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { ${TASK_FIELDS} } }`;
const COMPLETE_TASK = `mutation($input: CompleteTaskInput!) { completeTask(input: $input) { ${TASK_FIELDS} } }`;
const SET_OPTION = `mutation($input: SetFeatureOptionInput!) { setFeatureOption(input: $input) { key } }`;
const REMOVE_MEMBER = `mutation($input: RemoveMemberInput!) { removeMember(input: $input) }`;
const CREATE_API_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;

type Subject = { type: 'CONTACT' | 'CUSTOMER'; id: string };

/** The GraphQL calls of this file, for one running Kontor. */
function api(kontor: Kontor) {
  return {
    log: async (token: string, input: Record<string, unknown>): Promise<InteractionView> => ok(await kontor.gql<{ logInteraction: InteractionView }>(LOG, { input }, token)).logInteraction,
    get: async (token: string, id: string): Promise<InteractionView> => ok(await kontor.gql<{ interaction: InteractionView }>(GET, { id }, token)).interaction,
    remove: async (token: string, id: string): Promise<string> => ok(await kontor.gql<{ deleteInteraction: string }>(DELETE, { input: { id } }, token)).deleteInteraction,
    list: async (token: string, variables: Record<string, unknown> = {}): Promise<Page<InteractionView>> =>
      ok(await kontor.gql<{ interactions: Page<InteractionView> }>(LIST, { first: 50, ...variables }, token)).interactions,
    timeline: async (token: string, subject: Subject, variables: Record<string, unknown> = {}): Promise<Page<EntryView>> =>
      ok(await kontor.gql<{ timeline: Page<EntryView> }>(TIMELINE, { subject, first: 50, ...variables }, token)).timeline,
    contact: async (token: string, input: Record<string, unknown>): Promise<string> => ok(await kontor.gql<{ createContact: { id: string } }>(CREATE_CONTACT, { input }, token)).createContact.id,
    customer: async (token: string, input: Record<string, unknown>): Promise<string> => ok(await kontor.gql<{ createCustomer: { id: string } }>(CREATE_CUSTOMER, { input }, token)).createCustomer.id,
    task: async (token: string, input: Record<string, unknown>): Promise<TaskView> => ok(await kontor.gql<{ createTask: TaskView }>(CREATE_TASK, { input }, token)).createTask,
    complete: async (token: string, id: string): Promise<TaskView> => ok(await kontor.gql<{ completeTask: TaskView }>(COMPLETE_TASK, { input: { id } }, token)).completeTask,
    setFeature: async (token: string, key: string, enabled: boolean): Promise<void> => {
      ok(await kontor.gql(SET_OPTION, { input: { key, enabled } }, token));
    },
  };
}

/** The one error of a refused request: its extensions. */
function problem(result: GqlResult<unknown>): Record<string, unknown> | undefined {
  expect(result.errors, JSON.stringify(result.errors)).toHaveLength(1);
  return result.errors?.[0]?.extensions;
}

const ids = (page: { edges: { node: { id: string } }[] }): string[] => page.edges.map((e) => e.node.id);
const uuid = (globalId: string, type: string): string => fromGlobalId(type, globalId, ['id']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** An ISO time `ms` from now (negative: in the past). */
const fromNow = (ms: number): string => new Date(Date.now() + ms).toISOString();
const HOUR = 3_600_000;

/** Interactions in the order the list promises: newest first, ties by id (descending, as the keyset). */
function newestFirst(list: InteractionView[]): string[] {
  return [...list].sort((x, y) => y.occurredAt.localeCompare(x.occurredAt) || uuid(y.id, 'Interaction').localeCompare(uuid(x.id, 'Interaction'))).map((x) => x.id);
}

/** What a timeline entry is about, as `KIND:id`: one string per entry, to compare whole timelines. */
function entryKey(entry: EntryView): string {
  const item = entry.kind === 'INTERACTION' ? entry.interaction : entry.task;
  return `${entry.kind}:${item?.id ?? 'missing'}`;
}
const entryKeys = (page: Page<EntryView>): string[] => page.edges.map((e) => entryKey(e.node));

/** Pages through a connection `first` at a time; checks each page and returns every node in order. */
async function pageThrough<N>(fetchPage: (after: string | null) => Promise<Page<N>>, first: number, total: number): Promise<N[]> {
  const seen: N[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page: Page<N> = await fetchPage(after);
    pages++;
    expect(page.totalCount).toBe(total);
    expect(page.edges.length).toBeLessThanOrEqual(first);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    seen.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
    if (pages > 50) throw new Error('paging does not end');
  }
  expect(pages).toBe(Math.max(1, Math.ceil(total / first)));
  return seen;
}

// ---------------------------------------------------------------------------------------------

describe('CRM interactions and timelines through GraphQL', () => {
  let kontor: Kontor;
  let t: ReturnType<typeof api>;
  /** Invitations carry their link: the mailing worker keeps each email's text. */
  const { workers: recordingWorkers, mailText } = recordingMailbox();

  beforeAll(async () => {
    // Only the mailing queue is worked: invitations carry their link. Reminders are not this file's subject.
    kontor = await startKontor({ workers: recordingWorkers });
    t = api(kontor);
  });
  afterAll(() => kontor.close());

  it('logs each kind with its own fields; the person’s customer is filled in, an explicit customerId wins', async () => {
    const owner = await signUp(kontor);
    const acme = await t.customer(owner.token, { name: 'Acme SRL' });
    const beta = await t.customer(owner.token, { name: 'Beta SA' });
    const ana = await t.contact(owner.token, { firstName: 'Ana', lastName: 'Popescu', customerId: acme });
    const lone = await t.contact(owner.token, { firstName: 'Lone' });

    const meeting = await t.log(owner.token, {
      kind: 'MEETING',
      occurredAt: '2024-03-01T10:00:00.000Z',
      durationSeconds: 3_600,
      subject: '  Quarterly review  ',
      body: ' Agreed on the new prices. ',
      contactId: ana,
    });
    expect(meeting).toMatchObject({
      kind: 'MEETING',
      direction: null,
      occurredAt: '2024-03-01T10:00:00.000Z',
      durationSeconds: 3_600,
      outcome: null,
      subject: 'Quarterly review',
      body: 'Agreed on the new prices.',
      contactId: ana,
      contactName: 'Ana Popescu',
      // Filled in from the person.
      customerId: acme,
      customerName: 'Acme SRL',
      loggedBy: { id: owner.userId, email: owner.email },
    });
    expect(await t.get(owner.token, meeting.id)).toEqual(meeting);

    const call = await t.log(owner.token, { kind: 'CALL', direction: 'OUTBOUND', outcome: 'NO_ANSWER', durationSeconds: 0, occurredAt: '2024-03-02T09:00:00.000Z', contactId: ana });
    expect(call).toMatchObject({ kind: 'CALL', direction: 'OUTBOUND', outcome: 'NO_ANSWER', durationSeconds: 0, subject: null, body: null, customerId: acme });
    // A day is the longest call.
    expect((await t.log(owner.token, { kind: 'CALL', direction: 'INBOUND', outcome: 'REACHED', durationSeconds: 86_400, contactId: lone })).durationSeconds).toBe(86_400);

    const sms = await t.log(owner.token, { kind: 'SMS', direction: 'INBOUND', body: 'See you at 10', contactId: ana });
    expect(sms).toMatchObject({ kind: 'SMS', direction: 'INBOUND', durationSeconds: null, outcome: null, body: 'See you at 10', contactId: ana, customerId: acme });

    const email = await t.log(owner.token, { kind: 'EMAIL', direction: 'OUTBOUND', subject: 'Offer', body: 'Attached.', contactId: lone });
    // A person without a customer: none is filled in.
    expect(email).toMatchObject({ kind: 'EMAIL', direction: 'OUTBOUND', subject: 'Offer', contactId: lone, contactName: 'Lone', customerId: null, customerName: null });

    // A note about the customer alone.
    const note = await t.log(owner.token, { kind: 'NOTE', body: 'Pays late', subject: '   ', customerId: beta });
    expect(note).toMatchObject({ kind: 'NOTE', direction: null, subject: null, body: 'Pays late', contactId: null, contactName: null, customerId: beta, customerName: 'Beta SA' });

    // The person with another customer named explicitly: that customer wins.
    const explicit = await t.log(owner.token, { kind: 'MEETING', contactId: ana, customerId: beta, occurredAt: '2024-03-03T09:00:00.000Z' });
    expect(explicit).toMatchObject({ contactId: ana, customerId: beta, customerName: 'Beta SA' });

    // Without occurredAt it happened now; a couple of minutes ahead is a clock difference, accepted.
    const before = Date.now();
    const now = await t.log(owner.token, { kind: 'NOTE', body: 'Just now', contactId: ana });
    expect(Date.parse(now.occurredAt)).toBeGreaterThanOrEqual(before - 1_000);
    expect(Date.parse(now.occurredAt)).toBeLessThanOrEqual(Date.now() + 1_000);
    const soon = fromNow(2 * 60_000);
    expect((await t.log(owner.token, { kind: 'NOTE', body: 'Device clock ahead', contactId: ana, occurredAt: soon })).occurredAt).toBe(soon);

    // The customer is the person's customer when it was logged: moving them later leaves history where it was.
    ok(await kontor.gql(UPDATE_CONTACT, { input: { id: ana, customerId: beta } }, owner.token));
    expect((await t.get(owner.token, meeting.id)).customerId).toBe(acme);
    expect((await t.log(owner.token, { kind: 'NOTE', body: 'After the move', contactId: ana })).customerId).toBe(beta);
  });

  it('refuses wrong input with the field path and reason, and writes nothing of a refused request', async () => {
    const owner = await signUp(kontor);
    const stranger = await signUp(kontor);
    const acme = await t.customer(owner.token, { name: 'Acme' });
    const ana = await t.contact(owner.token, { firstName: 'Ana', customerId: acme });
    const strangersContact = await t.contact(stranger.token, { firstName: 'Elsewhere' });
    const strangersCustomer = await t.customer(stranger.token, { name: 'Elsewhere Ltd' });
    const cases: [Record<string, unknown>, string[], string, Record<string, unknown>?][] = [
      // With nobody.
      [{ kind: 'NOTE', body: 'About nobody' }, ['input', 'contactId'], 'REQUIRED'],
      [{ kind: 'CALL', direction: 'INBOUND', contactId: null, customerId: null }, ['input', 'contactId'], 'REQUIRED'],
      // Calls, SMS and email need a direction; meetings and notes have none.
      [{ kind: 'CALL', contactId: ana }, ['input', 'direction'], 'REQUIRED'],
      [{ kind: 'SMS', body: 'Hi', contactId: ana }, ['input', 'direction'], 'REQUIRED'],
      [{ kind: 'EMAIL', subject: 'Hi', contactId: ana, direction: null }, ['input', 'direction'], 'REQUIRED'],
      [{ kind: 'MEETING', direction: 'INBOUND', contactId: ana }, ['input', 'direction'], 'INVALID'],
      [{ kind: 'NOTE', direction: 'OUTBOUND', body: 'x', contactId: ana }, ['input', 'direction'], 'INVALID'],
      // Only calls have an outcome.
      [{ kind: 'SMS', direction: 'OUTBOUND', outcome: 'REACHED', contactId: ana }, ['input', 'outcome'], 'INVALID'],
      [{ kind: 'EMAIL', direction: 'OUTBOUND', outcome: 'BUSY', contactId: ana }, ['input', 'outcome'], 'INVALID'],
      [{ kind: 'MEETING', outcome: 'REACHED', contactId: ana }, ['input', 'outcome'], 'INVALID'],
      [{ kind: 'NOTE', outcome: 'VOICEMAIL', body: 'x', contactId: ana }, ['input', 'outcome'], 'INVALID'],
      // Only calls and meetings have a duration, of 0 to 86,400 seconds.
      [{ kind: 'SMS', direction: 'INBOUND', durationSeconds: 30, contactId: ana }, ['input', 'durationSeconds'], 'INVALID'],
      [{ kind: 'EMAIL', direction: 'INBOUND', durationSeconds: 0, contactId: ana }, ['input', 'durationSeconds'], 'INVALID'],
      [{ kind: 'NOTE', body: 'x', durationSeconds: 60, contactId: ana }, ['input', 'durationSeconds'], 'INVALID'],
      [{ kind: 'CALL', direction: 'INBOUND', durationSeconds: -1, contactId: ana }, ['input', 'durationSeconds'], 'INVALID'],
      [{ kind: 'CALL', direction: 'INBOUND', durationSeconds: 86_401, contactId: ana }, ['input', 'durationSeconds'], 'INVALID'],
      [{ kind: 'MEETING', durationSeconds: 1_000_000, contactId: ana }, ['input', 'durationSeconds'], 'INVALID'],
      // Not in the future beyond five minutes of clock difference.
      [{ kind: 'MEETING', occurredAt: fromNow(10 * 60_000), contactId: ana }, ['input', 'occurredAt'], 'INVALID'],
      [{ kind: 'CALL', direction: 'OUTBOUND', occurredAt: fromNow(24 * HOUR), contactId: ana }, ['input', 'occurredAt'], 'INVALID'],
      // A note needs its text.
      [{ kind: 'NOTE', contactId: ana }, ['input', 'body'], 'REQUIRED'],
      [{ kind: 'NOTE', body: '   ', subject: 'Only a subject', contactId: ana }, ['input', 'body'], 'REQUIRED'],
      // Lengths.
      [{ kind: 'MEETING', subject: 's'.repeat(301), contactId: ana }, ['input', 'subject'], 'TOO_LONG', { max: 300 }],
      [{ kind: 'NOTE', body: 'b'.repeat(20_001), contactId: ana }, ['input', 'body'], 'TOO_LONG', { max: 20_000 }],
      // Malformed ids.
      [{ kind: 'MEETING', contactId: 'garbage' }, ['input', 'contactId'], 'INVALID'],
      [{ kind: 'MEETING', customerId: 'garbage' }, ['input', 'customerId'], 'INVALID'],
    ];
    for (const [input, path, reason, params] of cases) {
      const result = await kontor.gql(LOG, { input }, owner.token);
      const label = JSON.stringify(input).slice(0, 120);
      expect(problem(result), label).toMatchObject({ code: 'BAD_USER_INPUT', path, field: path.join('.'), reason, ...(params ? { params } : {}) });
      expect(result.data ?? null, label).toBeNull();
    }
    // The longest accepted texts pass.
    const longest = await t.log(owner.token, { kind: 'NOTE', subject: 's'.repeat(300), body: 'b'.repeat(20_000), contactId: ana });
    expect([longest.subject?.length, longest.body?.length]).toEqual([300, 20_000]);

    // Whoever it was with must exist here: unknown ids, another tenant's, an id of another type.
    const notFound: [Record<string, unknown>, string][] = [
      [{ kind: 'MEETING', contactId: toGlobalId('Contact', randomUUID()) }, 'Contact'],
      [{ kind: 'MEETING', contactId: strangersContact }, 'Contact'],
      [{ kind: 'MEETING', contactId: acme }, 'Contact'],
      [{ kind: 'MEETING', customerId: toGlobalId('Customer', randomUUID()) }, 'Customer'],
      [{ kind: 'MEETING', customerId: strangersCustomer }, 'Customer'],
      [{ kind: 'MEETING', customerId: ana }, 'Customer'],
      // A valid person does not excuse a customer of another tenant.
      [{ kind: 'MEETING', contactId: ana, customerId: strangersCustomer }, 'Customer'],
    ];
    for (const [input, entity] of notFound) {
      const result = await kontor.gql(LOG, { input }, owner.token);
      expect(problem(result), JSON.stringify(input)).toMatchObject({ code: 'NOT_FOUND', entity });
      expect(result.data ?? null).toBeNull();
    }

    // A refusal in the same document as a valid logInteraction drops both.
    const mixed = await kontor.gql(
      `mutation($ok: LogInteractionInput!, $bad: LogInteractionInput!) { first: logInteraction(input: $ok) { id } second: logInteraction(input: $bad) { id } }`,
      { ok: { kind: 'NOTE', body: 'Would be dropped', contactId: ana }, bad: { kind: 'NOTE', contactId: ana } },
      owner.token,
    );
    expect(errorCode(mixed)).toBe('BAD_USER_INPUT');
    expect(mixed.data ?? null).toBeNull();

    // Nothing refused was written: only the one valid note, in the list, on both timelines; nothing in the stranger's tenant.
    const all = await t.list(owner.token);
    expect(ids(all)).toEqual([longest.id]);
    expect(all.totalCount).toBe(1);
    expect(entryKeys(await t.timeline(owner.token, { type: 'CONTACT', id: ana }))).toEqual([`INTERACTION:${longest.id}`]);
    expect(entryKeys(await t.timeline(owner.token, { type: 'CUSTOMER', id: acme }))).toEqual([`INTERACTION:${longest.id}`]);
    expect((await t.list(stranger.token)).totalCount).toBe(0);
  });

  it('an explicit customerId: null keeps the person’s customer out', async () => {
    const owner = await signUp(kontor);
    const acme = await t.customer(owner.token, { name: 'Recorded Acme' });
    const ana = await t.contact(owner.token, { firstName: 'Ana', customerId: acme });
    const personal = ok(await kontor.gql<{ logInteraction: { customerId: string | null } }>(LOG, { input: { kind: 'NOTE', body: 'Private matter', contactId: ana, customerId: null } }, owner.token)).logInteraction;
    expect(personal.customerId).toBeNull();
    expect(entryKeys(await t.timeline(owner.token, { type: 'CUSTOMER', id: acme }))).toEqual([]);
  });

  // Year 0000 (1 BC) is valid RFC 3339 but not storable: the DateTime scalar refuses it as input.
  it('refuses an occurredAt PostgreSQL cannot store as input, not as an internal error', async () => {
    const owner = await signUp(kontor);
    const ana = await t.contact(owner.token, { firstName: 'Ana' });
    const result = await kontor.gql(LOG, { input: { kind: 'MEETING', contactId: ana, occurredAt: '0000-06-01T00:00:00.000Z' } }, owner.token);
    expect(problem(result)).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'occurredAt'], reason: 'INVALID' });
    expect((await t.list(owner.token)).totalCount).toBe(0);
  });

  describe('the interactions list: filters, order, pages', () => {
    let owner: SignedUp;
    let acme: string;
    let ana: string;
    let ion: string;
    const made: InteractionView[] = [];

    beforeAll(async () => {
      owner = await signUp(kontor);
      acme = await t.customer(owner.token, { name: 'Acme' });
      ana = await t.contact(owner.token, { firstName: 'Ana', customerId: acme });
      ion = await t.contact(owner.token, { firstName: 'Ion' });
      const specs: Record<string, unknown>[] = [
        { kind: 'CALL', direction: 'OUTBOUND', contactId: ana, occurredAt: '2024-01-01T09:00:00.000Z' },
        { kind: 'EMAIL', direction: 'INBOUND', contactId: ana, occurredAt: '2024-01-03T09:00:00.000Z' },
        { kind: 'NOTE', body: 'Company only', customerId: acme, occurredAt: '2024-01-02T09:00:00.000Z' },
        { kind: 'CALL', direction: 'INBOUND', contactId: ion, occurredAt: '2024-01-05T09:00:00.000Z' },
        // Three at the same moment: ties are ordered by id, still without repeats or gaps.
        { kind: 'MEETING', contactId: ion, occurredAt: '2024-01-04T09:00:00.000Z' },
        { kind: 'SMS', direction: 'OUTBOUND', contactId: ana, occurredAt: '2024-01-04T09:00:00.000Z' },
        { kind: 'CALL', direction: 'OUTBOUND', contactId: ana, occurredAt: '2024-01-04T09:00:00.000Z' },
        { kind: 'MEETING', contactId: ana, occurredAt: '2023-12-31T23:59:59.999Z' },
        { kind: 'NOTE', body: 'Latest', contactId: ion, occurredAt: '2024-02-01T00:00:00.000Z' },
      ];
      for (const input of specs) made.push(await t.log(owner.token, input));
    });

    const where = (test: (x: InteractionView) => boolean): string[] => newestFirst(made.filter(test));

    it('lists newest first (ties by id), with totalCount', async () => {
      const page = await t.list(owner.token);
      expect(ids(page)).toEqual(newestFirst(made));
      expect(page.totalCount).toBe(made.length);
      expect(page.pageInfo.hasNextPage).toBe(false);
      // The default page size covers these.
      const byDefault = ok(await kontor.gql<{ interactions: Page<InteractionView> }>(`{ interactions { totalCount edges { node { id } } } }`, {}, owner.token)).interactions;
      expect(ids(byDefault)).toEqual(newestFirst(made));
    });

    it('filters by subject (person or customer) and kind, and counts each', async () => {
      const expectList = async (variables: Record<string, unknown>, expected: string[]): Promise<void> => {
        const page = await t.list(owner.token, variables);
        expect(ids(page), JSON.stringify(variables)).toEqual(expected);
        expect(page.totalCount, JSON.stringify(variables)).toBe(expected.length);
      };
      await expectList({ subject: { type: 'CONTACT', id: ana } }, where((x) => x.contactId === ana));
      await expectList({ subject: { type: 'CONTACT', id: ion } }, where((x) => x.contactId === ion));
      // The customer's: with its people (filled in) and about it alone.
      await expectList({ subject: { type: 'CUSTOMER', id: acme } }, where((x) => x.customerId === acme));
      expect(where((x) => x.customerId === acme)).toHaveLength(6);
      await expectList({ kind: 'CALL' }, where((x) => x.kind === 'CALL'));
      await expectList({ kind: 'NOTE' }, where((x) => x.kind === 'NOTE'));
      await expectList({ kind: 'CALL', subject: { type: 'CONTACT', id: ana } }, where((x) => x.kind === 'CALL' && x.contactId === ana));
      await expectList({ kind: 'SMS', subject: { type: 'CONTACT', id: ion } }, []);
      // A person who exists nowhere, or has nothing: empty.
      await expectList({ subject: { type: 'CONTACT', id: toGlobalId('Contact', randomUUID()) } }, []);
      // Malformed subject ids are bad input, with their path.
      expect(problem(await kontor.gql(LIST, { subject: { type: 'CONTACT', id: 'garbage' } }, owner.token))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['subject', 'id'] });
    });

    it('pages with first: 2, never repeating or skipping, with a filter too', async () => {
      for (const variables of [{}, { subject: { type: 'CONTACT', id: ana } }, { kind: 'CALL' }] as Record<string, unknown>[]) {
        const whole = ids(await t.list(owner.token, variables));
        const seen = ids({ edges: (await pageThrough((after) => t.list(owner.token, { ...variables, first: 2, after }), 2, whole.length)).map((node) => ({ node })) });
        expect(new Set(seen).size, JSON.stringify(variables)).toBe(seen.length);
        expect(seen, JSON.stringify(variables)).toEqual(whole);
      }
      // A cursor is refused by another order (the timeline's) and when it is not a cursor at all.
      const cursor = (await t.list(owner.token, { first: 2 })).pageInfo.endCursor;
      expect(errorCode(await kontor.gql(TIMELINE, { subject: { type: 'CONTACT', id: ana }, after: cursor }, owner.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await kontor.gql(LIST, { after: 'not-a-cursor' }, owner.token))).toBe('BAD_USER_INPUT');
    });

    it('keeps its place while new interactions are logged between pages', async () => {
      const whole = ids(await t.list(owner.token));
      const first = await t.list(owner.token, { first: 3 });
      // Newer than everything, and older than everything: neither shifts the pages already handed out.
      const newest = await t.log(owner.token, { kind: 'NOTE', body: 'Meanwhile', contactId: ion });
      const oldest = await t.log(owner.token, { kind: 'NOTE', body: 'Backdated', contactId: ion, occurredAt: '2000-01-01T00:00:00.000Z' });
      try {
        const rest: string[] = [];
        let after = first.pageInfo.endCursor;
        while (after) {
          const page = await t.list(owner.token, { first: 3, after });
          rest.push(...ids(page));
          after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        }
        expect([...ids(first), ...rest]).toEqual([...whole, oldest.id]);
        expect(rest).not.toContain(newest.id);
      } finally {
        await t.remove(owner.token, newest.id);
        await t.remove(owner.token, oldest.id);
      }
      expect(ids(await t.list(owner.token))).toEqual(whole);
    });
  });

  describe('timelines of a person and of a customer', () => {
    let owner: SignedUp;
    let acme: string;
    let ana: string;
    let ion: string;
    const interactions: Record<string, InteractionView> = {};
    let aboutAna: TaskView;
    let aboutAcme: TaskView;
    let aboutIon: TaskView;
    let done: TaskView;

    /** Sequential steps a few milliseconds apart: every entry of the timeline has its own time. */
    const step = async <T>(run: () => Promise<T>): Promise<T> => {
      await sleep(5);
      return run();
    };

    beforeAll(async () => {
      owner = await signUp(kontor);
      acme = await t.customer(owner.token, { name: 'Acme SRL' });
      ana = await t.contact(owner.token, { firstName: 'Ana', lastName: 'Popescu', customerId: acme });
      ion = await t.contact(owner.token, { firstName: 'Ion' });
      interactions.meeting = await t.log(owner.token, { kind: 'MEETING', contactId: ana, occurredAt: fromNow(-3 * HOUR), durationSeconds: 1_800 });
      interactions.customerNote = await t.log(owner.token, { kind: 'NOTE', body: 'Acme moved offices', customerId: acme, occurredAt: fromNow(-2 * HOUR) });
      interactions.call = await t.log(owner.token, { kind: 'CALL', direction: 'INBOUND', outcome: 'REACHED', contactId: ana, occurredAt: fromNow(-1 * HOUR) });
      interactions.ionCall = await t.log(owner.token, { kind: 'CALL', direction: 'OUTBOUND', contactId: ion, occurredAt: fromNow(-1.5 * HOUR) });
      aboutAna = await step(() => t.task(owner.token, { title: 'Send Ana the offer', subjectType: 'CONTACT', subjectId: ana }));
      aboutAcme = await step(() => t.task(owner.token, { title: 'Renew Acme’s contract', subjectType: 'CUSTOMER', subjectId: acme }));
      aboutIon = await step(() => t.task(owner.token, { title: 'Call Ion', subjectType: 'CONTACT', subjectId: ion }));
      // Logged now, without a time: after the tasks were created.
      interactions.email = await step(() => t.log(owner.token, { kind: 'EMAIL', direction: 'OUTBOUND', subject: 'The offer', contactId: ana }));
      done = await step(() => t.complete(owner.token, aboutAna.id));
      await step(() => t.complete(owner.token, aboutIon.id));
    });

    function interaction(name: string): InteractionView {
      const found = interactions[name];
      if (!found) throw new Error(`no interaction ${name}`);
      return found;
    }
    const anaTimeline = (): string[] => [
      `TASK_COMPLETED:${aboutAna.id}`,
      `INTERACTION:${interaction('email').id}`,
      `TASK_CREATED:${aboutAna.id}`,
      `INTERACTION:${interaction('call').id}`,
      `INTERACTION:${interaction('meeting').id}`,
    ];
    const acmeTimeline = (): string[] => [
      `INTERACTION:${interaction('email').id}`,
      `TASK_CREATED:${aboutAcme.id}`,
      `INTERACTION:${interaction('call').id}`,
      `INTERACTION:${interaction('customerNote').id}`,
      `INTERACTION:${interaction('meeting').id}`,
    ];

    it("a person's timeline: their interactions, and their tasks created and completed, newest first", async () => {
      const page = await t.timeline(owner.token, { type: 'CONTACT', id: ana });
      expect(entryKeys(page)).toEqual(anaTimeline());
      expect(page.totalCount).toBe(5);
      expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
      // Newest first, by each entry's own time.
      const times = page.edges.map((e) => Date.parse(e.node.at));
      expect(times).toEqual([...times].sort((x, y) => y - x));
      for (const { node } of page.edges) {
        // Exactly one item per entry, and `at` is that item's moment.
        if (node.kind === 'INTERACTION') {
          expect(node.task).toBeNull();
          expect(node.at).toBe(node.interaction?.occurredAt);
        } else {
          expect(node.interaction).toBeNull();
          expect(node.at).toBe(node.kind === 'TASK_CREATED' ? node.task?.createdAt : node.task?.completedAt);
        }
      }
      const [completed, email] = page.edges.map((e) => e.node);
      expect(completed?.task).toMatchObject({ id: aboutAna.id, title: 'Send Ana the offer', subjectType: 'CONTACT', subjectId: ana, completedAt: done.completedAt });
      expect(email?.interaction).toEqual(interaction('email'));
    });

    it("a customer's timeline: interactions with its people and about it, and tasks about it", async () => {
      const page = await t.timeline(owner.token, { type: 'CUSTOMER', id: acme });
      expect(entryKeys(page)).toEqual(acmeTimeline());
      expect(page.totalCount).toBe(5);
      expect(page.edges.find((e) => e.node.task)?.node.task).toMatchObject({ id: aboutAcme.id, subjectType: 'CUSTOMER', subjectId: acme, completedAt: null });
      // Nothing of another person or customer.
      expect(JSON.stringify(page)).not.toContain(ion);
      expect(JSON.stringify(page)).not.toContain(aboutIon.id);
      expect(entryKeys(await t.timeline(owner.token, { type: 'CONTACT', id: ion }))).toEqual([`TASK_COMPLETED:${aboutIon.id}`, `TASK_CREATED:${aboutIon.id}`, `INTERACTION:${interaction('ionCall').id}`]);
    });

    it('pages with first: 2 and cursors that hold across pages, counting everything on each page', async () => {
      for (const [subject, expected] of [
        [{ type: 'CONTACT', id: ana }, anaTimeline()],
        [{ type: 'CUSTOMER', id: acme }, acmeTimeline()],
      ] as [Subject, string[]][]) {
        const nodes = await pageThrough((after) => t.timeline(owner.token, subject, { first: 2, after }), 2, expected.length);
        expect(nodes.map(entryKey)).toEqual(expected);
        // A page's cursor asked again gives the same page.
        const first = await t.timeline(owner.token, subject, { first: 2 });
        const second = await t.timeline(owner.token, subject, { first: 2, after: first.pageInfo.endCursor });
        expect(await t.timeline(owner.token, subject, { first: 2, after: first.pageInfo.endCursor })).toEqual(second);
        // Each edge's cursor continues right after it.
        const middle = first.edges[0]?.cursor;
        expect(entryKeys(await t.timeline(owner.token, subject, { first: 50, after: middle }))).toEqual(expected.slice(1));
      }
      // A new entry logged meanwhile (the newest) does not shift the pages after a cursor.
      const first = await t.timeline(owner.token, { type: 'CONTACT', id: ana }, { first: 2 });
      const meanwhile = await t.log(owner.token, { kind: 'NOTE', body: 'Meanwhile', contactId: ana });
      try {
        const rest = await t.timeline(owner.token, { type: 'CONTACT', id: ana }, { first: 50, after: first.pageInfo.endCursor });
        expect([...entryKeys(first), ...entryKeys(rest)]).toEqual(anaTimeline());
        expect(rest.totalCount).toBe(6);
      } finally {
        await t.remove(owner.token, meanwhile.id);
      }
      // A timeline cursor is no cursor of the interactions list, nor garbage.
      expect(errorCode(await kontor.gql(LIST, { after: first.pageInfo.endCursor }, owner.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await kontor.gql(TIMELINE, { subject: { type: 'CONTACT', id: ana }, after: 'nope' }, owner.token))).toBe('BAD_USER_INPUT');
    });

    it('with CRM.tasks off the timeline shows only interactions (counted alone); switched on, the tasks are back', async () => {
      await t.setFeature(owner.token, 'CRM.tasks', false);
      try {
        const person = await t.timeline(owner.token, { type: 'CONTACT', id: ana });
        const onlyInteractions = anaTimeline().filter((k) => k.startsWith('INTERACTION:'));
        expect(entryKeys(person)).toEqual(onlyInteractions);
        expect(person.totalCount).toBe(onlyInteractions.length);
        expect(person.edges.every((e) => e.node.task === null)).toBe(true);
        const customer = await t.timeline(owner.token, { type: 'CUSTOMER', id: acme });
        expect(entryKeys(customer)).toEqual(acmeTimeline().filter((k) => k.startsWith('INTERACTION:')));
        expect(customer.totalCount).toBe(4);
        // Pages too.
        const paged = await pageThrough((after) => t.timeline(owner.token, { type: 'CONTACT', id: ana }, { first: 2, after }), 2, onlyInteractions.length);
        expect(paged.map(entryKey)).toEqual(onlyInteractions);
      } finally {
        await t.setFeature(owner.token, 'CRM.tasks', true);
      }
      expect(entryKeys(await t.timeline(owner.token, { type: 'CONTACT', id: ana }))).toEqual(anaTimeline());
    });

    it('refuses malformed subjects and ids of another type as a subject find nothing', async () => {
      expect(problem(await kontor.gql(TIMELINE, { subject: { type: 'CONTACT', id: 'garbage' } }, owner.token))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['subject', 'id'] });
      // A customer's id named as a person's is not that person's timeline.
      const mistyped = await kontor.gql<{ timeline: Page<EntryView> }>(TIMELINE, { subject: { type: 'CONTACT', id: acme } }, owner.token);
      if (mistyped.errors) expect(errorCode(mistyped)).toBe('NOT_FOUND');
      else expect(mistyped.data?.timeline.edges).toEqual([]);
    });

    // Last: it deletes the person and interactions the others read.
    it("deleting the person keeps their interactions on the customer's timeline (no person); deleteInteraction removes one", async () => {
      ok(await kontor.gql(DELETE_CONTACT, { input: { id: ana } }, owner.token));
      const customer = await t.timeline(owner.token, { type: 'CUSTOMER', id: acme });
      expect(entryKeys(customer)).toEqual(acmeTimeline());
      for (const name of ['email', 'call', 'meeting']) {
        const kept = customer.edges.find((e) => e.node.interaction?.id === interaction(name).id)?.node.interaction;
        expect(kept, name).toMatchObject({ contactId: null, contactName: null, customerId: acme, customerName: 'Acme SRL', kind: interaction(name).kind, occurredAt: interaction(name).occurredAt });
      }
      expect(await t.get(owner.token, interaction('call').id)).toMatchObject({ contactId: null, customerId: acme });
      expect((await t.list(owner.token, { subject: { type: 'CUSTOMER', id: acme } })).totalCount).toBe(4);
      expect((await t.list(owner.token, { subject: { type: 'CONTACT', id: ana } })).totalCount).toBe(0);

      // Deleting an interaction: gone from the timeline, the list and by id; a second delete is NOT_FOUND.
      expect(await t.remove(owner.token, interaction('call').id)).toBe(interaction('call').id);
      const after = await t.timeline(owner.token, { type: 'CUSTOMER', id: acme });
      expect(entryKeys(after)).toEqual(acmeTimeline().filter((k) => k !== `INTERACTION:${interaction('call').id}`));
      expect(after.totalCount).toBe(4);
      expect(ids(await t.list(owner.token))).not.toContain(interaction('call').id);
      expect(errorCode(await kontor.gql(GET, { id: interaction('call').id }, owner.token))).toBe('NOT_FOUND');
      expect(errorCode(await kontor.gql(DELETE, { input: { id: interaction('call').id } }, owner.token))).toBe('NOT_FOUND');
      // An id of another type is not found, a malformed one is bad input with its path.
      expect(errorCode(await kontor.gql(DELETE, { input: { id: acme } }, owner.token))).toBe('NOT_FOUND');
      expect(problem(await kontor.gql(DELETE, { input: { id: 'garbage' } }, owner.token))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'id'] });
      expect(errorCode(await kontor.gql(GET, { id: aboutAcme.id }, owner.token))).toBe('NOT_FOUND');
    });
  });

  it('a viewer (and a read-only key) reads interactions and timelines but cannot log or delete (FORBIDDEN); an agent logs as themself', async () => {
    const owner = await signUp(kontor);
    const viewer = await join(kontor, owner, 'VIEWER', mailText);
    const agent = await join(kontor, owner, 'AGENT', mailText);
    const readKey = ok(await kontor.gql<{ createApiKey: { secret: string } }>(CREATE_API_KEY, { input: { name: 'ro', modules: ['CRM'], access: 'READ' } }, owner.token)).createApiKey.secret;
    const acme = await t.customer(owner.token, { name: 'Acme' });
    const ana = await t.contact(owner.token, { firstName: 'Ana', customerId: acme });
    const logged = await t.log(owner.token, { kind: 'MEETING', contactId: ana, occurredAt: '2024-05-05T10:00:00.000Z' });
    const timeline = await t.timeline(owner.token, { type: 'CONTACT', id: ana });

    for (const token of [viewer.token, readKey]) {
      expect(await t.get(token, logged.id)).toEqual(logged);
      expect(ids(await t.list(token))).toEqual([logged.id]);
      expect(await t.timeline(token, { type: 'CONTACT', id: ana })).toEqual(timeline);
      expect(entryKeys(await t.timeline(token, { type: 'CUSTOMER', id: acme }))).toEqual([`INTERACTION:${logged.id}`]);
      for (const [query, variables] of [
        [LOG, { input: { kind: 'NOTE', body: 'Not allowed', contactId: ana } }],
        [LOG, { input: { kind: 'NOTE', body: 'Not allowed', customerId: acme } }],
        [DELETE, { input: { id: logged.id } }],
      ] as const) {
        const result = await kontor.gql(query, variables, token);
        expect(errorCode(result), query.slice(0, 40)).toBe('FORBIDDEN');
        expect(result.data ?? null).toBeNull();
      }
    }
    expect(ids(await t.list(owner.token))).toEqual([logged.id]);
    expect(await t.get(owner.token, logged.id)).toEqual(logged);

    // An agent writes CRM: what they log names them; a write key logs as nobody.
    const byAgent = await t.log(agent.token, { kind: 'CALL', direction: 'OUTBOUND', contactId: ana });
    expect(byAgent.loggedBy).toEqual({ id: agent.userId, email: agent.email });
    const writeKey = ok(await kontor.gql<{ createApiKey: { secret: string } }>(CREATE_API_KEY, { input: { name: 'rw', modules: ['CRM'], access: 'READ_WRITE' } }, owner.token)).createApiKey.secret;
    expect((await t.log(writeKey, { kind: 'NOTE', body: 'From the shop', contactId: ana })).loggedBy).toBeNull();
    // Once the agent leaves, their interactions stay, by nobody in particular.
    ok(await kontor.gql(REMOVE_MEMBER, { input: { userId: agent.userId } }, owner.token));
    expect(await t.get(owner.token, byAgent.id)).toMatchObject({ id: byAgent.id, loggedBy: null });

    // Without a token nothing is answered.
    for (const [query, variables] of [
      [LIST, {}],
      [GET, { id: logged.id }],
      [TIMELINE, { subject: { type: 'CONTACT', id: ana } }],
      [LOG, { input: { kind: 'NOTE', body: 'x', contactId: ana } }],
    ] as const) {
      expect(errorCode(await kontor.gql(query, variables))).toBe('UNAUTHENTICATED');
    }
  });
});
