import { randomBytes } from 'node:crypto';
import { SubscriptionStatus } from '../../../schema/marketing/list-member.entity.js';
import { SubscriptionList } from '../../../schema/marketing/subscription-list.entity.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { keysetPage, placeholders, rowDate, rowText, uuidArray, type Row, type SqlCondition } from '../graphql/keyset.js';
import { OrderDirection, pageSize, type ConnectionResult } from '../graphql/pagination.js';
import { checkOptionalText, checkText } from '../platform/auth/auth.service.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import type {
  AddListMembersPayload,
  CreateSubscriptionListInput,
  ListMemberFilter,
  ListMemberNode,
  ListMembersInput,
  RemoveListMembersPayload,
  SubscriptionListNode,
  UpdateSubscriptionListInput,
} from './list.types.js';

export const MAX_LISTS = 500;
const NAME_MAX = 200;
const DESCRIPTION_MAX = 2_000;
/** People added or removed in one call. */
export const MAX_MEMBERS_PER_CALL = 500;

/** The token in the public form's address: 32 random hex digits. */
export function newFormToken(): string {
  return randomBytes(16).toString('hex');
}

export function listNodeFromRow(row: Row): SubscriptionListNode {
  return {
    id: toGlobalId('SubscriptionList', String(row.id)),
    uuid: String(row.id),
    name: String(row.name),
    description: rowText(row.description),
    doubleOptIn: row.double_opt_in === true,
    formToken: String(row.form_token),
    createdAt: rowDate(row.created_at),
    updatedAt: rowDate(row.updated_at),
  };
}

/** The public form's address: the company's id and the list's form token, never the list's id. */
export function formUrl(appUrl: string, tenantId: string, formToken: string): string {
  return `${appUrl.replace(/\/+$/, '')}/subscribe/${tenantId}.${formToken}`;
}

export async function listSubscriptionLists(ctx: ServiceContext): Promise<SubscriptionListNode[]> {
  const rows = await (await ctx.em()).execute<Row[]>(`select * from mkt_lists where tenant_id = ? order by lower(name), id limit ${MAX_LISTS}`, [ctx.tenantId]);
  return rows.map(listNodeFromRow);
}

export async function listByUuid(ctx: ServiceContext, uuid: string): Promise<SubscriptionListNode> {
  const rows = await (await ctx.em()).execute<Row[]>(`select * from mkt_lists where tenant_id = ? and id = ?`, [ctx.tenantId, uuid]);
  const row = rows[0];
  if (!row) throw new NotFoundError('SubscriptionList');
  return listNodeFromRow(row);
}

export async function getSubscriptionList(ctx: ServiceContext, globalId: string, path: string[] = ['id']): Promise<SubscriptionListNode> {
  return listByUuid(ctx, fromGlobalId('SubscriptionList', globalId, path));
}

export interface ListCounts {
  members: number;
  subscribed: number;
  pending: number;
}

/** Members of each list by status, in one grouped query (the index on list and status answers it). */
export async function listCounts(ctx: ServiceContext, listUuids: readonly string[]): Promise<Map<string, ListCounts>> {
  const counts = new Map<string, ListCounts>(listUuids.map((id) => [id, { members: 0, subscribed: 0, pending: 0 }]));
  if (listUuids.length === 0) return counts;
  const rows = await (await ctx.em()).execute<{ list_id: string; status: SubscriptionStatus; n: number }[]>(
    `select list_id, status, count(*)::int as n from mkt_list_members where tenant_id = ? and list_id in (${placeholders(listUuids.length)}) group by 1, 2`,
    [ctx.tenantId, ...listUuids],
  );
  for (const row of rows) {
    const count = counts.get(String(row.list_id));
    if (!count) continue;
    count.members += row.n;
    if (row.status === SubscriptionStatus.SUBSCRIBED) count.subscribed += row.n;
    if (row.status === SubscriptionStatus.PENDING) count.pending += row.n;
  }
  return counts;
}

/** A list name is unique in the company, whatever its case: subscribers choose lists by name in their preferences. */
async function checkNameFree(ctx: ServiceContext, name: string, exceptId: string | null): Promise<void> {
  const em = await ctx.em();
  // Two members creating "News" at once would both pass the check: one waits for the other's commit.
  await em.execute(`select pg_advisory_xact_lock(hashtext('mkt_lists:' || ?))`, [ctx.tenantId]);
  const rows = await em.execute<{ id: string }[]>(`select id from mkt_lists where tenant_id = ? and lower(name) = lower(?) and id <> coalesce(?::uuid, '00000000-0000-0000-0000-000000000000')`, [
    ctx.tenantId,
    name,
    exceptId,
  ]);
  if (rows.length > 0) throw BadUserInputError.field(['input', 'name'], 'another list has this name', 'ALREADY_EXISTS');
}

