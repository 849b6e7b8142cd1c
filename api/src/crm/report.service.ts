import { Decimal } from 'decimal.js';
import { SourceChannel } from '../../../schema/crm/customer.entity.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { placeholders, rowText, type Row, type SqlCondition } from '../graphql/keyset.js';
import type { Money } from '../graphql/scalars.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { USER_COLUMNS, userFromRow } from '../platform/users/user-row.js';
import type {
  ActivityCountsNode,
  EventPerformanceNode,
  FunnelStageNode,
  LostReasonNode,
  ManagerPerformanceNode,
  ReportFilter,
  SalesFunnelNode,
  SourcePerformanceNode,
  WonLostReportNode,
  WonLostStageNode,
} from './report.types.js';

/** A year is the longest period a report covers: beyond it, aggregates stop being bounded. */
const MAX_PERIOD_DAYS = 366 * 3;

function checkPeriod(filter: ReportFilter): void {
  if (filter.to.getTime() <= filter.from.getTime()) throw BadUserInputError.field(['filter', 'to'], 'must be after `from`', 'INVALID_DATE_RANGE');
  if (filter.to.getTime() - filter.from.getTime() > MAX_PERIOD_DAYS * 86_400_000) {
    throw BadUserInputError.field(['filter', 'to'], `a report covers at most ${MAX_PERIOD_DAYS} days`, 'INVALID_DATE_RANGE');
  }
}

/** Conditions on deals `d` shared by every report: pipeline, owners, source. */
function dealConditions(ctx: ServiceContext, filter: ReportFilter, options: { pipeline: boolean; owners: boolean }): SqlCondition[] {
  const conditions: SqlCondition[] = [{ sql: 'd.tenant_id = ?', params: [ctx.tenantId] }];
  if (options.pipeline && filter.pipelineId) conditions.push({ sql: 'd.pipeline_id = ?', params: [fromGlobalId('Pipeline', filter.pipelineId, ['filter', 'pipelineId'])] });
  if (options.owners && filter.ownerIds?.length) {
    const ids = filter.ownerIds.map((id, i) => fromGlobalId('User', id, ['filter', 'ownerIds', String(i)]));
    conditions.push({ sql: `d.owner_id in (${placeholders(ids.length)})`, params: ids });
  }
  if (filter.sourceChannels?.length) conditions.push({ sql: `d.source_channel in (${placeholders(filter.sourceChannels.length)})`, params: filter.sourceChannels });
  if (filter.utmCampaign) conditions.push({ sql: 'd.utm_campaign = ?', params: [filter.utmCampaign] });
  if (filter.eventIds?.length) {
    const ids = filter.eventIds.map((id, i) => fromGlobalId('MarketingEvent', id, ['filter', 'eventIds', String(i)]));
    conditions.push({ sql: `d.source_event_id in (${placeholders(ids.length)})`, params: ids });
  }
  return conditions;
}

function where(conditions: SqlCondition[]): { sql: string; params: unknown[] } {
  return { sql: conditions.map((c) => `(${c.sql})`).join(' and '), params: conditions.flatMap((c) => c.params) };
}

/** Sums per currency by key, from rows `{ key, currency, amount }` (amounts summed in SQL as numeric). */
function moneyByKey(rows: Row[]): Map<string, Money[]> {
  const byKey = new Map<string, Money[]>();
  for (const row of rows) {
    if (row.currency === null || row.currency === undefined || row.amount === null || row.amount === undefined) continue;
    const key = String(row.key);
    const list = byKey.get(key) ?? [];
    list.push({ amount: new Decimal(String(row.amount)), currency: String(row.currency) });
    byKey.set(key, list);
  }
  for (const list of byKey.values()) list.sort((a, b) => a.currency.localeCompare(b.currency));
  return byKey;
}

function ratio(part: number, whole: number): Decimal | null {
  return whole === 0 ? null : new Decimal(part).div(whole).toDecimalPlaces(4);
}

