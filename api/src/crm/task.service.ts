import { Task, TaskSubjectType } from '../../../schema/crm/task.entity.js';
import { Customer } from '../../../schema/crm/customer.entity.js';
import { Contact } from '../../../schema/crm/contact.entity.js';
import { Deal } from '../../../schema/crm/deal.entity.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { keysetPage, likePattern, placeholders, rowDate, rowText, type Row, type SqlCondition, type SortKey } from '../graphql/keyset.js';
import { OrderDirection, pageSize, type ConnectionResult } from '../graphql/pagination.js';
import { checkOptionalText, checkText } from '../platform/auth/auth.service.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { USER_COLUMNS, userFromRow } from '../platform/users/user-row.js';
import { memberId } from '../platform/users/member-ref.js';
import { requireFeature } from '../platform/modules/feature-switch.js';
import { scheduleTaskReminder } from './task-reminder.service.js';
import {
  TaskOrderField,
  TaskStatus,
  type CreateTaskInput,
  type OverdueTasksNode,
  type TaskFilter,
  type TaskNode,
  type TaskOrder,
  type UpdateTaskInput,
} from './task.types.js';

const TITLE_MAX = 300;
const NOTES_MAX = 10_000;
/** Tasks without a due time sort after every dated one, in either direction. */
function sortOf(field: TaskOrderField, direction: OrderDirection): SortKey {
  if (field === TaskOrderField.CREATED_AT) return { name: 'CREATED_AT', expr: 't.created_at', cast: 'timestamptz' };
  const last = direction === OrderDirection.ASC ? '9999-12-31T00:00:00Z' : '0001-01-01T00:00:00Z';
  return { name: 'DUE_AT', expr: `coalesce(t.due_at, '${last}'::timestamptz)`, cast: 'timestamptz' };
}

/** True for a task whose assignee is no longer a member (their tasks show and count as unassigned). */
const NOT_A_MEMBER = `not exists (select 1 from memberships mm where mm.tenant_id = t.tenant_id and mm.user_id = t.assignee_id)`;

/** The assignee (only while a member) and the subject's name come with each row. */
const JOINED_COLUMNS = `${USER_COLUMNS},
  case t.subject_type when 'CONTACT' then sc.first_name || coalesce(' ' || sc.last_name, '') when 'CUSTOMER' then sco.name when 'DEAL' then sd.title end as subject_name`;
const JOINS = `left join memberships m on m.tenant_id = t.tenant_id and m.user_id = t.assignee_id
  left join users u on u.id = m.user_id
  left join crm_contacts sc on t.subject_type = 'CONTACT' and sc.tenant_id = t.tenant_id and sc.id = t.subject_id
  left join crm_customers sco on t.subject_type = 'CUSTOMER' and sco.tenant_id = t.tenant_id and sco.id = t.subject_id
  left join crm_deals sd on t.subject_type = 'DEAL' and sd.tenant_id = t.tenant_id and sd.id = t.subject_id`;

const SUBJECT_TYPENAME: Record<TaskSubjectType, string> = { [TaskSubjectType.CONTACT]: 'Contact', [TaskSubjectType.CUSTOMER]: 'Customer', [TaskSubjectType.DEAL]: 'Deal' };

function taskNodeFromRow(row: Row): TaskNode {
  const dueAt = row.due_at === null || row.due_at === undefined ? null : rowDate(row.due_at);
  const completedAt = row.completed_at === null || row.completed_at === undefined ? null : rowDate(row.completed_at);
  const subjectType = rowText(row.subject_type) as TaskSubjectType | null;
  const subjectId = rowText(row.subject_id);
  return {
    id: toGlobalId('Task', String(row.id)),
    title: String(row.title),
    notes: rowText(row.notes),
    dueAt,
    assignee: userFromRow(row),
    subjectType,
    subjectId: subjectType && subjectId ? toGlobalId(SUBJECT_TYPENAME[subjectType], subjectId) : null,
    subjectName: rowText(row.subject_name),
    completedAt,
    overdue: completedAt === null && dueAt !== null && dueAt.getTime() < Date.now(),
    createdAt: rowDate(row.created_at),
    updatedAt: rowDate(row.updated_at),
  };
}

/** One task as the API shows it, read back with its joins. */
async function loadTaskNode(ctx: ServiceContext, id: string): Promise<TaskNode> {
  const rows = await (await ctx.em()).execute<Row[]>(`select t.*, ${JOINED_COLUMNS} from crm_tasks t ${JOINS} where t.tenant_id = ? and t.id = ?`, [ctx.tenantId, id]);
  const row = rows[0];
  if (!row) throw new NotFoundError('Task');
  return taskNodeFromRow(row);
}

