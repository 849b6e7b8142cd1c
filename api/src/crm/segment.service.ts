import { Segment, SegmentEntity } from '../../../schema/crm/segment.entity.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { rowDate, type Row, type SqlCondition } from '../graphql/keyset.js';
import type { ConnectionResult } from '../graphql/pagination.js';
import { checkText } from '../platform/auth/auth.service.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { USER_COLUMNS, userFromRow } from '../platform/users/user-row.js';
import { contactConditions, listContacts } from './contact.service.js';
import type { ContactFilter, ContactNode, ContactOrder } from './contact.types.js';
import { customerConditions, listCustomers } from './customer.service.js';
import type { CustomerFilter, CustomerNode, CustomerOrder } from './customer.types.js';
import type { CreateSegmentInput, SegmentNode, UpdateSegmentInput } from './segment.types.js';

const MAX_SEGMENTS = 500;

function segmentNodeFromRow(row: Row): SegmentNode {
  const filter = row.filter;
  return {
    id: toGlobalId('Segment', String(row.id)),
    uuid: String(row.id),
    name: String(row.name),
    entity: String(row.entity) as SegmentEntity,
    filter: filter !== null && typeof filter === 'object' && !Array.isArray(filter) ? (filter as Record<string, unknown>) : {},
    createdBy: userFromRow(row),
    createdAt: rowDate(row.created_at),
    updatedAt: rowDate(row.updated_at),
  };
}

const SELECT = `select s.*, ${USER_COLUMNS} from crm_segments s
  left join memberships m on m.tenant_id = s.tenant_id and m.user_id = s.created_by_id
  left join users u on u.id = m.user_id`;

export async function listSegments(ctx: ServiceContext, entity: SegmentEntity | null | undefined): Promise<SegmentNode[]> {
  const rows = await (await ctx.em()).execute<Row[]>(
    `${SELECT} where s.tenant_id = ? ${entity ? 'and s.entity = ?' : ''} order by lower(s.name), s.id`,
    entity ? [ctx.tenantId, entity] : [ctx.tenantId],
  );
  return rows.map(segmentNodeFromRow);
}

export async function getSegment(ctx: ServiceContext, globalId: string, path: string[] = ['id']): Promise<SegmentNode> {
  const id = fromGlobalId('Segment', globalId, path);
  const rows = await (await ctx.em()).execute<Row[]>(`${SELECT} where s.tenant_id = ? and s.id = ?`, [ctx.tenantId, id]);
  const row = rows[0];
  if (!row) throw new NotFoundError('Segment');
  return segmentNodeFromRow(row);
}

/** The filter as JSON without empty members: what is stored is exactly what was given. */
function stored(filter: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(filter)) as Record<string, unknown>;
}

/**
 * The filter of the segment's entity, checked the way a list checks it (ids, custom fields,
 * options), so a segment that saves is one that evaluates.
 */
async function checkedFilter(
  ctx: ServiceContext,
  entity: SegmentEntity,
  input: { contactFilter?: ContactFilter | null; customerFilter?: CustomerFilter | null },
): Promise<Record<string, unknown>> {
  const [wanted, other] = entity === SegmentEntity.CONTACT ? (['contactFilter', 'customerFilter'] as const) : (['customerFilter', 'contactFilter'] as const);
  if (input[other]) throw BadUserInputError.field(['input', other], `a ${entity.toLowerCase()} segment takes ${wanted}`, 'INVALID');
  const filter = input[wanted];
  if (!filter) throw BadUserInputError.field(['input', wanted], 'say which records belong to the segment', 'REQUIRED');
  if (filter.segmentId) throw BadUserInputError.field(['input', wanted, 'segmentId'], 'a segment cannot be built on another segment', 'INVALID');
  if (input.contactFilter) await contactConditions(ctx, input.contactFilter, ['input', 'contactFilter']);
  if (input.customerFilter) await customerConditions(ctx, input.customerFilter, ['input', 'customerFilter']);
  return stored(filter);
}

export async function createSegment(ctx: ServiceContext, input: CreateSegmentInput): Promise<SegmentNode> {
  const name = checkText(input.name, ['input', 'name'], 200);
  const filter = await checkedFilter(ctx, input.entity, input);
  const em = await ctx.em();
  if ((await em.count(Segment, { tenantId: ctx.tenantId })) >= MAX_SEGMENTS) {
    throw BadUserInputError.field(['input', 'name'], `a company has at most ${MAX_SEGMENTS} segments`, 'TOO_MANY', { max: MAX_SEGMENTS });
  }
  const segment = em.create(Segment, { tenantId: ctx.tenantId, name, entity: input.entity, filter, createdById: ctx.principal?.userId ?? null });
  em.persist(segment);
  await em.flush();
  return getSegment(ctx, toGlobalId('Segment', segment.id));
}

async function getSegmentEntity(ctx: ServiceContext, globalId: string): Promise<Segment> {
  const segment = await (await ctx.em()).findOne(Segment, { tenantId: ctx.tenantId, id: fromGlobalId('Segment', globalId, ['input', 'id']) });
  if (!segment) throw new NotFoundError('Segment');
  return segment;
}

export async function updateSegment(ctx: ServiceContext, input: UpdateSegmentInput): Promise<SegmentNode> {
  const segment = await getSegmentEntity(ctx, input.id);
  if (input.name !== undefined && input.name !== null) segment.name = checkText(input.name, ['input', 'name'], 200);
  if (input.contactFilter || input.customerFilter) segment.filter = await checkedFilter(ctx, segment.entity, input);
  await (await ctx.em()).flush();
  return getSegment(ctx, input.id, ['input', 'id']);
}

export async function deleteSegment(ctx: ServiceContext, globalId: string): Promise<string> {
  const segment = await getSegmentEntity(ctx, globalId);
  const em = await ctx.em();
  em.remove(segment);
  await em.flush();
  return globalId;
}

/** How many records the segment holds right now: one count over its conditions. */
export async function segmentCount(ctx: ServiceContext, segment: SegmentNode): Promise<number> {
  const filter = { segmentId: segment.id };
  const [table, conditions]: [string, SqlCondition[]] =
    segment.entity === SegmentEntity.CONTACT ? ['crm_contacts', await contactConditions(ctx, filter, ['segment'])] : ['crm_customers', await customerConditions(ctx, filter, ['segment'])];
  const where = [{ sql: 't.tenant_id = ?', params: [ctx.tenantId] }, ...conditions];
  const rows = await (await ctx.em()).execute<Row[]>(`select count(*)::int as n from ${table} t where ${where.map((c) => `(${c.sql})`).join(' and ')}`, where.flatMap((c) => c.params));
  return Number(rows[0]?.n ?? 0);
}

export function segmentContacts(
  ctx: ServiceContext,
  segment: SegmentNode,
  args: { first?: number | null; after?: string | null; orderBy?: ContactOrder | null },
): Promise<ConnectionResult<ContactNode>> {
  if (segment.entity !== SegmentEntity.CONTACT) throw BadUserInputError.field(['contacts'], 'a customer segment lists customers', 'INVALID');
  return listContacts(ctx, { ...args, filter: { segmentId: segment.id } });
}

export function segmentCustomers(
  ctx: ServiceContext,
  segment: SegmentNode,
  args: { first?: number | null; after?: string | null; orderBy?: CustomerOrder | null },
): Promise<ConnectionResult<CustomerNode>> {
  if (segment.entity !== SegmentEntity.CUSTOMER) throw BadUserInputError.field(['customers'], 'a contact segment lists contacts', 'INVALID');
  return listCustomers(ctx, { ...args, filter: { segmentId: segment.id } });
}
