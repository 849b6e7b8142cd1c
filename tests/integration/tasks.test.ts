import { randomUUID } from 'node:crypto';
import { createPostgresBackend, Queue, type Job, type PostgresConnectionOptions, type PostgresQueueBackend } from 'bullmq';
import { Redis } from 'ioredis';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_QUEUE, sendTaskReminder, type TaskReminderJob } from '../../api/src/crm/task-reminder.service.js';
import { fromGlobalId } from '../../api/src/graphql/global-id.js';
import type { App } from '../../api/src/platform/app.js';
import { createMailDriver } from '../../api/src/platform/mail/mail-driver.factory.js';
import type { MailDriver } from '../../api/src/platform/mail/mail-message.js';
import { processors } from '../../workers/processors.js';
import { JobQueues, PLATFORM_QUEUES, postgresConnection, type QueueBackendConfig, type TenantJobData } from '../../workers/queues.js';
import { WorkerHost } from '../../workers/worker-host.js';
import { errorCode, ok, signUp, startKontor, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';
import { join, recordingMailbox, type Member } from '../support/members.js';
import { SmtpSink } from '../support/smtp-sink.js';

// ---------------------------------------------------------------------------------------------
// GraphQL documents and shapes

interface TaskView {
  id: string;
  title: string;
  notes: string | null;
  dueAt: string | null;
  assignee: { id: string; email: string } | null;
  subjectType: 'CONTACT' | 'CUSTOMER' | null;
  subjectId: string | null;
  subjectName: string | null;
  completedAt: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}
interface TaskPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: TaskView }[];
}
interface OverdueRow {
  assignee: { id: string } | null;
  count: number;
  oldestDueAt: string;
}
interface NotificationView {
  id: string;
  kind: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
  params: { key: string; value: string }[];
}

const TASK_FIELDS = 'id title notes dueAt assignee { id email } subjectType subjectId subjectName completedAt overdue createdAt updatedAt';
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { ${TASK_FIELDS} } }`;
const UPDATE_TASK = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { ${TASK_FIELDS} } }`;
const COMPLETE_TASK = `mutation($input: CompleteTaskInput!) { completeTask(input: $input) { ${TASK_FIELDS} } }`;
const DELETE_TASK = `mutation($input: DeleteTaskInput!) { deleteTask(input: $input) }`;
const GET_TASK = `query($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`;
const LIST_TASKS = `query($first: Int, $after: String, $filter: TaskFilter, $orderBy: TaskOrder) {
  tasks(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${TASK_FIELDS} } }
  }
}`;
const OVERDUE = `{ overdueTasks { assignee { id } count oldestDueAt } }`;
const NOTIFICATIONS = `query($unreadOnly: Boolean) {
  notifications(first: 200, unreadOnly: $unreadOnly) { totalCount edges { node { id kind link readAt createdAt params { key value } } } }
  unreadNotificationCount
}`;
const MARK_READ = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) }`;
const SET_OPTION = `mutation($input: SetFeatureOptionInput!) { setFeatureOption(input: $input) { key } }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const CREATE_API_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;

/** The GraphQL calls of this file, for one running Kontor. */
function api(kontor: Kontor) {
  return {
    create: async (token: string, input: Record<string, unknown>): Promise<TaskView> => ok(await kontor.gql<{ createTask: TaskView }>(CREATE_TASK, { input }, token)).createTask,
    update: async (token: string, input: Record<string, unknown>): Promise<TaskView> => ok(await kontor.gql<{ updateTask: TaskView }>(UPDATE_TASK, { input }, token)).updateTask,
    complete: async (token: string, id: string, done?: boolean): Promise<TaskView> =>
      ok(await kontor.gql<{ completeTask: TaskView }>(COMPLETE_TASK, { input: done === undefined ? { id } : { id, done } }, token)).completeTask,
    get: async (token: string, id: string): Promise<TaskView> => ok(await kontor.gql<{ task: TaskView }>(GET_TASK, { id }, token)).task,
    list: async (token: string, variables: Record<string, unknown> = {}): Promise<TaskPage> => ok(await kontor.gql<{ tasks: TaskPage }>(LIST_TASKS, { first: 200, ...variables }, token)).tasks,
    overdue: async (token: string): Promise<OverdueRow[]> => ok(await kontor.gql<{ overdueTasks: OverdueRow[] }>(OVERDUE, {}, token)).overdueTasks,
    contact: async (token: string, input: Record<string, unknown>): Promise<string> => ok(await kontor.gql<{ createContact: { id: string } }>(CREATE_CONTACT, { input }, token)).createContact.id,
    customer: async (token: string, input: Record<string, unknown>): Promise<string> => ok(await kontor.gql<{ createCustomer: { id: string } }>(CREATE_CUSTOMER, { input }, token)).createCustomer.id,
    notifications: async (token: string, unreadOnly?: boolean): Promise<{ nodes: NotificationView[]; totalCount: number; unread: number }> => {
      const data = ok(await kontor.gql<{ notifications: { totalCount: number; edges: { node: NotificationView }[] }; unreadNotificationCount: number }>(NOTIFICATIONS, { unreadOnly }, token));
      return { nodes: data.notifications.edges.map((e) => e.node), totalCount: data.notifications.totalCount, unread: data.unreadNotificationCount };
    },
    unread: async (token: string): Promise<number> => ok(await kontor.gql<{ unreadNotificationCount: number }>(`{ unreadNotificationCount }`, {}, token)).unreadNotificationCount,
    markRead: async (token: string, input: Record<string, unknown>): Promise<number> => ok(await kontor.gql<{ markNotificationsRead: number }>(MARK_READ, { input }, token)).markNotificationsRead,
    setTasksFeature: async (token: string, enabled: boolean): Promise<void> => {
      ok(await kontor.gql(SET_OPTION, { input: { key: 'CRM.tasks', enabled } }, token));
    },
  };
}

/** The refusal of a field that was asked for wrong input: its code, path and reason. */
function problem(result: GqlResult<unknown>): Record<string, unknown> | undefined {
  expect(result.errors, JSON.stringify(result.errors)).toHaveLength(1);
  return result.errors?.[0]?.extensions;
}

