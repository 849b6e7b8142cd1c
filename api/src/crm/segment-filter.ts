import { Segment, SegmentEntity } from '../../../schema/crm/segment.entity.js';
import { NotFoundError } from '../graphql/errors.js';
import { fromGlobalId } from '../graphql/global-id.js';
import type { ServiceContext } from '../platform/context/service-context.js';

/** Filter fields that hold a DateTime: JSON keeps them as text, the list filters expect Dates. */
const DATE_KEYS = new Set(['createdAfter', 'createdBefore', 'lastInteractionAfter', 'lastInteractionBefore']);

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, DATE_KEYS.has(key) && typeof inner === 'string' ? new Date(inner) : revive(inner)]));
}

/** The stored filter of a segment of `entity`, as the list filters take it; NOT_FOUND for another tenant's or kind's. */
export async function segmentFilter<F>(ctx: ServiceContext, globalId: string, entity: SegmentEntity, path: string[]): Promise<F> {
  const id = fromGlobalId('Segment', globalId, path);
  const segment = await (await ctx.em()).findOne(Segment, { tenantId: ctx.tenantId, id, entity });
  if (!segment) throw new NotFoundError('Segment');
  return revive(segment.filter) as F;
}