async function rows(ctx: ServiceContext, sql: string, params: unknown[]): Promise<Row[]> {
  return (await ctx.em()).execute<Row[]>(sql, params);
}

// ---------------------------------------------------------------------------------------------
// Funnel

/**
 * The funnel of one pipeline for the deals created in the period (a cohort): how many reached each
 * stage (or a later one; won deals passed them all), with amounts, losses and stage-to-stage conversion.
 */
export async function salesFunnel(ctx: ServiceContext, filter: ReportFilter): Promise<SalesFunnelNode> {
  checkPeriod(filter);
  if (!filter.pipelineId) throw BadUserInputError.field(['filter', 'pipelineId'], 'a funnel is of one pipeline', 'REQUIRED');
  const pipelineId = fromGlobalId('Pipeline', filter.pipelineId, ['filter', 'pipelineId']);
  const stages = await rows(ctx, 'select id, name, position from crm_pipeline_stages where tenant_id = ? and pipeline_id = ? order by position, id', [ctx.tenantId, pipelineId]);
  if (stages.length === 0 && (await rows(ctx, 'select 1 from crm_pipelines where tenant_id = ? and id = ?', [ctx.tenantId, pipelineId])).length === 0) throw new NotFoundError('Pipeline');
  const cohort = where([...dealConditions(ctx, filter, { pipeline: true, owners: true }), { sql: 'd.created_at >= ? and d.created_at < ?', params: [filter.from, filter.to] }]);
  // The furthest stage each deal of the cohort reached, by position in this pipeline.
  const reach = `with cohort as (select d.id, d.status, d.stage_id, d.amount, d.currency from crm_deals d where ${cohort.sql}),
    reach as (
      select c.id, case when c.status = 'WON' then 2147483647 else coalesce(max(s.position), -1) end as reached
        from cohort c
        left join crm_deal_stage_changes h on h.tenant_id = ? and h.deal_id = c.id
        left join crm_pipeline_stages s on s.tenant_id = ? and s.id = h.to_stage_id and s.pipeline_id = ?
       group by c.id, c.status)`;
  const reachParams = [...cohort.params, ctx.tenantId, ctx.tenantId, pipelineId];
  const perStage = await rows(
    ctx,
    `${reach} select st.id,
        (select count(*)::int from reach r where r.reached >= st.position) as reached,
        (select count(*)::int from cohort c where c.status = 'OPEN' and c.stage_id = st.id) as open,
        (select count(*)::int from cohort c where c.status = 'LOST' and c.stage_id = st.id) as lost
       from crm_pipeline_stages st where st.tenant_id = ? and st.pipeline_id = ?`,
    [...reachParams, ctx.tenantId, pipelineId],
  );
  const amounts = moneyByKey(
    await rows(
      ctx,
      `${reach} select st.id as key, c.currency, sum(c.amount) as amount
         from crm_pipeline_stages st join reach r on r.reached >= st.position join cohort c on c.id = r.id
        where st.tenant_id = ? and st.pipeline_id = ? and c.amount is not null group by st.id, c.currency`,
      [...reachParams, ctx.tenantId, pipelineId],
    ),
  );
  const totals = (
    await rows(
      ctx,
      `select count(*)::int as created, count(*) filter (where d.status = 'WON')::int as won, count(*) filter (where d.status = 'LOST')::int as lost from crm_deals d where ${cohort.sql}`,
      cohort.params,
    )
  )[0];
  const wonAmount = moneyByKey(
    await rows(ctx, `select 'all' as key, d.currency, sum(d.amount) as amount from crm_deals d where ${cohort.sql} and d.status = 'WON' and d.amount is not null group by d.currency`, cohort.params),
  );
  const byId = new Map(perStage.map((row) => [String(row.id), row]));
  let previous: number | null = null;
  const funnel: FunnelStageNode[] = stages.map((stage) => {
    const row = byId.get(String(stage.id));
    const reached = Number(row?.reached ?? 0);
    const node: FunnelStageNode = {
      stage: { id: toGlobalId('PipelineStage', String(stage.id)), name: String(stage.name), position: Number(stage.position) },
      reached,
      reachedAmount: amounts.get(String(stage.id)) ?? [],
      open: Number(row?.open ?? 0),
      lost: Number(row?.lost ?? 0),
      conversion: previous === null ? null : ratio(reached, previous),
    };
    previous = reached;
    return node;
  });
  const won = Number(totals?.won ?? 0);
  const lost = Number(totals?.lost ?? 0);
  return { stages: funnel, created: Number(totals?.created ?? 0), won, lost, wonAmount: wonAmount.get('all') ?? [], winRate: ratio(won, won + lost) };
}