export async function createSubscriptionList(ctx: ServiceContext, input: CreateSubscriptionListInput): Promise<SubscriptionListNode> {
  const em = await ctx.em();
  const name = checkText(input.name, ['input', 'name'], NAME_MAX);
  const description = checkOptionalText(input.description, ['input', 'description'], DESCRIPTION_MAX);
  await checkNameFree(ctx, name, null);
  if ((await em.count(SubscriptionList, { tenantId: ctx.tenantId })) >= MAX_LISTS) {
    throw BadUserInputError.field(['input', 'name'], `a company has at most ${MAX_LISTS} lists`, 'TOO_MANY', { max: MAX_LISTS });
  }
  const list = em.create(SubscriptionList, {
    tenantId: ctx.tenantId,
    name,
    description,
    doubleOptIn: input.doubleOptIn ?? true,
    formToken: newFormToken(),
    createdById: ctx.principal?.userId ?? null,
  });
  await em.flush();
  return listByUuid(ctx, list.id);
}

async function listEntity(ctx: ServiceContext, globalId: string, path: string[]): Promise<SubscriptionList> {
  const list = await (await ctx.em()).findOne(SubscriptionList, { tenantId: ctx.tenantId, id: fromGlobalId('SubscriptionList', globalId, path) });
  if (!list) throw new NotFoundError('SubscriptionList');
  return list;
}

export async function updateSubscriptionList(ctx: ServiceContext, input: UpdateSubscriptionListInput): Promise<SubscriptionListNode> {
  const list = await listEntity(ctx, input.id, ['input', 'id']);
  if (input.name !== undefined && input.name !== null) {
    const name = checkText(input.name, ['input', 'name'], NAME_MAX);
    if (name.toLowerCase() !== list.name.toLowerCase()) await checkNameFree(ctx, name, list.id);
    list.name = name;
  }
  if (input.description !== undefined) list.description = checkOptionalText(input.description, ['input', 'description'], DESCRIPTION_MAX);
  if (input.doubleOptIn !== undefined && input.doubleOptIn !== null) list.doubleOptIn = input.doubleOptIn;
  if (input.newFormAddress === true) list.formToken = newFormToken();
  await (await ctx.em()).flush();
  return listByUuid(ctx, list.id);
}