/** Task nodes by database id, in one query (timelines). */
export async function loadTaskNodes(ctx: ServiceContext, ids: string[]): Promise<Map<string, TaskNode>> {
  if (ids.length === 0) return new Map();
  const rows = await (await ctx.em()).execute<Row[]>(`select t.*, ${JOINED_COLUMNS} from crm_tasks t ${JOINS} where t.tenant_id = ? and t.id in (${placeholders(ids.length)})`, [ctx.tenantId, ...ids]);
  return new Map(rows.map((row) => [String(row.id), taskNodeFromRow(row)]));
}

async function findTask(ctx: ServiceContext, globalId: string, path: string[]): Promise<Task> {
  const task = await (await ctx.em()).findOne(Task, { tenantId: ctx.tenantId, id: fromGlobalId('Task', globalId, path) });
  if (!task) throw new NotFoundError('Task');
  return task;
}

export async function getTask(ctx: ServiceContext, globalId: string): Promise<TaskNode> {
  return loadTaskNode(ctx, fromGlobalId('Task', globalId, ['id']));
}

function callerId(ctx: ServiceContext): string | null {
  return ctx.principal?.userId ?? null;
}

export async function listTasks(
  ctx: ServiceContext,
  args: { first?: number | null; after?: string | null; filter?: TaskFilter | null; orderBy?: TaskOrder | null },
): Promise<ConnectionResult<TaskNode>> {
  const filter = args.filter;
  const conditions: SqlCondition[] = [];
  const status = filter?.status ?? TaskStatus.OPEN;
  if (status === TaskStatus.OPEN) conditions.push({ sql: 't.completed_at is null', params: [] });
  if (status === TaskStatus.DONE) conditions.push({ sql: 't.completed_at is not null', params: [] });
  if (filter?.mine) {
    const me = callerId(ctx);
    // An API key is nobody: it has no tasks of its own.
    conditions.push(me ? { sql: 't.assignee_id = ?', params: [me] } : { sql: 'false', params: [] });
  }
  if (filter?.assigneeId) conditions.push({ sql: 't.assignee_id = ?', params: [fromGlobalId('User', filter.assigneeId, ['filter', 'assigneeId'])] });
  // A former member's task is nobody's now: it counts as unassigned, as it shows.
  if (filter?.unassigned) conditions.push({ sql: `(t.assignee_id is null or ${NOT_A_MEMBER})`, params: [] });
  if (filter?.overdue) conditions.push({ sql: 't.completed_at is null and t.due_at < now()', params: [] });
  if (filter?.dueBefore) conditions.push({ sql: 't.due_at < ?', params: [filter.dueBefore] });
  if (filter?.dueAfter) conditions.push({ sql: 't.due_at >= ?', params: [filter.dueAfter] });
  if (filter?.subjectId || filter?.subjectType) {
    if (!filter.subjectId || !filter.subjectType) throw BadUserInputError.field(['filter', filter.subjectId ? 'subjectType' : 'subjectId'], 'subjectType and subjectId go together', 'REQUIRED');
    if (filter.subjectType === TaskSubjectType.DEAL) requireFeature(ctx, 'CRM.deals');
    conditions.push({ sql: 't.subject_type = ? and t.subject_id = ?', params: [filter.subjectType, fromGlobalId(SUBJECT_TYPENAME[filter.subjectType], filter.subjectId, ['filter', 'subjectId'])] });
  }
  const search = filter?.search?.trim();
  if (search) conditions.push({ sql: `(t.title || ' ' || coalesce(t.notes, '')) ilike ?`, params: [likePattern(search)] });
  return keysetPage(await ctx.em(), {
    table: 'crm_tasks',
    extraColumns: JOINED_COLUMNS,
    joins: JOINS,
    tenantId: ctx.tenantId,
    conditions,
    sort: sortOf(args.orderBy?.field ?? TaskOrderField.DUE_AT, args.orderBy?.direction ?? OrderDirection.ASC),
    direction: args.orderBy?.direction ?? OrderDirection.ASC,
    first: pageSize(args.first),
    after: args.after,
    toNode: taskNodeFromRow,
  });
}

/** Open overdue tasks per assignee (null: unassigned), most first: what a manager checks each morning. */
export async function overdueTasks(ctx: ServiceContext): Promise<OverdueTasksNode[]> {
  const rows = await (await ctx.em()).execute<Row[]>(
    `select o.count, o.oldest, ${USER_COLUMNS}
       from (select case when ${NOT_A_MEMBER} then null else t.assignee_id end as assignee_id, count(*)::int as count, min(t.due_at) as oldest
               from crm_tasks t where t.tenant_id = ? and t.completed_at is null and t.due_at < now()
              group by 1) o
       left join users u on u.id = o.assignee_id
      order by o.count desc, o.oldest asc`,
    [ctx.tenantId],
  );
  return rows.map((row) => ({ assignee: userFromRow(row), count: Number(row.count), oldestDueAt: rowDate(row.oldest) }));
}