// ---------------------------------------------------------------------------------------------
// Won and lost

/**
 * Deals closed in the period by the stage they were closed in, with the share of that stage's
 * checklist done at the time (did the manager do what the stage required?), and the lost reasons.
 */
export async function wonLostReport(ctx: ServiceContext, filter: ReportFilter): Promise<WonLostReportNode> {
  checkPeriod(filter);
  const closed = where([
    ...dealConditions(ctx, filter, { pipeline: true, owners: true }),
    { sql: `d.status in ('WON', 'LOST') and d.closed_at >= ? and d.closed_at < ?`, params: [filter.from, filter.to] },
  ]);
  // The record of the closing: the latest WON or LOST change of each deal.
  const closings = `select d.id, d.status::text as status, d.amount, d.currency, d.close_reason, h.to_stage_id, h.to_stage_name, h.checklist_done, h.checklist_total
      from crm_deals d
      left join lateral (
        select x.to_stage_id, x.to_stage_name, x.checklist_done, x.checklist_total from crm_deal_stage_changes x
         where x.tenant_id = d.tenant_id and x.deal_id = d.id and x.kind::text = d.status::text order by x.changed_at desc, x.id desc limit 1) h on true
     where ${closed.sql}`;
  const stageKey = `coalesce(k.to_stage_id::text, '') || '|' || coalesce(k.to_stage_name, '')`;
  const stages = await rows(
    ctx,
    `select ${stageKey} as key, k.to_stage_id, min(k.to_stage_name) as stage_name,
        count(*) filter (where k.status = 'WON')::int as won, count(*) filter (where k.status = 'LOST')::int as lost,
        sum(k.checklist_done) filter (where k.status = 'WON' and k.checklist_total > 0)::int as won_done,
        sum(k.checklist_total) filter (where k.status = 'WON' and k.checklist_total > 0)::int as won_total,
        sum(k.checklist_done) filter (where k.status = 'LOST' and k.checklist_total > 0)::int as lost_done,
        sum(k.checklist_total) filter (where k.status = 'LOST' and k.checklist_total > 0)::int as lost_total,
        min(st.position) as position
       from (${closings}) k left join crm_pipeline_stages st on st.tenant_id = ? and st.id = k.to_stage_id
      group by 1, 2 order by min(st.position) nulls last, 3`,
    [...closed.params, ctx.tenantId],
  );
  const amounts = await rows(ctx, `select ${stageKey} || '|' || k.status as key, k.currency, sum(k.amount) as amount from (${closings}) k where k.amount is not null group by 1, k.currency`, closed.params);
  const money = moneyByKey(amounts);
  const nodes: WonLostStageNode[] = stages.map((row) => {
    const key = String(row.key);
    const stageId = rowText(row.to_stage_id);
    return {
      stageName: rowText(row.stage_name) ?? '',
      stageId: stageId ? toGlobalId('PipelineStage', stageId) : null,
      won: Number(row.won),
      lost: Number(row.lost),
      wonAmount: money.get(`${key}|WON`) ?? [],
      lostAmount: money.get(`${key}|LOST`) ?? [],
      checklistDoneWhenWon: ratio(Number(row.won_done ?? 0), Number(row.won_total ?? 0)),
      checklistDoneWhenLost: ratio(Number(row.lost_done ?? 0), Number(row.lost_total ?? 0)),
    };
  });
  const reasonKey = `lower(regexp_replace(btrim(coalesce(k.close_reason, '')), '\\s+', ' ', 'g'))`;
  const reasons = await rows(
    ctx,
    `select ${reasonKey} as key, min(btrim(k.close_reason)) as reason, count(*)::int as count from (${closings}) k where k.status = 'LOST' group by 1 order by 3 desc, 1 limit 50`,
    closed.params,
  );
  const reasonMoney = moneyByKey(await rows(ctx, `select ${reasonKey} as key, k.currency, sum(k.amount) as amount from (${closings}) k where k.status = 'LOST' and k.amount is not null group by 1, k.currency`, closed.params));
  const lostReasons: LostReasonNode[] = reasons.map((row) => ({ reason: rowText(row.reason) ?? '', count: Number(row.count), amount: reasonMoney.get(String(row.key)) ?? [] }));
  return { stages: nodes, lostReasons };
}