/** Removes a list and its memberships, unless a campaign still to send names it (CONFLICT, IN_USE). */
export async function deleteSubscriptionList(ctx: ServiceContext, globalId: string): Promise<string> {
  const list = await listEntity(ctx, globalId, ['input', 'id']);
  const em = await ctx.em();
  // list_ids is text[] (uuids as text).
  const used = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from mkt_campaigns where tenant_id = ? and ?::text = any(list_ids) and status not in ('SENT', 'CANCELLED')`,
    [ctx.tenantId, list.id],
  );
  if ((used[0]?.n ?? 0) > 0) throw new ConflictError('Campaigns still to send use this list; change their audience or cancel them first', ['input', 'id'], 'IN_USE');
  em.remove(list);
  await em.flush();
  return globalId;
}

/** The people's uuids, each a person of this company (else NOT_FOUND, as for any id of another company). */
async function contactUuids(ctx: ServiceContext, globalIds: string[]): Promise<string[]> {
  if (globalIds.length > MAX_MEMBERS_PER_CALL) {
    throw BadUserInputError.field(['input', 'contactIds'], `at most ${MAX_MEMBERS_PER_CALL} people at once`, 'TOO_MANY', { max: MAX_MEMBERS_PER_CALL });
  }
  const ids = [...new Set(globalIds.map((id, i) => fromGlobalId('Contact', id, ['input', 'contactIds', String(i)])))];
  if (ids.length === 0) return [];
  const found = await (await ctx.em()).execute<{ id: string }[]>(`select id from crm_contacts where tenant_id = ? and id = any(?::uuid[])`, [ctx.tenantId, uuidArray(ids)]);
  if (found.length !== ids.length) throw new NotFoundError('Contact');
  return ids;
}

/**
 * Members put people on a list: SUBSCRIBED at once, source "staff" (a pending confirmation counts as
 * confirmed by them). Someone who unsubscribed from the list themselves stays off it.
 */
export async function addListMembers(ctx: ServiceContext, input: ListMembersInput): Promise<AddListMembersPayload> {
  const list = await listEntity(ctx, input.listId, ['input', 'listId']);
  const ids = await contactUuids(ctx, input.contactIds);
  const em = await ctx.em();
  const existing = ids.length
    ? await em.execute<{ contact_id: string; status: SubscriptionStatus }[]>(
        `select contact_id, status from mkt_list_members where tenant_id = ? and list_id = ? and contact_id = any(?::uuid[]) for update`,
        [ctx.tenantId, list.id, uuidArray(ids)],
      )
    : [];
  const statusOf = new Map(existing.map((row) => [String(row.contact_id), row.status]));
  const fresh = ids.filter((id) => !statusOf.has(id));
  const pending = ids.filter((id) => statusOf.get(id) === SubscriptionStatus.PENDING);
  let added = 0;
  if (fresh.length > 0) {
    // A form confirmation committing at the same moment wins; this call then counts the person as subscribed already.
    const inserted = await em.execute<{ id: string }[]>(
      `insert into mkt_list_members (tenant_id, id, created_at, updated_at, list_id, contact_id, status, source)
        select ?, gen_random_uuid(), now(), now(), ?, c, 'SUBSCRIBED', 'staff' from unnest(?::uuid[]) c
        on conflict (tenant_id, list_id, contact_id) do nothing returning id`,
      [ctx.tenantId, list.id, uuidArray(fresh)],
    );
    added += inserted.length;
  }
  if (pending.length > 0) {
    const confirmed = await em.execute<{ id: string }[]>(
      `update mkt_list_members set status = 'SUBSCRIBED', source = 'staff', confirm_token_hash = null, updated_at = now()
        where tenant_id = ? and list_id = ? and contact_id = any(?::uuid[]) and status = 'PENDING' returning id`,
      [ctx.tenantId, list.id, uuidArray(pending)],
    );
    added += confirmed.length;
  }
  const optedOut = ids.filter((id) => statusOf.get(id) === SubscriptionStatus.UNSUBSCRIBED).length;
  return { list: await listByUuid(ctx, list.id), added, alreadySubscribed: ids.length - added - optedOut, optedOut };
}

/** Takes people off a list; the record of someone who unsubscribed themselves stays (it keeps them off). */
export async function removeListMembers(ctx: ServiceContext, input: ListMembersInput): Promise<RemoveListMembersPayload> {
  const list = await listEntity(ctx, input.listId, ['input', 'listId']);
  const ids = await contactUuids(ctx, input.contactIds);
  const removed = ids.length
    ? await (await ctx.em()).execute<{ id: string }[]>(
        `delete from mkt_list_members where tenant_id = ? and list_id = ? and contact_id = any(?::uuid[]) and status <> 'UNSUBSCRIBED' returning id`,
        [ctx.tenantId, list.id, uuidArray(ids)],
      )
    : [];
  return { list: await listByUuid(ctx, list.id), removed: removed.length };
}

function memberNodeFromRow(row: Row): ListMemberNode {
  return {
    id: toGlobalId('ListMember', String(row.id)),
    contactUuid: String(row.contact_id),
    status: String(row.status) as SubscriptionStatus,
    source: String(row.source),
    joinedAt: rowDate(row.created_at),
    confirmedAt: row.confirmed_at ? rowDate(row.confirmed_at) : null,
    unsubscribedAt: row.unsubscribed_at ? rowDate(row.unsubscribed_at) : null,
  };
}

/** A list's members, newest first. */
export async function listMembers(
  ctx: ServiceContext,
  args: { listId: string; first?: number | null; after?: string | null; filter?: ListMemberFilter | null },
): Promise<ConnectionResult<ListMemberNode>> {
  const list = await getSubscriptionList(ctx, args.listId, ['listId']);
  const conditions: SqlCondition[] = [{ sql: 't.list_id = ?', params: [list.uuid] }];
  if (args.filter?.status) conditions.push({ sql: 't.status = ?', params: [args.filter.status] });
  return keysetPage(await ctx.em(), {
    table: 'mkt_list_members',
    tenantId: ctx.tenantId,
    conditions,
    sort: { name: 'JOINED_AT', expr: 't.created_at', cast: 'timestamptz' },
    direction: OrderDirection.DESC,
    first: pageSize(args.first),
    after: args.after,
    toNode: memberNodeFromRow,
  });
}
