import { SegmentEntity } from '../../../schema/crm/segment.entity.js';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { contactConditions } from '../crm/contact.service.js';
import { customerConditions } from '../crm/customer.service.js';
import { getSegment } from '../crm/segment.service.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { uuidArray, type SqlCondition } from '../graphql/keyset.js';
import type { ServiceContext } from '../platform/context/service-context.js';

/** A campaign's audience as stored: segment and list uuids. */
export interface Audience {
  segmentIds: string[];
  listIds: string[];
}

export const MAX_AUDIENCE_SOURCES = 20;

function and(conditions: SqlCondition[]): SqlCondition {
  if (conditions.length === 0) return { sql: 'true', params: [] };
  return { sql: conditions.map((c) => `(${c.sql})`).join(' and '), params: conditions.flatMap((c) => c.params) };
}

/** Checks the ids a client sent (they exist in this company) and returns their uuids. */
export async function checkAudience(ctx: ServiceContext, input: { segmentIds: string[]; listIds: string[] }, path: string[]): Promise<Audience> {
  if (input.segmentIds.length + input.listIds.length > MAX_AUDIENCE_SOURCES) {
    throw BadUserInputError.field(path, `an audience has at most ${MAX_AUDIENCE_SOURCES} segments and lists`, 'TOO_MANY', { max: MAX_AUDIENCE_SOURCES });
  }
  const segmentIds: string[] = [];
  for (const [i, id] of input.segmentIds.entries()) {
    const segment = await getSegment(ctx, id, [...path, 'segmentIds', String(i)]);
    if (!segmentIds.includes(segment.uuid)) segmentIds.push(segment.uuid);
  }
  const listIds = [...new Set(input.listIds.map((id, i) => fromGlobalId('SubscriptionList', id, [...path, 'listIds', String(i)])))];
  if (listIds.length > 0) {
    const found = await (await ctx.em()).execute<{ id: string }[]>(`select id from mkt_lists where tenant_id = ? and id = any(?::uuid[])`, [ctx.tenantId, uuidArray(listIds)]);
    const missing = listIds.findIndex((id) => !found.some((row) => row.id === id));
    if (missing >= 0) throw BadUserInputError.field([...path, 'listIds', String(missing)], 'no such list in this company', 'INVALID');
  }
  return { segmentIds, listIds };
}

/** The people a segment stands for: its people, or the people of its customers. */
async function segmentPeople(ctx: ServiceContext, segmentUuid: string): Promise<SqlCondition> {
  const segment = await getSegment(ctx, toGlobalId('Segment', segmentUuid)).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw BadUserInputError.field(['audience', 'segmentIds'], 'a segment of the audience was deleted; choose the audience again', 'INVALID');
    throw error;
  });
  const filter = { segmentId: segment.id };
  if (segment.entity === SegmentEntity.CONTACT) {
    const where = and([{ sql: 't.tenant_id = ?', params: [ctx.tenantId] }, ...(await contactConditions(ctx, filter, ['audience']))]);
    return { sql: `select t.id from crm_contacts t where ${where.sql}`, params: where.params };
  }
  const where = and([{ sql: 't.tenant_id = ?', params: [ctx.tenantId] }, ...(await customerConditions(ctx, filter, ['audience']))]);
  return { sql: `select p.id from crm_contacts p where p.tenant_id = ? and p.customer_id in (select t.id from crm_customers t where ${where.sql})`, params: [ctx.tenantId, ...where.params] };
}

/**
 * Whether person `c` may receive the channel now: consent GRANTED, or not refused and subscribed to
 * one of the campaign's lists (a confirmed subscription is consent to that list); an address; and
 * that address not suppressed. Evaluated when the audience is fixed and again when each turn comes.
 */
export function reachable(channel: MarketingChannel, listIds: string[]): SqlCondition {
  const [consent, address] = channel === MarketingChannel.EMAIL ? ['c.email_consent', 'lower(c.email)'] : ['c.sms_consent', 'c.phone'];
  const listed = listIds.length > 0
    ? { sql: `or (${consent} = 'UNKNOWN' and exists (select 1 from mkt_list_members lm where lm.tenant_id = c.tenant_id and lm.contact_id = c.id and lm.status = 'SUBSCRIBED' and lm.list_id = any(?::uuid[])))`, params: [uuidArray(listIds)] }
    : { sql: '', params: [] };
  return {
    sql: `(${consent} = 'GRANTED' ${listed.sql}) and ${address} is not null
      and not exists (select 1 from mkt_suppressions s where s.tenant_id = c.tenant_id and s.channel = ? and s.address = ${address})`,
    params: [...listed.params, channel],
  };
}

/**
 * The audience as one query of (contact_id, address): every source united, people reachable on
 * the channel, one row per address (two people sharing an address get one message).
 */
export async function audienceQuery(ctx: ServiceContext, channel: MarketingChannel, audience: Audience): Promise<SqlCondition> {
  const sources: SqlCondition[] = [];
  for (const id of audience.segmentIds) sources.push(await segmentPeople(ctx, id));
  if (audience.listIds.length > 0) {
    sources.push({ sql: `select lm.contact_id from mkt_list_members lm where lm.tenant_id = ? and lm.status = 'SUBSCRIBED' and lm.list_id = any(?::uuid[])`, params: [ctx.tenantId, uuidArray(audience.listIds)] });
  }
  if (sources.length === 0) return { sql: `select null::uuid as contact_id, null::text as address where false`, params: [] };
  const address = channel === MarketingChannel.EMAIL ? 'lower(c.email)' : 'c.phone';
  const ok = reachable(channel, audience.listIds);
  return {
    sql: `select distinct on (${address}) c.id as contact_id, ${address} as address from crm_contacts c
      where c.tenant_id = ? and c.id in (${sources.map((s) => s.sql).join(' union ')}) and ${ok.sql}
      order by ${address}, c.id`,
    params: [ctx.tenantId, ...sources.flatMap((s) => s.params), ...ok.params],
  };
}

export async function audienceCount(ctx: ServiceContext, channel: MarketingChannel, audience: Audience): Promise<number> {
  const query = await audienceQuery(ctx, channel, audience);
  const rows = await (await ctx.em()).execute<{ n: number }[]>(`select count(*)::int as n from (${query.sql}) a`, query.params);
  return rows[0]?.n ?? 0;
}