// ---------------------------------------------------------------------------------------------
// Managers

/** Figures per member (and one row for deals nobody owns, when there are any). */
export async function managerPerformance(ctx: ServiceContext, filter: ReportFilter): Promise<ManagerPerformanceNode[]> {
  checkPeriod(filter);
  const owners = filter.ownerIds?.map((id, i) => fromGlobalId('User', id, ['filter', 'ownerIds', String(i)])) ?? null;
  const members = await rows(
    ctx,
    `select ${USER_COLUMNS} from memberships m join users u on u.id = m.user_id where m.tenant_id = ? ${owners?.length ? `and m.user_id in (${placeholders(owners.length)})` : ''} order by lower(coalesce(u.name, u.email))`,
    [ctx.tenantId, ...(owners ?? [])],
  );
  const deals = where(dealConditions(ctx, filter, { pipeline: true, owners: true }));
  const ownerKey = `coalesce(d.owner_id::text, '')`;
  const period = [filter.from, filter.to];
  const counts = await rows(
    ctx,
    `select ${ownerKey} as key,
        count(*) filter (where d.created_at >= ? and d.created_at < ?)::int as created,
        count(*) filter (where d.status = 'WON' and d.closed_at >= ? and d.closed_at < ?)::int as won,
        count(*) filter (where d.status = 'LOST' and d.closed_at >= ? and d.closed_at < ?)::int as lost,
        count(*) filter (where d.status = 'OPEN')::int as open
       from crm_deals d where ${deals.sql} group by 1`,
    [...period, ...period, ...period, ...deals.params],
  );
  const wonAmount = moneyByKey(
    await rows(ctx, `select ${ownerKey} as key, d.currency, sum(d.amount) as amount from crm_deals d where ${deals.sql} and d.status = 'WON' and d.closed_at >= ? and d.closed_at < ? and d.amount is not null group by 1, d.currency`, [...deals.params, ...period]),
  );
  const weighted = moneyByKey(
    await rows(
      ctx,
      `select ${ownerKey} as key, d.currency, round(sum(d.amount * coalesce(d.probability, st.probability, 0) / 100), 2) as amount
         from crm_deals d left join crm_pipeline_stages st on st.tenant_id = d.tenant_id and st.id = d.stage_id
        where ${deals.sql} and d.status = 'OPEN' and d.amount is not null group by 1, d.currency`,
      deals.params,
    ),
  );
  const activity = await rows(
    ctx,
    `select i.created_by_id::text as key, i.kind::text as kind, count(*)::int as n from crm_interactions i
      where i.tenant_id = ? and i.created_by_id is not null and i.occurred_at >= ? and i.occurred_at < ? group by 1, 2`,
    [ctx.tenantId, ...period],
  );
  const tasks = await rows(
    ctx,
    `select t.assignee_id::text as key,
        count(*) filter (where t.completed_at >= ? and t.completed_at < ?)::int as completed,
        count(*) filter (where t.completed_at is null and t.due_at < now())::int as overdue
       from crm_tasks t where t.tenant_id = ? and t.assignee_id is not null group by 1`,
    [...period, ctx.tenantId],
  );
  const byKey = (list: Row[]) => new Map(list.map((row) => [String(row.key), row]));
  const dealCounts = byKey(counts);
  const taskCounts = byKey(tasks);
  const activities = (key: string): ActivityCountsNode => {
    const of = (kind: string) => Number(activity.find((row) => String(row.key) === key && row.kind === kind)?.n ?? 0);
    return { calls: of('CALL'), meetings: of('MEETING'), emails: of('EMAIL'), sms: of('SMS'), notes: of('NOTE') };
  };
  const figures = (key: string, manager: ManagerPerformanceNode['manager']): ManagerPerformanceNode => {
    const row = dealCounts.get(key);
    const won = Number(row?.won ?? 0);
    const lost = Number(row?.lost ?? 0);
    return {
      manager,
      dealsCreated: Number(row?.created ?? 0),
      won,
      lost,
      wonAmount: wonAmount.get(key) ?? [],
      conversion: ratio(won, won + lost),
      openDeals: Number(row?.open ?? 0),
      weightedPipeline: weighted.get(key) ?? [],
      activities: activities(key),
      tasksCompleted: Number(taskCounts.get(key)?.completed ?? 0),
      overdueTasks: Number(taskCounts.get(key)?.overdue ?? 0),
    };
  };
  const result = members.flatMap((row) => {
    const user = userFromRow(row);
    return user ? [figures(String(row.u_id), user)] : [];
  });
  // Deals of nobody (or of a former member) are shown together, unless the report is about chosen members.
  const memberIds = new Set(members.map((row) => String(row.u_id)));
  if (!owners?.length) {
    const orphanKeys = [...dealCounts.keys()].filter((key) => !memberIds.has(key));
    if (orphanKeys.length > 0) {
      const sum = (field: string) => orphanKeys.reduce((total, key) => total + Number(dealCounts.get(key)?.[field] ?? 0), 0);
      const won = sum('won');
      const lost = sum('lost');
      const money = (map: Map<string, Money[]>) => mergeMoney(orphanKeys.flatMap((key) => map.get(key) ?? []));
      result.push({
        ...figures('', null),
        dealsCreated: sum('created'),
        won,
        lost,
        openDeals: sum('open'),
        conversion: ratio(won, won + lost),
        wonAmount: money(wonAmount),
        weightedPipeline: money(weighted),
      });
    }
  }
  return result;
}