const ids = (page: { edges: { node: { id: string } }[] }): string[] => page.edges.map((e) => e.node.id);
const titles = (page: { edges: { node: { title: string } }[] }): string[] => page.edges.map((e) => e.node.title);
const paramsOf = (n: NotificationView): Record<string, string> => Object.fromEntries(n.params.map((p) => [p.key, p.value]));
const uuid = (globalId: string, type: string): string => fromGlobalId(type, globalId, ['id']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// CRUD, lists, permissions, feature option

describe('CRM tasks through GraphQL', () => {
  let kontor: Kontor;
  let t: ReturnType<typeof api>;
  /** Invitations carry their link: the mailing worker keeps each email's text. */
  const { workers: recordingWorkers, mailText } = recordingMailbox();

  beforeAll(async () => {
    // Only the mailing queue is worked here: reminders are the second describe's subject.
    kontor = await startKontor({ workers: recordingWorkers });
    t = api(kontor);
  });
  afterAll(() => kontor.close());

  it('creates a task with defaults: assigned to the caller, open, due never, about nobody', async () => {
    const owner = await signUp(kontor);
    const task = await t.create(owner.token, { title: '  Call Ana back  ' });
    expect(task).toMatchObject({
      title: 'Call Ana back',
      notes: null,
      dueAt: null,
      assignee: { id: owner.userId, email: owner.email },
      subjectType: null,
      subjectId: null,
      subjectName: null,
      completedAt: null,
      overdue: false,
    });
    expect(await t.get(owner.token, task.id)).toEqual(task);
    // Explicitly nobody.
    expect((await t.create(owner.token, { title: 'Anyone', assigneeId: null })).assignee).toBeNull();
    // An API key is nobody: its tasks start unassigned.
    const key = ok(await kontor.gql<{ createApiKey: { secret: string } }>(CREATE_API_KEY, { input: { name: 'sync', modules: ['CRM'], access: 'READ_WRITE' } }, owner.token)).createApiKey.secret;
    expect((await t.create(key, { title: 'From the shop' })).assignee).toBeNull();
  });

  it('creates tasks about a contact or a customer, for another member, with notes and a due time', async () => {
    const owner = await signUp(kontor);
    const agent = await join(kontor, owner, 'AGENT', mailText);
    const contactId = await t.contact(owner.token, { firstName: 'Ana', lastName: 'Popescu' });
    const customerId = await t.customer(owner.token, { name: 'Acme SRL' });
    const dueAt = '2031-05-04T08:30:00.000Z';
    const aboutAna = await t.create(owner.token, { title: 'Send the offer', notes: ' Both versions ', dueAt, assigneeId: agent.userId, subjectType: 'CONTACT', subjectId: contactId });
    expect(aboutAna).toMatchObject({
      title: 'Send the offer',
      notes: 'Both versions',
      dueAt,
      assignee: { id: agent.userId, email: agent.email },
      subjectType: 'CONTACT',
      subjectId: contactId,
      subjectName: 'Ana Popescu',
      overdue: false,
    });
    const aboutAcme = await t.create(owner.token, { title: 'Renew the contract', subjectType: 'CUSTOMER', subjectId: customerId });
    expect(aboutAcme).toMatchObject({ subjectType: 'CUSTOMER', subjectId: customerId, subjectName: 'Acme SRL', assignee: { id: owner.userId } });
    // An agent writes CRM, so creates tasks too; the list shows both, with their subjects.
    const own = await t.create(agent.token, { title: 'Agent task' });
    expect(own.assignee?.id).toBe(agent.userId);
    // Soonest due first; the undated ones after it.
    const all = await t.list(owner.token);
    expect(all.edges[0]?.node).toMatchObject({ title: 'Send the offer', subjectName: 'Ana Popescu' });
    expect(all.edges.slice(1).map((e) => [e.node.title, e.node.subjectName]).sort()).toEqual([
      ['Agent task', null],
      ['Renew the contract', 'Acme SRL'],
    ]);
  });

  it('refuses bad input with the field path and a reason, and keeps nothing of a refused request', async () => {
    const owner = await signUp(kontor);
    const stranger = await signUp(kontor);
    const contactId = await t.contact(owner.token, { firstName: 'Ion' });
    const customerId = await t.customer(owner.token, { name: 'Beta' });
    const strangersContact = await t.contact(stranger.token, { firstName: 'Elsewhere' });
    const cases: [Record<string, unknown>, string[], string, Record<string, unknown>?][] = [
      [{ title: '' }, ['input', 'title'], 'REQUIRED'],
      [{ title: '   ' }, ['input', 'title'], 'REQUIRED'],
      [{ title: 'x'.repeat(301) }, ['input', 'title'], 'TOO_LONG', { max: 300 }],
      [{ title: 'Ok', notes: 'n'.repeat(10_001) }, ['input', 'notes'], 'TOO_LONG', { max: 10_000 }],
      // A user of another company is not a member of this one.
      [{ title: 'Ok', assigneeId: stranger.userId }, ['input', 'assigneeId'], 'NOT_A_MEMBER'],
      [{ title: 'Ok', assigneeId: 'garbage' }, ['input', 'assigneeId'], 'INVALID'],
      [{ title: 'Ok', subjectType: 'CONTACT' }, ['input', 'subjectId'], 'REQUIRED'],
      [{ title: 'Ok', subjectId: contactId }, ['input', 'subjectType'], 'REQUIRED'],
      [{ title: 'Ok', subjectType: 'CONTACT', subjectId: 'garbage' }, ['input', 'subjectId'], 'INVALID'],
    ];
    for (const [input, path, reason, params] of cases) {
      const result = await kontor.gql(CREATE_TASK, { input }, owner.token);
      const extensions = problem(result);
      expect(extensions, JSON.stringify(input).slice(0, 100)).toMatchObject({ code: 'BAD_USER_INPUT', path, reason, ...(params ? { params } : {}) });
      expect(result.data ?? null).toBeNull();
    }
    // Subjects that do not exist here: another company's contact, a customer id passed as a contact.
    for (const input of [
      { title: 'Ok', subjectType: 'CONTACT', subjectId: strangersContact },
      { title: 'Ok', subjectType: 'CONTACT', subjectId: customerId },
      { title: 'Ok', subjectType: 'CUSTOMER', subjectId: contactId },
    ]) {
      expect(problem(await kontor.gql(CREATE_TASK, { input }, owner.token))?.code, JSON.stringify(input)).toBe('NOT_FOUND');
    }
    // The same checks on update, and a title cannot be cleared.
    const task = await t.create(owner.token, { title: 'Valid' });
    for (const [input, path, reason] of [
      [{ title: null }, ['input', 'title'], 'REQUIRED'],
      [{ title: ' ' }, ['input', 'title'], 'REQUIRED'],
      [{ title: 'y'.repeat(301) }, ['input', 'title'], 'TOO_LONG'],
      [{ assigneeId: stranger.userId }, ['input', 'assigneeId'], 'NOT_A_MEMBER'],
      [{ subjectType: 'CUSTOMER' }, ['input', 'subjectId'], 'REQUIRED'],
    ] as const) {
      expect(problem(await kontor.gql(UPDATE_TASK, { input: { id: task.id, ...input } }, owner.token)), JSON.stringify(input).slice(0, 100)).toMatchObject({ code: 'BAD_USER_INPUT', path, reason });
    }
    expect(problem(await kontor.gql(UPDATE_TASK, { input: { id: task.id, subjectType: 'CONTACT', subjectId: strangersContact } }, owner.token))?.code).toBe('NOT_FOUND');
    // A list filter with half a subject names the missing half.
    expect(problem(await kontor.gql(LIST_TASKS, { filter: { subjectType: 'CONTACT' } }, owner.token))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['filter', 'subjectId'], reason: 'REQUIRED' });
    // Nothing refused was kept, and the valid task is as it was.
    expect(titles(await t.list(owner.token, { filter: { status: 'ALL' } }))).toEqual(['Valid']);
    expect(await t.get(owner.token, task.id)).toEqual(task);
  });

  it('updates only the fields given; null clears', async () => {
    const owner = await signUp(kontor);
    const manager = await join(kontor, owner, 'MANAGER', mailText);
    const contactId = await t.contact(owner.token, { firstName: 'Maria', lastName: 'Zamfir' });
    const customerId = await t.customer(owner.token, { name: 'Gamma SA' });
    const dueAt = '2032-01-15T10:00:00.000Z';
    const created = await t.create(owner.token, { title: 'Prepare the demo', notes: 'Bring the laptop', dueAt, subjectType: 'CONTACT', subjectId: contactId });

    const renamed = await t.update(owner.token, { id: created.id, title: 'Prepare the live demo' });
    expect(renamed).toMatchObject({ title: 'Prepare the live demo', notes: 'Bring the laptop', dueAt, assignee: { id: owner.userId }, subjectType: 'CONTACT', subjectId: contactId, subjectName: 'Maria Zamfir' });

    const reassigned = await t.update(owner.token, { id: created.id, assigneeId: manager.userId, dueAt: '2032-02-01T09:00:00.000Z', subjectType: 'CUSTOMER', subjectId: customerId });
    expect(reassigned).toMatchObject({ title: 'Prepare the live demo', notes: 'Bring the laptop', dueAt: '2032-02-01T09:00:00.000Z', assignee: { id: manager.userId }, subjectType: 'CUSTOMER', subjectName: 'Gamma SA' });

    const cleared = await t.update(owner.token, { id: created.id, notes: null, dueAt: null, assigneeId: null });
    expect(cleared).toMatchObject({ title: 'Prepare the live demo', notes: null, dueAt: null, assignee: null, subjectType: 'CUSTOMER', subjectId: customerId });

    const aboutNobody = await t.update(owner.token, { id: created.id, subjectType: null, subjectId: null });
    expect(aboutNobody).toMatchObject({ title: 'Prepare the live demo', subjectType: null, subjectId: null, subjectName: null });
    // An update naming nothing but the id changes nothing.
    const untouched = await t.update(owner.token, { id: created.id });
    expect({ ...untouched, updatedAt: null }).toEqual({ ...aboutNobody, updatedAt: null });
    expect(await t.get(owner.token, created.id)).toEqual(untouched);
  });

  it('completes and reopens a task: done tasks leave the default (open) list', async () => {
    const owner = await signUp(kontor);
    const task = await t.create(owner.token, { title: 'File the report', dueAt: '2020-06-01T12:00:00.000Z' });
    expect(task.overdue).toBe(true);
    const done = await t.complete(owner.token, task.id);
    expect(done.completedAt).not.toBeNull();
    expect(done.overdue).toBe(false);
    expect(ids(await t.list(owner.token))).toEqual([]);
    expect(ids(await t.list(owner.token, { filter: { status: 'DONE' } }))).toEqual([task.id]);
    expect(ids(await t.list(owner.token, { filter: { overdue: true, status: 'ALL' } }))).toEqual([]);
    // Completing again keeps the first completion time.
    expect((await t.complete(owner.token, task.id, true)).completedAt).toBe(done.completedAt);
    const reopened = await t.complete(owner.token, task.id, false);
    expect(reopened).toMatchObject({ completedAt: null, overdue: true, title: 'File the report' });
    expect(ids(await t.list(owner.token))).toEqual([task.id]);
    expect(ids(await t.list(owner.token, { filter: { status: 'DONE' } }))).toEqual([]);
  });

  it('deletes a task; afterwards every operation on it is NOT_FOUND', async () => {
    const owner = await signUp(kontor);
    const task = await t.create(owner.token, { title: 'Short-lived' });
    const kept = await t.create(owner.token, { title: 'Kept' });
    expect(ok(await kontor.gql<{ deleteTask: string }>(DELETE_TASK, { input: { id: task.id } }, owner.token)).deleteTask).toBe(task.id);
    expect(errorCode(await kontor.gql(GET_TASK, { id: task.id }, owner.token))).toBe('NOT_FOUND');
    expect(errorCode(await kontor.gql(UPDATE_TASK, { input: { id: task.id, title: 'Ghost' } }, owner.token))).toBe('NOT_FOUND');
    expect(errorCode(await kontor.gql(COMPLETE_TASK, { input: { id: task.id } }, owner.token))).toBe('NOT_FOUND');
    expect(errorCode(await kontor.gql(DELETE_TASK, { input: { id: task.id } }, owner.token))).toBe('NOT_FOUND');
    // An id of another type is not found either, a malformed one is bad input.
    const contactId = await t.contact(owner.token, { firstName: 'Not a task' });
    expect(errorCode(await kontor.gql(GET_TASK, { id: contactId }, owner.token))).toBe('NOT_FOUND');
    expect(errorCode(await kontor.gql(GET_TASK, { id: 'garbage' }, owner.token))).toBe('BAD_USER_INPUT');
    expect(ids(await t.list(owner.token, { filter: { status: 'ALL' } }))).toEqual([kept.id]);
  });

  describe('lists: filters, order and pages', () => {
    let owner: SignedUp;
    let member: Member;
    let contactId: string;
    const made: Record<string, TaskView> = {};

    beforeAll(async () => {
      owner = await signUp(kontor);
      member = await join(kontor, owner, 'AGENT', mailText);
      contactId = await t.contact(owner.token, { firstName: 'Subject', lastName: 'Person' });
      const specs: [string, Record<string, unknown>][] = [
        ['alpha', { title: 'Alpha call', dueAt: '2020-01-01T09:00:00.000Z' }],
        ['alphaTwin', { title: 'Alpha twin', dueAt: '2020-01-01T09:00:00.000Z' }],
        ['bravo', { title: 'Bravo email', dueAt: '2020-02-01T09:00:00.000Z', assigneeId: member.userId }],
        ['oscar', { title: 'Oscar chase', dueAt: '2019-06-01T09:00:00.000Z', assigneeId: null }],
        ['charlie', { title: 'Charlie visit', dueAt: '2099-01-01T09:00:00.000Z', assigneeId: null }],
        ['delta', { title: 'Delta quote', subjectType: 'CONTACT', subjectId: contactId }],
        ['golf', { title: 'Golf someday', assigneeId: member.userId }],
        ['echo', { title: 'Echo done', dueAt: '2020-03-01T09:00:00.000Z' }],
        ['foxtrot', { title: 'Foxtrot plan', dueAt: '2098-06-01T09:00:00.000Z', notes: 'Mentions the BUDGET' }],
      ];
      for (const [name, input] of specs) made[name] = await t.create(owner.token, input);
      await t.complete(owner.token, task('echo').id);
    });

    function task(name: string): TaskView {
      const found = made[name];
      if (!found) throw new Error(`no task ${name}`);
      return found;
    }
    const named = (...names: string[]): string[] => names.map((n) => task(n).id);
    const list = (variables: Record<string, unknown>) => t.list(owner.token, variables);
    /** Ids in order of (due time, undated last; then id): what DUE_AT ASC promises. */
    const byDue = (names: string[], direction: 'ASC' | 'DESC' = 'ASC'): string[] => {
      const key = (n: string): string => task(n).dueAt ?? '';
      const dated = names.filter((n) => task(n).dueAt !== null);
      const undated = names.filter((n) => task(n).dueAt === null);
      const cmp = (x: string, y: string): number => key(x).localeCompare(key(y)) || uuid(task(x).id, 'Task').localeCompare(uuid(task(y).id, 'Task'));
      const sign = direction === 'ASC' ? 1 : -1;
      return [...dated.sort((x, y) => sign * cmp(x, y)), ...undated.sort((x, y) => sign * cmp(x, y))].map((n) => task(n).id);
    };
    const OPEN = ['alpha', 'alphaTwin', 'bravo', 'oscar', 'charlie', 'delta', 'golf', 'foxtrot'];
    const ALL = [...OPEN, 'echo'];

    it('lists open tasks by default, soonest due first, undated last', async () => {
      const page = await list({});
      expect(page.totalCount).toBe(OPEN.length);
      expect(ids(page)).toEqual(byDue(OPEN));
      expect(page.edges.find((e) => e.node.id === task('alpha').id)?.node.overdue).toBe(true);
      expect(page.edges.find((e) => e.node.id === task('charlie').id)?.node.overdue).toBe(false);
      expect(page.edges.find((e) => e.node.id === task('delta').id)?.node.overdue).toBe(false);
      expect(ids(await list({ orderBy: { field: 'DUE_AT', direction: 'ASC' } }))).toEqual(byDue(OPEN));
    });

    it('filters by status, assignee, overdue, text, due window and subject, and counts each', async () => {
      const expectFilter = async (filter: Record<string, unknown>, expected: string[]): Promise<void> => {
        const page = await list({ filter });
        expect(ids(page).sort(), JSON.stringify(filter)).toEqual([...expected].sort());
        expect(page.totalCount, JSON.stringify(filter)).toBe(expected.length);
      };
      await expectFilter({ status: 'OPEN' }, named(...OPEN));
      await expectFilter({ status: 'DONE' }, named('echo'));
      await expectFilter({ status: 'ALL' }, named(...ALL));
      await expectFilter({ mine: true }, named('alpha', 'alphaTwin', 'delta', 'foxtrot'));
      await expectFilter({ mine: true, status: 'ALL' }, named('alpha', 'alphaTwin', 'delta', 'foxtrot', 'echo'));
      await expectFilter({ assigneeId: member.userId }, named('bravo', 'golf'));
      await expectFilter({ assigneeId: owner.userId, status: 'DONE' }, named('echo'));
      await expectFilter({ unassigned: true }, named('oscar', 'charlie'));
      // Overdue: open and past due, whatever the status filter says.
      await expectFilter({ overdue: true }, named('alpha', 'alphaTwin', 'bravo', 'oscar'));
      await expectFilter({ overdue: true, status: 'ALL' }, named('alpha', 'alphaTwin', 'bravo', 'oscar'));
      await expectFilter({ overdue: true, mine: true }, named('alpha', 'alphaTwin'));
      // Title or notes, case-insensitive; the user's % is a character, not a wildcard.
      await expectFilter({ search: 'ALPHA' }, named('alpha', 'alphaTwin'));
      await expectFilter({ search: 'budget' }, named('foxtrot'));
      await expectFilter({ search: 'twin' }, named('alphaTwin'));
      await expectFilter({ search: '%' }, []);
      // A due window: from dueAfter (inclusive) to dueBefore (exclusive); undated tasks are in no window.
      await expectFilter({ dueBefore: '2021-01-01T00:00:00.000Z' }, named('alpha', 'alphaTwin', 'bravo', 'oscar'));
      await expectFilter({ dueBefore: '2021-01-01T00:00:00.000Z', status: 'ALL' }, named('alpha', 'alphaTwin', 'bravo', 'oscar', 'echo'));
      await expectFilter({ dueAfter: '2098-06-01T09:00:00.000Z' }, named('foxtrot', 'charlie'));
      await expectFilter({ dueBefore: '2098-06-01T09:00:00.000Z', dueAfter: '2020-01-15T00:00:00.000Z' }, named('bravo'));
      await expectFilter({ subjectType: 'CONTACT', subjectId: contactId }, named('delta'));
      // Combined: mine and undated.
      await expectFilter({ mine: true, search: 'quote' }, named('delta'));
    });

    it('pages through every order with first: 2, never repeating or skipping a task', async () => {
      const orders = [
        { field: 'DUE_AT', direction: 'ASC' },
        { field: 'DUE_AT', direction: 'DESC' },
        { field: 'CREATED_AT', direction: 'ASC' },
        { field: 'CREATED_AT', direction: 'DESC' },
      ];
      for (const orderBy of orders) {
        const whole = ids(await list({ filter: { status: 'ALL' }, orderBy }));
        const seen: string[] = [];
        let after: string | null = null;
        let pages = 0;
        do {
          const page: TaskPage = await list({ first: 2, after, filter: { status: 'ALL' }, orderBy });
          expect(page.totalCount).toBe(ALL.length);
          expect(page.edges.length).toBeLessThanOrEqual(2);
          seen.push(...ids(page));
          after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
          pages++;
        } while (after && pages < 10);
        expect(pages, JSON.stringify(orderBy)).toBe(Math.ceil(ALL.length / 2));
        expect(new Set(seen).size, JSON.stringify(orderBy)).toBe(seen.length);
        expect(seen, JSON.stringify(orderBy)).toEqual(whole);
        expect([...seen].sort()).toEqual(named(...ALL).sort());
      }
      // The exact orders: due time (undated last, ties by id), and creation.
      expect(ids(await list({ first: 200, filter: { status: 'ALL' }, orderBy: { field: 'DUE_AT', direction: 'ASC' } }))).toEqual(byDue(ALL));
      const created = ALL.map((n) => task(n)).sort((x, y) => x.createdAt.localeCompare(y.createdAt) || uuid(x.id, 'Task').localeCompare(uuid(y.id, 'Task')));
      expect(ids(await list({ filter: { status: 'ALL' }, orderBy: { field: 'CREATED_AT', direction: 'ASC' } }))).toEqual(created.map((x) => x.id));
      expect(ids(await list({ filter: { status: 'ALL' }, orderBy: { field: 'CREATED_AT', direction: 'DESC' } }))).toEqual(created.map((x) => x.id).reverse());
      // A cursor of one order is refused by another.
      const byDueCursor = (await list({ first: 2, filter: { status: 'ALL' } })).pageInfo.endCursor;
      expect(errorCode(await kontor.gql(LIST_TASKS, { first: 2, after: byDueCursor, filter: { status: 'ALL' }, orderBy: { field: 'CREATED_AT', direction: 'ASC' } }, owner.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await kontor.gql(LIST_TASKS, { after: 'not-a-cursor' }, owner.token))).toBe('BAD_USER_INPUT');
    });

    it('DUE_AT puts undated tasks last in descending order too (as the schema documents)', async () => {
      const desc = await list({ filter: { status: 'ALL' }, orderBy: { field: 'DUE_AT', direction: 'DESC' } });
      expect(ids(desc)).toEqual(byDue(ALL, 'DESC'));
    });

    it('overdueTasks counts open past-due tasks per assignee, most first, unassigned as null', async () => {
      expect(await t.overdue(owner.token)).toEqual([
        { assignee: { id: owner.userId }, count: 2, oldestDueAt: '2020-01-01T09:00:00.000Z' },
        { assignee: null, count: 1, oldestDueAt: '2019-06-01T09:00:00.000Z' },
        { assignee: { id: member.userId }, count: 1, oldestDueAt: '2020-02-01T09:00:00.000Z' },
      ]);
      // The member sees the same company-wide figures; a new company has none.
      expect(await t.overdue(member.token)).toEqual(await t.overdue(owner.token));
      expect(await t.overdue((await signUp(kontor)).token)).toEqual([]);
    });
  });

  it('a former member’s tasks count and list as unassigned, in one row with the unassigned ones', async () => {
    const owner = await signUp(kontor);
    const agent = await join(kontor, owner, 'AGENT', mailText);
    const past = '2021-03-01T09:00:00.000Z';
    await t.create(owner.token, { title: 'Left behind', dueAt: past, assigneeId: agent.userId });
    await t.create(owner.token, { title: 'Nobody’s', dueAt: '2021-04-01T09:00:00.000Z', assigneeId: null });
    ok(await kontor.gql(`mutation($input: RemoveMemberInput!) { removeMember(input: $input) }`, { input: { userId: agent.userId } }, owner.token));
    expect(await t.overdue(owner.token)).toEqual([{ assignee: null, count: 2, oldestDueAt: past }]);
    const unassigned = await t.list(owner.token, { filter: { unassigned: true } });
    expect(unassigned.totalCount).toBe(2);
  });

  it('deleting a contact or a customer keeps their tasks, about nobody', async () => {
    const owner = await signUp(kontor);
    const ana = await t.contact(owner.token, { firstName: 'Ana' });
    const ion = await t.contact(owner.token, { firstName: 'Ion' });
    const acme = await t.customer(owner.token, { name: 'Acme' });
    const aboutAna = await t.create(owner.token, { title: 'Call Ana', subjectType: 'CONTACT', subjectId: ana });
    const aboutIon = await t.create(owner.token, { title: 'Call Ion', subjectType: 'CONTACT', subjectId: ion });
    const aboutAcme = await t.create(owner.token, { title: 'Visit Acme', subjectType: 'CUSTOMER', subjectId: acme });
    ok(await kontor.gql(`mutation($input: DeleteContactInput!) { deleteContact(input: $input) }`, { input: { id: ana } }, owner.token));
    ok(await kontor.gql(`mutation($input: DeleteCustomerInput!) { deleteCustomer(input: $input) }`, { input: { id: acme } }, owner.token));
    expect(await t.get(owner.token, aboutAna.id)).toMatchObject({ title: 'Call Ana', subjectType: null, subjectId: null, subjectName: null });
    expect(await t.get(owner.token, aboutAcme.id)).toMatchObject({ title: 'Visit Acme', subjectType: null, subjectId: null, subjectName: null });
    expect(await t.get(owner.token, aboutIon.id)).toMatchObject({ subjectType: 'CONTACT', subjectId: ion, subjectName: 'Ion' });
    expect(ids(await t.list(owner.token, { filter: { subjectType: 'CONTACT', subjectId: ana } }))).toEqual([]);
    expect(ids(await t.list(owner.token)).sort()).toEqual([aboutAna.id, aboutIon.id, aboutAcme.id].sort());
  });

  it('with CRM.tasks off every task field answers MODULE_DISABLED (naming the feature) and leaves the SDL; switched on, all is back', async () => {
    const owner = await signUp(kontor);
    const task = await t.create(owner.token, { title: 'Survives the switch', dueAt: '2033-01-01T00:00:00.000Z' });
    await t.setTasksFeature(owner.token, false);
    const operations: [string, Record<string, unknown>][] = [
      [GET_TASK, { id: task.id }],
      [LIST_TASKS, {}],
      [OVERDUE, {}],
      [CREATE_TASK, { input: { title: 'New' } }],
      [UPDATE_TASK, { input: { id: task.id, title: 'Changed' } }],
      [COMPLETE_TASK, { input: { id: task.id } }],
      [DELETE_TASK, { input: { id: task.id } }],
    ];
    for (const [query, variables] of operations) {
      const result = await kontor.gql(query, variables, owner.token);
      expect(problem(result), query.slice(0, 60)).toMatchObject({ code: 'MODULE_DISABLED', module: 'CRM', feature: 'CRM.tasks' });
      expect(result.data ?? null).toBeNull();
    }
    // The rest of the CRM, and the person's notifications, stay.
    ok(await kontor.gql(`{ contacts { totalCount } }`, {}, owner.token));
    expect((await t.notifications(owner.token)).totalCount).toBe(0);
    const sdl = await (await fetch(`${kontor.url}/graphql/schema.graphql`, { headers: { authorization: `Bearer ${owner.token}` } })).text();
    expect(sdl).toMatch(/\bcontacts\(/);
    expect(sdl).not.toMatch(/\btasks\(/);
    expect(sdl).not.toMatch(/\bcreateTask\(/);
    // The query (a list per assignee); a report may still count overdue tasks as a number.
    expect(sdl).not.toMatch(/\boverdueTasks: \[/);
    await t.setTasksFeature(owner.token, true);
    expect(await t.get(owner.token, task.id)).toEqual(task);
  });

  it('a viewer (and a read-only key) reads tasks but cannot write them (FORBIDDEN), and nothing changes', async () => {
    const owner = await signUp(kontor);
    const viewer = await join(kontor, owner, 'VIEWER', mailText);
    const readKey = ok(await kontor.gql<{ createApiKey: { secret: string } }>(CREATE_API_KEY, { input: { name: 'ro', modules: ['CRM'], access: 'READ' } }, owner.token)).createApiKey.secret;
    const task = await t.create(owner.token, { title: 'Owned by the owner', dueAt: '2020-01-01T00:00:00.000Z', assigneeId: viewer.userId });
    for (const token of [viewer.token, readKey]) {
      expect(await t.get(token, task.id)).toEqual(task);
      expect(ids(await t.list(token))).toEqual([task.id]);
      expect(await t.overdue(token)).toEqual([{ assignee: { id: viewer.userId }, count: 1, oldestDueAt: '2020-01-01T00:00:00.000Z' }]);
      for (const [query, variables] of [
        [CREATE_TASK, { input: { title: 'Not allowed' } }],
        [UPDATE_TASK, { input: { id: task.id, title: 'Not allowed' } }],
        [COMPLETE_TASK, { input: { id: task.id } }],
        [DELETE_TASK, { input: { id: task.id } }],
      ] as const) {
        const result = await kontor.gql(query, variables, token);
        expect(errorCode(result), query.slice(0, 40)).toBe('FORBIDDEN');
        expect(result.data ?? null).toBeNull();
      }
    }
    // A viewer's own list of tasks: the ones assigned to them.
    expect(ids(await t.list(viewer.token, { filter: { mine: true } }))).toEqual([task.id]);
    expect(await t.get(owner.token, task.id)).toEqual(task);
    expect(titles(await t.list(owner.token, { filter: { status: 'ALL' } }))).toEqual(['Owned by the owner']);
    // Without a token nothing is answered.
    expect(errorCode(await kontor.gql(LIST_TASKS, {}))).toBe('UNAUTHENTICATED');
  });
});

// ---------------------------------------------------------------------------------------------
// Reminders, through the real workers, on both queue backends, to a real SMTP server

/** Reads jobs back from the backend Kontor uses (the application only adds). */
interface JobReader {
  get(id: string): Promise<Job<TenantJobData> | undefined>;
  close(): Promise<void>;
}

function jobReader(config: QueueBackendConfig, name: string): JobReader {
  if (config.redisUrl) {
    const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue<TenantJobData>(name, { connection, prefix: config.namespace });
    return {
      get: (id) => queue.getJob(id),
      close: async () => {
        await queue.close();
        await connection.quit();
      },
    };
  }
  const queue = new Queue<TenantJobData, unknown, string, TenantJobData, unknown, string, PostgresQueueBackend, PostgresConnectionOptions>(
    name,
    { connection: postgresConnection(config) },
    createPostgresBackend,
  );
  return { get: (id) => queue.getJob(id), close: () => queue.close() };
}

/** A producer whose queue is down: every add fails. */
class FailingJobQueues extends JobQueues {
  override add(): Promise<string> {
    return Promise.reject(new Error('the queue is down'));
  }
}

const inMs = (ms: number): string => new Date(Date.now() + ms).toISOString();
const isReminder = (m: ParsedMail): boolean => (m.subject ?? '').startsWith('Reminder:');

describe.each([
  ['postgres', false],
  ['redis', true],
] as const)('task reminders through the workers (%s queue backend)', (_backend, redis) => {
  let sink: SmtpSink;
  let kontor: Kontor;
  let t: ReturnType<typeof api>;
  let reminders: JobReader;
  let mails: JobReader;
  const extra: { hosts: WorkerHost[]; drivers: MailDriver[] } = { hosts: [], drivers: [] };

  beforeAll(async () => {
    sink = new SmtpSink();
    kontor = await startKontor({ smtpUrl: await sink.start(), redis });
    t = api(kontor);
    reminders = jobReader(kontor.app.jobs.config, REMINDER_QUEUE);
    mails = jobReader(kontor.app.jobs.config, PLATFORM_QUEUES.mailing);
  });
  afterAll(async () => {
    await reminders.close();
    await mails.close();
    for (const host of extra.hosts) await host.close();
    await kontor.close();
    for (const driver of extra.drivers) await driver.close();
    await sink.stop();
  });

  const mailText = async (to: string): Promise<string> => (await sink.waitFor(to, (m) => /invited you to/.test(m.subject ?? ''))).text ?? '';
  const reminderMails = (to: string): ParsedMail[] => sink.to(to).filter(isReminder);
  const reminderJobId = (task: TaskView, dueAt: string): string => `task-${uuid(task.id, 'Task')}-${Date.parse(dueAt)}`;
  const mailJobId = (task: TaskView, dueAt: string): string => `task-mail-${uuid(task.id, 'Task')}-${Date.parse(dueAt)}`;
  const jobData = (owner: SignedUp, task: TaskView, dueAt: string): TaskReminderJob => ({ tenantId: uuid(owner.tenantId, 'Tenant'), taskId: uuid(task.id, 'Task'), dueAt });

  /** Waits until the job has run to completion; returns what the processor answered. */
  async function finished(reader: JobReader, id: string): Promise<unknown> {
    await expect.poll(async () => (await reader.get(id))?.getState(), { timeout: 25_000, interval: 100 }).toBe('completed');
    return (await reader.get(id))?.returnvalue;
  }

  it('a task due in about 2 s reminds its assignee exactly once: one notification, one email with the title', async () => {
    const owner = await signUp(kontor);
    const agent = await join(kontor, owner, 'AGENT', mailText);
    const title = `Call Ana ${randomUUID().slice(0, 8)}`;
    const dueAt = inMs(2_000);
    const task = await t.create(owner.token, { title, dueAt, assigneeId: agent.userId });

    await expect.poll(() => t.unread(agent.token), { timeout: 20_000, interval: 100 }).toBe(1);
    const mail = await sink.waitFor(agent.email, isReminder);
    expect(mail.subject).toBe(`Reminder: ${title}`);
    expect(mail.text).toContain(title);
    expect(await finished(reminders, reminderJobId(task, dueAt))).toBe('sent');
    await finished(mails, mailJobId(task, dueAt));

    const seen = await t.notifications(agent.token);
    expect(seen.totalCount).toBe(1);
    expect(seen.unread).toBe(1);
    const [notification] = seen.nodes;
    expect(notification).toMatchObject({ kind: 'TASK_DUE', readAt: null });
    expect(paramsOf(notification as NotificationView)).toMatchObject({ title, dueAt });
    expect(reminderMails(agent.email)).toHaveLength(1);
    // The creator was not the assignee: nothing for them.
    expect((await t.notifications(owner.token)).totalCount).toBe(0);
    expect(reminderMails(owner.email)).toHaveLength(0);
  });

  it('moving the due time before it fires: only the new time reminds (later or earlier)', async () => {
    const owner = await signUp(kontor);
    const later = { title: `Later ${randomUUID().slice(0, 8)}`, first: inMs(3_000), moved: inMs(5_000) };
    const earlier = { title: `Earlier ${randomUUID().slice(0, 8)}`, first: inMs(6_000), moved: inMs(2_000) };
    const laterTask = await t.create(owner.token, { title: later.title, dueAt: later.first });
    const earlierTask = await t.create(owner.token, { title: earlier.title, dueAt: earlier.first });
    expect((await t.update(owner.token, { id: laterTask.id, dueAt: later.moved })).dueAt).toBe(later.moved);
    expect((await t.update(owner.token, { id: earlierTask.id, dueAt: earlier.moved })).dueAt).toBe(earlier.moved);

    // Every job ran: the ones for the abandoned times did nothing.
    expect(await finished(reminders, reminderJobId(laterTask, later.moved))).toBe('sent');
    expect(await finished(reminders, reminderJobId(earlierTask, earlier.moved))).toBe('sent');
    expect(await finished(reminders, reminderJobId(laterTask, later.first))).toBe('skipped');
    expect(await finished(reminders, reminderJobId(earlierTask, earlier.first))).toBe('skipped');
    await finished(mails, mailJobId(laterTask, later.moved));
    await finished(mails, mailJobId(earlierTask, earlier.moved));
    expect(await mails.get(mailJobId(laterTask, later.first))).toBeUndefined();
    expect(await mails.get(mailJobId(earlierTask, earlier.first))).toBeUndefined();

    const seen = await t.notifications(owner.token);
    expect(seen.nodes.map((n) => paramsOf(n)).sort((x, y) => String(x.title).localeCompare(String(y.title)))).toEqual([
      { title: earlier.title, dueAt: earlier.moved },
      { title: later.title, dueAt: later.moved },
    ]);
    expect(reminderMails(owner.email).map((m) => m.subject).sort()).toEqual([`Reminder: ${earlier.title}`, `Reminder: ${later.title}`]);
  });

  it('completing or deleting a task before its due time sends nothing; reopening it before then reminds once; an unassigned task has no reminder', async () => {
    const owner = await signUp(kontor);
    const dueAt = inMs(2_500);
    const completed = await t.create(owner.token, { title: 'Completed early', dueAt });
    const deleted = await t.create(owner.token, { title: 'Deleted early', dueAt });
    const reopened = await t.create(owner.token, { title: 'Reopened', dueAt });
    const unassigned = await t.create(owner.token, { title: 'Nobody', dueAt, assigneeId: null });
    await t.complete(owner.token, completed.id);
    ok(await kontor.gql(DELETE_TASK, { input: { id: deleted.id } }, owner.token));
    await t.complete(owner.token, reopened.id);
    await t.complete(owner.token, reopened.id, false);

    expect(await finished(reminders, reminderJobId(completed, dueAt))).toBe('skipped');
    expect(await finished(reminders, reminderJobId(deleted, dueAt))).toBe('skipped');
    expect(await finished(reminders, reminderJobId(reopened, dueAt))).toBe('sent');
    expect(await reminders.get(reminderJobId(unassigned, dueAt))).toBeUndefined();
    await finished(mails, mailJobId(reopened, dueAt));
    expect(await mails.get(mailJobId(completed, dueAt))).toBeUndefined();
    expect(await mails.get(mailJobId(deleted, dueAt))).toBeUndefined();

    const seen = await t.notifications(owner.token);
    expect(seen.nodes.map((n) => paramsOf(n).title)).toEqual(['Reopened']);
    expect(reminderMails(owner.email).map((m) => m.subject)).toEqual(['Reminder: Reopened']);
  });

  it('the reminder service called twice for the same job (even at once) sends one notification and one email', async () => {
    const owner = await signUp(kontor);
    // Due in an hour: its own delayed job stays out of the way; the service is called directly.
    const dueAt = inMs(3_600_000);
    const task = await t.create(owner.token, { title: 'Twice called', dueAt });
    const data = jobData(owner, task, dueAt);
    expect((await Promise.all([sendTaskReminder(kontor.app, data, false), sendTaskReminder(kontor.app, data, false)])).sort()).toEqual(['sent', 'skipped']);
    expect(await sendTaskReminder(kontor.app, data, false)).toBe('skipped');
    // A retried job queues its email again under the same job id: still one email.
    expect(await sendTaskReminder(kontor.app, data, true)).toBe('sent');
    await finished(mails, mailJobId(task, dueAt));
    expect(await sendTaskReminder(kontor.app, data, true)).toBe('sent');
    await finished(mails, mailJobId(task, dueAt));

    expect((await t.notifications(owner.token)).totalCount).toBe(1);
    expect(reminderMails(owner.email).map((m) => m.subject)).toEqual(['Reminder: Twice called']);
    // Job data that does not match the task does nothing: another due time, another tenant.
    expect(await sendTaskReminder(kontor.app, { ...data, dueAt: inMs(7_200_000) }, false)).toBe('skipped');
    const other = await signUp(kontor);
    expect(await sendTaskReminder(kontor.app, { ...data, tenantId: uuid(other.tenantId, 'Tenant') }, true)).toBe('skipped');
    expect((await t.notifications(owner.token)).totalCount).toBe(1);
    expect((await t.notifications(other.token)).totalCount).toBe(0);
  });

  it('a reminder whose email could not be queued keeps its notification, and its retry sends the email once', async () => {
    const owner = await signUp(kontor);
    const dueAt = inMs(3_600_000);
    const task = await t.create(owner.token, { title: 'Queue was down', dueAt });
    const data = jobData(owner, task, dueAt);
    const queueDown: App = { ...kontor.app, jobs: new FailingJobQueues(kontor.app.jobs.config) };
    await expect(sendTaskReminder(queueDown, data, false)).rejects.toThrow(/queue is down/);
    expect((await t.notifications(owner.token)).totalCount).toBe(1);
    expect(await mails.get(mailJobId(task, dueAt))).toBeUndefined();
    // BullMQ retries the job (attemptsMade > 0): the email goes, the notification is not repeated.
    expect(await sendTaskReminder(kontor.app, data, true)).toBe('sent');
    await finished(mails, mailJobId(task, dueAt));
    expect((await t.notifications(owner.token)).totalCount).toBe(1);
    expect(reminderMails(owner.email).map((m) => m.subject)).toEqual(['Reminder: Queue was down']);
  });

  it("the notification's link and the email's link open the task by its API id", async () => {
    const owner = await signUp(kontor);
    const dueAt = inMs(3_600_000);
    const task = await t.create(owner.token, { title: 'Follow the link', dueAt });
    expect(await sendTaskReminder(kontor.app, jobData(owner, task, dueAt), false)).toBe('sent');
    const [notification] = (await t.notifications(owner.token)).nodes;
    const inApp = new URL(notification?.link ?? '', kontor.url);
    expect(inApp.pathname).toBe('/tasks');
    expect(inApp.searchParams.get('task')).toBe(task.id);
    const mail = await sink.waitFor(owner.email, isReminder);
    const emailed = /https?:\/\/\S+\/tasks\?task=[^\s"<>]+/.exec(mail.text ?? '')?.[0];
    expect(emailed).toBeDefined();
    expect(new URL(emailed ?? '').searchParams.get('task')).toBe(task.id);
    // What the web app does with it: ask for that task.
    expect((await t.get(owner.token, inApp.searchParams.get('task') ?? '')).title).toBe('Follow the link');
  });

  it('with CRM.tasks switched off, a reminder waits (delayed, not failed) and goes out once tasks are back on', async () => {
    const owner = await signUp(kontor);
    const dueAt = inMs(2_000);
    const task = await t.create(owner.token, { title: 'Feature off', dueAt });
    await t.setTasksFeature(owner.token, false);
    let switchedBack = false;
    try {
      // The worker took the job and put it back to wait: delayed, not failed, nothing sent.
      await expect
        .poll(
          async () => {
            const job = await reminders.get(reminderJobId(task, dueAt));
            return job?.processedOn !== undefined && job.processedOn !== null ? await job.getState() : 'not yet';
          },
          { timeout: 25_000, interval: 100 },
        )
        .toBe('delayed');
      expect(await t.unread(owner.token)).toBe(0);
      expect(await mails.get(mailJobId(task, dueAt))).toBeUndefined();
      expect(reminderMails(owner.email)).toHaveLength(0);

      await t.setTasksFeature(owner.token, true);
      switchedBack = true;
      // Its next look comes a minute later; bring it forward rather than wait.
      await (await reminders.get(reminderJobId(task, dueAt)))?.promote();
      await expect.poll(() => t.unread(owner.token), { timeout: 25_000, interval: 100 }).toBe(1);
      await expect.poll(() => reminderMails(owner.email).length, { timeout: 25_000, interval: 100 }).toBe(1);
    } finally {
      if (!switchedBack) await t.setTasksFeature(owner.token, true);
    }
  });

  it('markNotificationsRead marks the caller’s own, by id or all; nobody sees or marks another person’s', async () => {
    const owner = await signUp(kontor);
    const agent = await join(kontor, owner, 'AGENT', mailText);
    const dueAt = inMs(3_600_000);
    const remind = async (title: string, assigneeId: string): Promise<void> => {
      const task = await t.create(owner.token, { title, dueAt, assigneeId });
      expect(await sendTaskReminder(kontor.app, jobData(owner, task, dueAt), false)).toBe('sent');
    };
    await remind('Owner first', owner.userId);
    await remind('Owner second', owner.userId);
    await remind('Agent only', agent.userId);

    const mine = await t.notifications(owner.token);
    // Newest first.
    expect(mine.nodes.map((n) => paramsOf(n).title)).toEqual(['Owner second', 'Owner first']);
    expect(mine.unread).toBe(2);
    const theirs = await t.notifications(agent.token);
    expect(theirs.nodes.map((n) => paramsOf(n).title)).toEqual(['Agent only']);
    const [second, first] = mine.nodes.map((n) => n.id);
    const [agentsOwn] = theirs.nodes.map((n) => n.id);
    if (!first || !second || !agentsOwn) throw new Error('notifications missing');

    // Another person's ids match nothing.
    expect(await t.markRead(agent.token, { ids: [first, second] })).toBe(0);
    expect(await t.unread(owner.token)).toBe(2);

    expect(await t.markRead(owner.token, { ids: [first] })).toBe(1);
    expect(await t.markRead(owner.token, { ids: [first] })).toBe(0);
    // Saying nothing, or both, is refused with the field; so is an unbounded list.
    const refused = async (input: Record<string, unknown>) => (await kontor.gql(MARK_READ, { input }, owner.token)).errors?.[0]?.extensions;
    expect(await refused({ ids: [] })).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'ids'], reason: 'REQUIRED' });
    expect(await refused({})).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'ids'], reason: 'REQUIRED' });
    expect(await refused({ ids: [first], all: true })).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'all'] });
    expect(await refused({ ids: Array.from({ length: 201 }, () => first) })).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'ids'], reason: 'TOO_LONG', params: { max: 200 } });
    const afterOne = await t.notifications(owner.token);
    expect(afterOne.unread).toBe(1);
    expect(afterOne.nodes.find((n) => n.id === first)?.readAt).not.toBeNull();
    expect(afterOne.nodes.find((n) => n.id === second)?.readAt).toBeNull();
    expect((await t.notifications(owner.token, true)).nodes.map((n) => n.id)).toEqual([second]);

    // "All" in another company of the same person touches nothing here.
    const elsewhere = ok(await kontor.gql<{ createTenant: { token: string } }>(`mutation($input: CreateTenantInput!) { createTenant(input: $input) { token } }`, { input: { companyName: 'Second company' } }, owner.token)).createTenant.token;
    expect((await t.notifications(elsewhere)).totalCount).toBe(0);
    expect(await t.markRead(elsewhere, { all: true })).toBe(0);
    expect(await t.unread(owner.token)).toBe(1);

    // The agent's "all" is the agent's only.
    expect(await t.markRead(agent.token, { all: true })).toBe(1);
    expect(await t.unread(owner.token)).toBe(1);
    expect(await t.markRead(owner.token, { all: true })).toBe(1);
    expect(await t.unread(owner.token)).toBe(0);
    expect((await t.notifications(owner.token, true)).totalCount).toBe(0);
    expect((await t.notifications(owner.token)).totalCount).toBe(2);

    // Refused input and principals without notifications.
    expect(problem(await kontor.gql(MARK_READ, { input: { ids: ['garbage'] } }, owner.token))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'ids', '0'] });
    const key = ok(await kontor.gql<{ createApiKey: { secret: string } }>(CREATE_API_KEY, { input: { name: 'k', modules: ['CRM'], access: 'READ_WRITE' } }, owner.token)).createApiKey.secret;
    expect(errorCode(await kontor.gql(NOTIFICATIONS, {}, key))).toBe('UNAUTHENTICATED');
    expect(errorCode(await kontor.gql(MARK_READ, { input: { all: true } }, key))).toBe('UNAUTHENTICATED');
    expect(errorCode(await kontor.gql(NOTIFICATIONS, {}))).toBe('UNAUTHENTICATED');
  });

  // Last: it replaces the worker host the others ran on.
  it('a reminder survives a worker restart: due while no worker runs, it arrives once a new one starts', async () => {
    const owner = await signUp(kontor);
    const dueAt = inMs(2_500);
    const task = await t.create(owner.token, { title: 'Across a restart', dueAt });
    await kontor.workers.close();
    // Wait past the due time with no worker running.
    await sleep(Math.max(0, Date.parse(dueAt) - Date.now()) + 1_000);
    expect(['delayed', 'waiting']).toContain(await (await reminders.get(reminderJobId(task, dueAt)))?.getState());
    expect(await t.unread(owner.token)).toBe(0);

    const mail = createMailDriver(kontor.app.config, kontor.app.log);
    extra.drivers.push(mail);
    const host = new WorkerHost(kontor.app);
    extra.hosts.push(host);
    host.start(processors(kontor.app, mail), 4);

    expect(await finished(reminders, reminderJobId(task, dueAt))).toBe('sent');
    await finished(mails, mailJobId(task, dueAt));
    expect((await t.notifications(owner.token)).nodes.map((n) => paramsOf(n).title)).toEqual(['Across a restart']);
    expect(reminderMails(owner.email).map((m) => m.subject)).toEqual(['Reminder: Across a restart']);
  });
});