async function subjectOf(
  ctx: ServiceContext,
  type: TaskSubjectType | null | undefined,
  globalId: string | null | undefined,
): Promise<{ subjectType: TaskSubjectType | null; subjectId: string | null }> {
  if (!type && !globalId) return { subjectType: null, subjectId: null };
  if (!type || !globalId) throw BadUserInputError.field(['input', type ? 'subjectId' : 'subjectType'], 'subjectType and subjectId go together', 'REQUIRED');
  const em = await ctx.em();
  const id = fromGlobalId(SUBJECT_TYPENAME[type], globalId, ['input', 'subjectId']);
  if (type === TaskSubjectType.CUSTOMER) {
    if (!(await em.findOne(Customer, { tenantId: ctx.tenantId, id }))) throw new NotFoundError('Customer');
  } else if (type === TaskSubjectType.DEAL) {
    requireFeature(ctx, 'CRM.deals');
    if (!(await em.findOne(Deal, { tenantId: ctx.tenantId, id }))) throw new NotFoundError('Deal');
  } else if (!(await em.findOne(Contact, { tenantId: ctx.tenantId, id }))) {
    throw new NotFoundError('Contact');
  }
  return { subjectType: type, subjectId: id };
}

export async function createTask(ctx: RequestContext, input: CreateTaskInput): Promise<TaskNode> {
  const em = await ctx.em();
  const assigneeId = input.assigneeId === undefined ? callerId(ctx) : input.assigneeId === null ? null : await memberId(ctx, input.assigneeId, ['input', 'assigneeId']);
  const task = em.create(Task, {
    tenantId: ctx.tenantId,
    title: checkText(input.title, ['input', 'title'], TITLE_MAX),
    notes: checkOptionalText(input.notes, ['input', 'notes'], NOTES_MAX),
    dueAt: input.dueAt ?? null,
    assigneeId,
    createdById: callerId(ctx),
    ...(await subjectOf(ctx, input.subjectType, input.subjectId)),
  });
  em.persist(task);
  await em.flush();
  scheduleTaskReminder(ctx, task);
  return loadTaskNode(ctx, task.id);
}

export async function updateTask(ctx: RequestContext, input: UpdateTaskInput): Promise<TaskNode> {
  const task = await findTask(ctx, input.id, ['input', 'id']);
  if (input.title !== undefined) {
    if (input.title === null) throw BadUserInputError.field(['input', 'title'], 'must not be empty', 'REQUIRED');
    task.title = checkText(input.title, ['input', 'title'], TITLE_MAX);
  }
  if (input.notes !== undefined) task.notes = checkOptionalText(input.notes, ['input', 'notes'], NOTES_MAX);
  if (input.dueAt !== undefined) task.dueAt = input.dueAt;
  if (input.assigneeId !== undefined) task.assigneeId = input.assigneeId === null ? null : await memberId(ctx, input.assigneeId, ['input', 'assigneeId']);
  if (input.subjectType !== undefined || input.subjectId !== undefined) {
    const type = input.subjectType === undefined ? task.subjectType : input.subjectType;
    const id = input.subjectId === undefined ? subjectGlobalId(task) : input.subjectId;
    Object.assign(task, await subjectOf(ctx, type, id));
  }
  await (await ctx.em()).flush();
  scheduleTaskReminder(ctx, task);
  return loadTaskNode(ctx, task.id);
}

function subjectGlobalId(task: Task): string | null {
  return task.subjectType && task.subjectId ? toGlobalId(SUBJECT_TYPENAME[task.subjectType], task.subjectId) : null;
}

export async function completeTask(ctx: RequestContext, globalId: string, done: boolean): Promise<TaskNode> {
  const task = await findTask(ctx, globalId, ['input', 'id']);
  // Completing twice keeps the first time; reopening arms the reminder again if it is still ahead.
  if (done) task.completedAt ??= new Date();
  else task.completedAt = null;
  await (await ctx.em()).flush();
  if (!done) scheduleTaskReminder(ctx, task);
  return loadTaskNode(ctx, task.id);
}

export async function deleteTask(ctx: ServiceContext, globalId: string): Promise<string> {
  const task = await findTask(ctx, globalId, ['input', 'id']);
  const em = await ctx.em();
  em.remove(task);
  await em.flush();
  return globalId;
}