function mergeMoney(list: Money[]): Money[] {
  const byCurrency = new Map<string, Decimal>();
  for (const money of list) byCurrency.set(money.currency, (byCurrency.get(money.currency) ?? new Decimal(0)).plus(money.amount));
  return [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount }));
}

// ---------------------------------------------------------------------------------------------
// Sources

function eventRefOf(row: Row): SourcePerformanceNode['event'] {
  const id = rowText(row.source_event_id);
  return id ? { id: toGlobalId('MarketingEvent', id), name: rowText(row.event_name) ?? '', startsOn: String(row.event_starts) } : null;
}

/**
 * Events that started in the period: who came, and the deals that name them as their source
 * (whenever those were created or won), against what the event cost.
 */
export async function eventPerformance(ctx: ServiceContext, filter: ReportFilter): Promise<EventPerformanceNode[]> {
  checkPeriod(filter);
  const deals = where(dealConditions(ctx, filter, { pipeline: true, owners: true }));
  const events = await rows(
    ctx,
    `select e.id as source_event_id, e.name as event_name, e.starts_on::text as event_starts, e.cost_amount::text as cost, e.cost_currency,
        (select count(*)::int from crm_event_attendances a where a.tenant_id = e.tenant_id and a.event_id = e.id) as registered,
        (select count(*)::int from crm_event_attendances a where a.tenant_id = e.tenant_id and a.event_id = e.id and a.attended) as attended
       from crm_marketing_events e where e.tenant_id = ? and e.starts_on >= ?::date and e.starts_on < ?::date order by e.starts_on, e.id`,
    [ctx.tenantId, filter.from.toISOString().slice(0, 10), filter.to.toISOString().slice(0, 10)],
  );
  if (events.length === 0) return [];
  const ids = events.map((e) => String(e.source_event_id));
  const counts = new Map(
    (
      await rows(
        ctx,
        `select d.source_event_id::text as key, count(*)::int as deals, count(*) filter (where d.status = 'WON')::int as won
           from crm_deals d where ${deals.sql} and d.source_event_id in (${placeholders(ids.length)}) group by 1`,
        [...deals.params, ...ids],
      )
    ).map((row) => [String(row.key), row]),
  );
  const won = moneyByKey(
    await rows(ctx, `select d.source_event_id::text as key, d.currency, sum(d.amount) as amount from crm_deals d where ${deals.sql} and d.status = 'WON' and d.amount is not null and d.source_event_id in (${placeholders(ids.length)}) group by 1, d.currency`, [...deals.params, ...ids]),
  );
  return events.map((row) => {
    const key = String(row.source_event_id);
    const costText = rowText(row.cost);
    const currency = rowText(row.cost_currency);
    const cost = costText !== null && currency !== null ? { amount: new Decimal(costText), currency } : null;
    const wonAmount = won.get(key) ?? [];
    const inCostCurrency = cost ? wonAmount.find((m) => m.currency === cost.currency) : undefined;
    return {
      event: { id: toGlobalId('MarketingEvent', key), name: String(row.event_name), startsOn: String(row.event_starts) },
      cost,
      registered: Number(row.registered),
      attended: Number(row.attended),
      deals: Number(counts.get(key)?.deals ?? 0),
      won: Number(counts.get(key)?.won ?? 0),
      wonAmount,
      returnOnCost: cost && inCostCurrency && !cost.amount.isZero() ? inCostCurrency.amount.div(cost.amount).toDecimalPlaces(4) : null,
    };
  });
}

