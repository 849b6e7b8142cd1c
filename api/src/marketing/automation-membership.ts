import { SegmentEntity } from '../../../schema/crm/segment.entity.js';
import { contactConditions } from '../crm/contact.service.js';
import type { ContactFilter } from '../crm/contact.types.js';
import { customerConditions } from '../crm/customer.service.js';
import { getSegment } from '../crm/segment.service.js';
import { NotFoundError } from '../graphql/errors.js';
import { toGlobalId } from '../graphql/global-id.js';
import type { SqlCondition } from '../graphql/keyset.js';
import type { ServiceContext } from '../platform/context/service-context.js';

function and(conditions: SqlCondition[]): SqlCondition {
  if (conditions.length === 0) return { sql: 'true', params: [] };
  return { sql: conditions.map((c) => `(${c.sql})`).join(' and '), params: conditions.flatMap((c) => c.params) };
}

/**
 * `select id` of the people a segment stands for (its people, or the people of its customers), or
 * null when the segment is gone. Evaluated whenever asked: segments are saved filters.
 */
export async function segmentMembers(ctx: ServiceContext, segmentUuid: string): Promise<SqlCondition | null> {
  const segment = await getSegment(ctx, toGlobalId('Segment', segmentUuid)).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!segment) return null;
  const filter = { segmentId: segment.id };
  if (segment.entity === SegmentEntity.CONTACT) {
    const where = and([{ sql: 't.tenant_id = ?', params: [ctx.tenantId] }, ...(await contactConditions(ctx, filter, ['segment']))]);
    return { sql: `select t.id from crm_contacts t where ${where.sql}`, params: where.params };
  }
  const where = and([{ sql: 't.tenant_id = ?', params: [ctx.tenantId] }, ...(await customerConditions(ctx, filter, ['segment']))]);
  return { sql: `select p.id from crm_contacts p where p.tenant_id = ? and p.customer_id in (select t.id from crm_customers t where ${where.sql})`, params: [ctx.tenantId, ...where.params] };
}

/** Filter fields that hold a DateTime: JSON keeps them as text, the filters expect Dates. */
const DATE_KEYS = new Set(['createdAfter', 'createdBefore', 'lastInteractionAfter', 'lastInteractionBefore']);

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, DATE_KEYS.has(key) && typeof inner === 'string' ? new Date(inner) : revive(inner)]));
}

/** A stored contact filter, as the list filters take it. */
export function storedContactFilter(value: Record<string, unknown>): ContactFilter {
  return revive(value) as ContactFilter;
}

/** Whether one person is in the segment (false when it is gone) or matches the filter, now. */
export async function contactMatches(ctx: ServiceContext, contactId: string, test: { segmentId: string | null; contactFilter: Record<string, unknown> | null }): Promise<boolean> {
  let inner: SqlCondition;
  if (test.contactFilter) {
    const where = and([{ sql: 't.tenant_id = ?', params: [ctx.tenantId] }, ...(await contactConditions(ctx, storedContactFilter(test.contactFilter), ['contactFilter']))]);
    inner = { sql: `select t.id from crm_contacts t where ${where.sql}`, params: where.params };
  } else if (test.segmentId) {
    const members = await segmentMembers(ctx, test.segmentId);
    if (!members) return false;
    inner = members;
  } else {
    return false;
  }
  const rows = await (await ctx.em()).execute<{ ok: boolean }[]>(`select ?::uuid in (${inner.sql}) as ok`, [contactId, ...inner.params]);
  return rows[0]?.ok === true;
}