/** Deals created in the period by the channel and campaign they came through. */
export async function dealsBySource(ctx: ServiceContext, filter: ReportFilter): Promise<SourcePerformanceNode[]> {
  checkPeriod(filter);
  const cohort = where([...dealConditions(ctx, filter, { pipeline: true, owners: true }), { sql: 'd.created_at >= ? and d.created_at < ?', params: [filter.from, filter.to] }]);
  const key = `coalesce(d.source_channel::text, '') || '|' || coalesce(d.utm_campaign, '') || '|' || coalesce(d.source_event_id::text, '')`;
  const groups = await rows(
    ctx,
    `select ${key} as key, d.source_channel::text as channel, d.utm_campaign, d.source_event_id, min(e.name) as event_name, min(e.starts_on)::text as event_starts,
        count(*)::int as created, count(*) filter (where d.status = 'WON')::int as won, count(*) filter (where d.status = 'LOST')::int as lost
       from crm_deals d left join crm_marketing_events e on e.tenant_id = d.tenant_id and e.id = d.source_event_id
      where ${cohort.sql} group by 1, 2, 3, 4 order by 7 desc, 1`,
    cohort.params,
  );
  const won = moneyByKey(await rows(ctx, `select ${key} as key, d.currency, sum(d.amount) as amount from crm_deals d where ${cohort.sql} and d.status = 'WON' and d.amount is not null group by 1, d.currency`, cohort.params));
  return groups.map((row) => ({
    channel: (rowText(row.channel) as SourceChannel | null) ?? null,
    utmCampaign: rowText(row.utm_campaign),
    event: eventRefOf(row),
    created: Number(row.created),
    won: Number(row.won),
    wonAmount: won.get(String(row.key)) ?? [],
    winRate: ratio(Number(row.won), Number(row.won) + Number(row.lost)),
  }));
}
