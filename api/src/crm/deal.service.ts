import { getContact } from './contact.service.js';
import { getCustomerEntity } from './customer.service.js';
import { eventIdFromInput, recentEventOf } from './marketing-event.service.js';
import { requireFeature } from '../platform/modules/feature-switch.js';
import { CustomFieldEntity } from '../../../schema/crm/custom-field.entity.js';
import { customFieldConditions, customFieldSort, customValuesFor, customValuesOf } from './custom-field.service.js';
import { LockMode } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Decimal } from 'decimal.js';
import { Contact } from '../../../schema/crm/contact.entity.js';
import { DealStageChange, DealStageChangeKind } from '../../../schema/crm/deal-stage-change.entity.js';
import { Deal, DealStatus } from '../../../schema/crm/deal.entity.js';
import { PipelineStage } from '../../../schema/crm/pipeline-stage.entity.js';
import { StageChecklistItem } from '../../../schema/crm/stage-checklist-item.entity.js';
import { TenantSettings } from '../../../schema/platform/tenant-settings.entity.js';
import { newId } from '../../../schema/shared/ids.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { keysetFirstPages, keysetPage, likePattern, placeholders, rowDate, rowText, type KeysetQuery, type Row, type SqlCondition, type SortKey } from '../graphql/keyset.js';
import { OrderDirection, pageSize, type ConnectionResult } from '../graphql/pagination.js';
import type { MoneyInput } from '../graphql/scalars.js';
import { checkOptionalText, checkText } from '../platform/auth/auth.service.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { publishEvent } from '../platform/events/event-bus.js';
import { checkCurrency } from '../platform/tenants/settings-values.js';
import { ownerFromInput } from '../platform/users/member-ref.js';
import { USER_COLUMNS, userFromRow } from '../platform/users/user-row.js';
import {
  DealOrderField,
  type CloseDealInput,
  type CreateDealInput,
  type DealChecklistItemNode,
  type DealFilter,
  type DealNode,
  type DealOrder,
  type DealSourceInput,
  type DealStageChangeNode,
  type MoveDealInput,
  type SetDealChecklistItemInput,
  type UpdateDealInput,
} from './deal.types.js';
import {
  closeGap,
  countIn,
  findPipeline,
  findStage,
  lockRows,
  moveInside,
  openGap,
  pipelineFromJoin,
  removeStageRow,
  stageNodeFromRow,
  targetIndex,
  type OrderScope,
} from './pipeline.service.js';
import type { DeletePipelineStageInput } from './pipeline.types.js';
import type { SourceChannel } from '../../../schema/crm/customer.entity.js';

const TITLE_MAX = 300;
const REASON_MAX = 1000;
const UTM_MAX = 200;
/** numeric(19,4): amounts below 10^15. */
const AMOUNT_LIMIT = new Decimal('1e15');
/** A deal's history is short by nature; a list this long is a script gone wrong. */
const HISTORY_MAX = 500;

// ---------------------------------------------------------------------------------------------
// Reading: one row per deal, with its stage, pipeline and owner joined, and rotting computed by
// the database from the same clock as the `rotting` filter.

/** Since when the deal has been idle: its last activity, or entering its stage if that came later. */
const IDLE_SINCE = 'greatest(t.last_activity_at, t.stage_entered_at)';
const ROTTING = (stage: string): string =>
  `(t.status = 'OPEN' and ${stage}.rotting_days is not null and ${IDLE_SINCE} < now() - make_interval(days => ${stage}.rotting_days))`;

// Aliases `ds` and `dp` (not `s`, `p`): keysetFirstPages names its partition `p`.
const EXTRA_COLUMNS = `t.expected_close_date::text as expected_close_text, t.amount::text as amount_text,
  ds.id as s_id, ds.pipeline_id as s_pipeline_id, ds.name as s_name, ds.position as s_position, ds.probability as s_probability, ds.rotting_days as s_rotting_days,
  dp.id as p_id, dp.name as p_name, dp.position as p_position,
  ev.name as event_name, ev.starts_on::text as event_starts,
  ${USER_COLUMNS},
  ${ROTTING('ds')} as is_rotting,
  greatest(0, floor(extract(epoch from now() - ${IDLE_SINCE}) / 86400))::int as idle_days`;
const JOINS = `join crm_pipeline_stages ds on ds.tenant_id = t.tenant_id and ds.id = t.stage_id
  join crm_pipelines dp on dp.tenant_id = t.tenant_id and dp.id = t.pipeline_id
  left join crm_marketing_events ev on ev.tenant_id = t.tenant_id and ev.id = t.source_event_id
  left join memberships om on om.tenant_id = t.tenant_id and om.user_id = t.owner_id
  left join users u on u.id = om.user_id`;

function effectiveProbability(status: DealStatus, own: number | null, stage: number): number {
  if (status === DealStatus.WON) return 100;
  if (status === DealStatus.LOST) return 0;
  return own ?? stage;
}

function eventRef(row: Row): DealNode['source']['event'] {
  const id = rowText(row.source_event_id);
  const name = rowText(row.event_name);
  return id && name !== null ? { id: toGlobalId('MarketingEvent', id), name, startsOn: String(row.event_starts) } : null;
}

function dealNodeFromRow(row: Row): DealNode {
  const id = String(row.id);
  const status = String(row.status) as DealStatus;
  const stage = stageNodeFromRow(row, 's_');
  const own = row.probability === null || row.probability === undefined ? null : Number(row.probability);
  const amount = rowText(row.amount_text);
  const currency = rowText(row.currency);
  return {
    id: toGlobalId('Deal', id),
    uuid: id,
    customValues: customValuesOf(row.custom_fields),
    customerUuid: String(row.customer_id),
    contactUuid: rowText(row.contact_id),
    title: String(row.title),
    pipeline: pipelineFromJoin(row),
    stage,
    position: row.position === null || row.position === undefined ? null : Number(row.position),
    amount: amount !== null && currency !== null ? { amount: new Decimal(amount), currency } : null,
    expectedCloseDate: rowText(row.expected_close_text),
    owner: userFromRow(row),
    source: {
      channel: rowText(row.source_channel) as SourceChannel | null,
      utmSource: rowText(row.utm_source),
      utmMedium: rowText(row.utm_medium),
      utmCampaign: rowText(row.utm_campaign),
      event: eventRef(row),
    },
    status,
    closeReason: rowText(row.close_reason),
    closedAt: row.closed_at === null || row.closed_at === undefined ? null : rowDate(row.closed_at),
    probability: effectiveProbability(status, own, stage.probability),
    probabilityOverridden: own !== null,
    stageEnteredAt: rowDate(row.stage_entered_at),
    lastActivityAt: rowDate(row.last_activity_at),
    rotting: row.is_rotting === true,
    daysWithoutActivity: Number(row.idle_days ?? 0),
    createdAt: rowDate(row.created_at),
    updatedAt: rowDate(row.updated_at),
  };
}

/** Deal nodes by database id, in one query. */
export async function dealNodes(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, DealNode>> {
  if (ids.length === 0) return new Map();
  const rows = await (await ctx.em()).execute<Row[]>(
    `select t.*, ${EXTRA_COLUMNS} from crm_deals t ${JOINS} where t.tenant_id = ? and t.id in (${placeholders(ids.length)})`,
    [ctx.tenantId, ...ids],
  );
  return new Map(rows.map((row) => [String(row.id), dealNodeFromRow(row)]));
}

async function dealNode(ctx: ServiceContext, id: string): Promise<DealNode> {
  const node = (await dealNodes(ctx, [id])).get(id);
  if (!node) throw new NotFoundError('Deal');
  return node;
}

export async function getDeal(ctx: ServiceContext, globalId: string, path: string[] = ['id']): Promise<DealNode> {
  return dealNode(ctx, fromGlobalId('Deal', globalId, path));
}

/** The query shape shared by the list, a customer's deals and the board (see deal-board.service.ts). */
export function dealQuery(
  ctx: ServiceContext,
  conditions: SqlCondition[],
  args: { first?: number | null; after?: string | null; orderBy?: DealOrder | null },
  sort?: SortKey,
): KeysetQuery<DealNode> {
  const direction = args.orderBy?.direction ?? OrderDirection.DESC;
  const field = args.orderBy?.field ?? DealOrderField.CREATED_AT;
  return {
    table: 'crm_deals',
    extraColumns: EXTRA_COLUMNS,
    joins: JOINS,
    tenantId: ctx.tenantId,
    conditions,
    sort: sort ?? sortOf(field === DealOrderField.CUSTOM_FIELD ? DealOrderField.CREATED_AT : field, direction),
    direction,
    first: pageSize(args.first),
    after: args.after,
    toNode: dealNodeFromRow,
  };
}

/** Deals without a close date or an amount sort after every other, in either direction. */
function sortOf(field: Exclude<DealOrderField, DealOrderField.CUSTOM_FIELD>, direction: OrderDirection): SortKey {
  const asc = direction === OrderDirection.ASC;
  switch (field) {
    case DealOrderField.UPDATED_AT:
      return { name: 'UPDATED_AT', expr: 't.updated_at', cast: 'timestamptz' };
    case DealOrderField.EXPECTED_CLOSE_DATE:
      return { name: 'EXPECTED_CLOSE_DATE', expr: `coalesce(t.expected_close_date, '${asc ? 'infinity' : '-infinity'}'::date)`, cast: 'date' };
    case DealOrderField.AMOUNT:
      return { name: 'AMOUNT', expr: `coalesce(t.amount, ${asc ? AMOUNT_LIMIT.toFixed() : '-1'})`, cast: 'numeric' };
    case DealOrderField.TITLE:
      return { name: 'TITLE', expr: 'lower(t.title)', cast: 'text' };
    case DealOrderField.CREATED_AT:
      return { name: 'CREATED_AT', expr: 't.created_at', cast: 'timestamptz' };
  }
}

/** The `rotting` filter: a condition on the deal row alone (list counts do not join). */
function rottingCondition(rotting: boolean): SqlCondition {
  const exists = `exists (select 1 from crm_pipeline_stages rs where rs.tenant_id = t.tenant_id and rs.id = t.stage_id and ${ROTTING('rs')})`;
  return { sql: rotting ? exists : `not ${exists}`, params: [] };
}

export async function listDeals(
  ctx: ServiceContext,
  args: { first?: number | null; after?: string | null; filter?: DealFilter | null; orderBy?: DealOrder | null },
): Promise<ConnectionResult<DealNode>> {
  const filter = args.filter;
  const conditions: SqlCondition[] = [];
  if (filter?.pipelineId) conditions.push({ sql: 't.pipeline_id = ?', params: [fromGlobalId('Pipeline', filter.pipelineId, ['filter', 'pipelineId'])] });
  if (filter?.stageIds) {
    const stageIds = filter.stageIds.map((id, index) => fromGlobalId('PipelineStage', id, ['filter', 'stageIds', String(index)]));
    conditions.push(stageIds.length > 0 ? { sql: `t.stage_id in (${placeholders(stageIds.length)})`, params: stageIds } : { sql: 'false', params: [] });
  }
  if (filter?.statuses?.length) conditions.push({ sql: `t.status in (${placeholders(filter.statuses.length)})`, params: filter.statuses });
  if (filter?.ownerId) conditions.push({ sql: 't.owner_id = ?', params: [fromGlobalId('User', filter.ownerId, ['filter', 'ownerId'])] });
  if (filter?.customerId) conditions.push({ sql: 't.customer_id = ?', params: [fromGlobalId('Customer', filter.customerId, ['filter', 'customerId'])] });
  if (filter?.rotting !== undefined && filter.rotting !== null) conditions.push(rottingCondition(filter.rotting));
  if (filter?.expectedCloseFrom && filter.expectedCloseTo && filter.expectedCloseTo < filter.expectedCloseFrom) {
    throw BadUserInputError.field(['filter', 'expectedCloseTo'], 'must not be before expectedCloseFrom', 'INVALID_DATE_RANGE');
  }
  if (filter?.expectedCloseFrom) conditions.push({ sql: 't.expected_close_date >= ?::date', params: [filter.expectedCloseFrom] });
  if (filter?.expectedCloseTo) conditions.push({ sql: 't.expected_close_date <= ?::date', params: [filter.expectedCloseTo] });
  if (filter?.currency) conditions.push({ sql: 't.currency = ?', params: [checkCurrency(filter.currency, ['filter', 'currency'])] });
  if (filter?.amountMin && filter.amountMax && filter.amountMax.lt(filter.amountMin)) {
    throw BadUserInputError.field(['filter', 'amountMax'], 'must not be below amountMin', 'INVALID');
  }
  if (filter?.amountMin) conditions.push({ sql: 't.amount >= ?::numeric', params: [filter.amountMin.toFixed()] });
  if (filter?.amountMax) conditions.push({ sql: 't.amount <= ?::numeric', params: [filter.amountMax.toFixed()] });
  const search = filter?.search?.trim();
  if (search) conditions.push({ sql: 't.title ilike ?', params: [likePattern(search)] });
  if (filter?.customFields?.length) {
    requireFeature(ctx, 'CRM.customFields');
    conditions.push(...(await customFieldConditions(ctx, CustomFieldEntity.DEAL, filter.customFields, ['filter', 'customFields'])));
  }
  let sort: SortKey | undefined;
  if (args.orderBy?.field === DealOrderField.CUSTOM_FIELD) {
    requireFeature(ctx, 'CRM.customFields');
    sort = await customFieldSort(ctx, CustomFieldEntity.DEAL, args.orderBy.customFieldKey, ['orderBy', 'customFieldKey']);
  }
  return keysetPage(await ctx.em(), dealQuery(ctx, conditions, args, sort));
}

/**
 * `customer.deals` for every customer of a response in one query (per page size and statuses). A
 * page after a cursor is rare in nested lists and runs on its own.
 */
export function customerDealsLoader(ctx: RequestContext, first: number | null | undefined, statuses: DealStatus[] | null | undefined): DataLoader<string, ConnectionResult<DealNode>> {
  const size = pageSize(first);
  const wanted = [...new Set(statuses ?? [])].sort();
  const conditions: SqlCondition[] = wanted.length > 0 ? [{ sql: `t.status in (${placeholders(wanted.length)})`, params: wanted }] : [];
  return ctx.loader(`crm.customerDeals:${size}:${wanted.join(',')}`, () =>
    new DataLoader<string, ConnectionResult<DealNode>>(async (customerIds) => {
      const pages = await keysetFirstPages(await ctx.em(), dealQuery(ctx, conditions, { first: size }), { column: 'customer_id', keys: customerIds });
      return customerIds.map((id) => pages.get(id) ?? new Error(`no page for customer ${id}`));
    }),
  );
}

/** Batches every `deal.contact` of a response into one query. */

function checklistKey(deal: Pick<DealNode, 'uuid' | 'stage'>): string {
  return `${deal.uuid}:${deal.stage.uuid}`;
}

/** Batches every `deal.checklist` of a response: the items of each deal's stage, with its marks, in one query. */
export function dealChecklistLoader(ctx: RequestContext): DataLoader<string, DealChecklistItemNode[]> {
  return ctx.loader('crm.dealChecklist', () =>
    new DataLoader<string, DealChecklistItemNode[]>(async (keys) => {
      const pairs = keys.map((key) => key.split(':'));
      const dealIds = pairs.map(([dealId]) => dealId ?? '');
      const stageIds = pairs.map(([, stageId]) => stageId ?? '');
      const rows = await (await ctx.em()).execute<Row[]>(
        `select k.deal_id, i.id, i.title, m.done_at, ${USER_COLUMNS}
           from unnest(array[${placeholders(keys.length)}]::uuid[], array[${placeholders(keys.length)}]::uuid[]) as k(deal_id, stage_id)
           join crm_stage_checklist_items i on i.tenant_id = ? and i.stage_id = k.stage_id
           left join crm_deal_checklist_marks m on m.tenant_id = i.tenant_id and m.deal_id = k.deal_id and m.item_id = i.id
           left join memberships mm on mm.tenant_id = m.tenant_id and mm.user_id = m.done_by_id
           left join users u on u.id = mm.user_id
          order by k.deal_id, i.position, i.id`,
        [...dealIds, ...stageIds, ctx.tenantId],
      );
      const byDeal = new Map<string, DealChecklistItemNode[]>();
      for (const row of rows) {
        const doneAt = row.done_at === null || row.done_at === undefined ? null : rowDate(row.done_at);
        const list = byDeal.get(String(row.deal_id)) ?? [];
        list.push({ id: toGlobalId('StageChecklistItem', String(row.id)), title: String(row.title), done: doneAt !== null, doneAt, doneBy: doneAt ? userFromRow(row) : null });
        byDeal.set(String(row.deal_id), list);
      }
      return pairs.map(([dealId]) => byDeal.get(dealId ?? '') ?? []);
    }),
  );
}

export function dealChecklist(ctx: RequestContext, deal: DealNode): Promise<DealChecklistItemNode[]> {
  return dealChecklistLoader(ctx).load(checklistKey(deal));
}

const CHANGE_COLUMNS = `c.*, ${USER_COLUMNS}`;
const CHANGE_JOINS = `left join memberships cm on cm.tenant_id = c.tenant_id and cm.user_id = c.changed_by_id
  left join users u on u.id = cm.user_id`;

function stageChangeFromRow(row: Row): DealStageChangeNode {
  const fromStage = rowText(row.from_stage_id);
  const toStage = rowText(row.to_stage_id);
  const count = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
  return {
    id: toGlobalId('DealStageChange', String(row.id)),
    kind: String(row.kind) as DealStageChangeKind,
    fromStageId: fromStage ? toGlobalId('PipelineStage', fromStage) : null,
    fromStageName: rowText(row.from_stage_name),
    toStageId: toStage ? toGlobalId('PipelineStage', toStage) : null,
    toStageName: String(row.to_stage_name),
    statusAfter: String(row.status_after) as DealStatus,
    reason: rowText(row.reason),
    changedBy: userFromRow(row),
    changedAt: rowDate(row.changed_at),
    checklistDone: count(row.checklist_done),
    checklistTotal: count(row.checklist_total),
  };
}

/** Stage changes by database id, in one query (timelines). */
export async function loadStageChangeNodes(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, DealStageChangeNode>> {
  if (ids.length === 0) return new Map();
  const rows = await (await ctx.em()).execute<Row[]>(
    `select ${CHANGE_COLUMNS} from crm_deal_stage_changes c ${CHANGE_JOINS} where c.tenant_id = ? and c.id in (${placeholders(ids.length)})`,
    [ctx.tenantId, ...ids],
  );
  return new Map(rows.map((row) => [String(row.id), stageChangeFromRow(row)]));
}

/** Batches every `deal.stageHistory` of a response into one query: newest first, at most 500 each. */
export function dealHistoryLoader(ctx: RequestContext): DataLoader<string, DealStageChangeNode[]> {
  return ctx.loader('crm.dealHistory', () =>
    new DataLoader<string, DealStageChangeNode[]>(async (dealIds) => {
      const rows = await (await ctx.em()).execute<Row[]>(
        `select * from (
           select ${CHANGE_COLUMNS}, row_number() over (partition by c.deal_id order by c.changed_at desc, c.id desc) as rank
             from crm_deal_stage_changes c ${CHANGE_JOINS}
            where c.tenant_id = ? and c.deal_id in (${placeholders(dealIds.length)})) x
          where x.rank <= ? order by x.deal_id, x.changed_at desc, x.id desc`,
        [ctx.tenantId, ...dealIds, HISTORY_MAX],
      );
      const byDeal = new Map<string, DealStageChangeNode[]>(dealIds.map((id) => [id, []]));
      for (const row of rows) byDeal.get(String(row.deal_id))?.push(stageChangeFromRow(row));
      return dealIds.map((id) => byDeal.get(id) ?? []);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Checks

function checkProbability(value: number | null | undefined, path: string[]): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value) || value < 0 || value > 100) throw BadUserInputError.field(path, 'must be between 0 and 100', 'OUT_OF_RANGE', { min: 0, max: 100 });
  return value;
}

/** Decimals an amount in `currency` may have (2 for EUR, 0 for JPY, 3 for KWD). */
function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

async function tenantCurrency(ctx: ServiceContext): Promise<string> {
  const settings = await (await ctx.em()).findOne(TenantSettings, { tenantId: ctx.tenantId });
  return settings?.currency ?? 'EUR';
}

/** An amount to store: not negative, below 10^15, no finer than the currency's minor unit. */
/** A checked amount: within range, with no more decimals than its currency has; the company currency by default. */
export async function checkMoney(ctx: ServiceContext, input: MoneyInput, path: string[]): Promise<{ amount: string; currency: string }> {
  const currency = input.currency ? checkCurrency(input.currency, [...path, 'currency']) : await tenantCurrency(ctx);
  const amount = input.amount;
  if (amount.isNegative() || amount.gte(AMOUNT_LIMIT)) {
    throw BadUserInputError.field([...path, 'amount'], `must be between 0 and ${AMOUNT_LIMIT.minus(1).toFixed()}`, 'OUT_OF_RANGE', { min: 0, max: AMOUNT_LIMIT.minus(1).toFixed() });
  }
  const digits = minorDigits(currency);
  if (amount.decimalPlaces() > digits) throw BadUserInputError.field([...path, 'amount'], `${currency} amounts have at most ${digits} decimals`, 'TOO_MANY_DECIMALS', { max: digits });
  return { amount: amount.toFixed(digits), currency };
}

async function checkSource(ctx: ServiceContext, input: DealSourceInput | null): Promise<Pick<Deal, 'sourceChannel' | 'utmSource' | 'utmMedium' | 'utmCampaign' | 'sourceEventId'>> {
  const path = ['input', 'source'];
  return {
    sourceChannel: input?.channel ?? null,
    utmSource: checkOptionalText(input?.utmSource, [...path, 'utmSource'], UTM_MAX),
    utmMedium: checkOptionalText(input?.utmMedium, [...path, 'utmMedium'], UTM_MAX),
    utmCampaign: checkOptionalText(input?.utmCampaign, [...path, 'utmCampaign'], UTM_MAX),
    sourceEventId: input?.eventId ? await eventIdFromInput(ctx, input.eventId, [...path, 'eventId']) : null,
  };
}

/** A deal's person must be one of its customer's (or of no customer). */
export function checkContactOfCustomer(contact: Contact, customerId: string, path: string[]): void {
  const of = contact.customer?.id ?? null;
  if (of !== null && of !== customerId) throw BadUserInputError.field(path, 'belongs to another customer than the deal’s', 'CONTACT_NOT_OF_CUSTOMER');
}

/** The deal entity, for changes; NOT_FOUND when it is not this tenant's. `lock` holds its row until the request ends. */
export async function findDeal(ctx: ServiceContext, globalId: string, path: string[], lock = false): Promise<Deal> {
  const deal = await (await ctx.em()).findOne(Deal, { tenantId: ctx.tenantId, id: fromGlobalId('Deal', globalId, path) }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!deal) throw new NotFoundError('Deal');
  return deal;
}

// ---------------------------------------------------------------------------------------------
// The board column and the history

/** The open deals of one stage, in board order. */
const columnScope = (tenantId: string, stageId: string): OrderScope => ({ table: 'crm_deals', where: `tenant_id = ? and stage_id = ? and status = 'OPEN'`, params: [tenantId, stageId] });

async function stageOf(ctx: ServiceContext, stageId: string): Promise<PipelineStage> {
  return (await ctx.em()).findOneOrFail(PipelineStage, { tenantId: ctx.tenantId, id: stageId });
}

/** How many items of `stageId`'s checklist are done on the deal, of how many. */
async function checklistCounts(ctx: ServiceContext, dealId: string, stageId: string): Promise<{ done: number; total: number }> {
  const [row] = await (await ctx.em()).execute<Row[]>(
    `select (select count(*)::int from crm_stage_checklist_items i where i.tenant_id = ? and i.stage_id = ?) as total,
            (select count(*)::int from crm_deal_checklist_marks m join crm_stage_checklist_items i on i.tenant_id = m.tenant_id and i.id = m.item_id
              where m.tenant_id = ? and m.deal_id = ? and i.stage_id = ?) as done`,
    [ctx.tenantId, stageId, ctx.tenantId, dealId, stageId],
  );
  return { done: Number(row?.done ?? 0), total: Number(row?.total ?? 0) };
}

async function recordChange(
  ctx: ServiceContext,
  deal: Deal,
  change: { kind: DealStageChangeKind; from: PipelineStage | null; to: PipelineStage; at: Date; reason?: string | null; checklist: { done: number; total: number } | null },
): Promise<void> {
  const em = await ctx.em();
  em.persist(
    em.create(DealStageChange, {
      tenantId: ctx.tenantId,
      dealId: deal.id,
      kind: change.kind,
      fromStageId: change.from?.id ?? null,
      fromStageName: change.from?.name ?? null,
      toStageId: change.to.id,
      toStageName: change.to.name,
      statusAfter: deal.status,
      reason: change.reason ?? null,
      changedById: ctx.principal?.userId ?? null,
      changedAt: change.at,
      checklistDone: change.checklist?.done ?? null,
      checklistTotal: change.checklist?.total ?? null,
    }),
  );
  // Entering a stage (created in it or moved to it) and winning are news for other modules.
  const moved = change.kind === DealStageChangeKind.CREATED || change.kind === DealStageChangeKind.MOVED;
  if (moved || change.kind === DealStageChangeKind.WON) {
    publishEvent(ctx, { kind: moved ? 'DEAL_STAGE_CHANGED' : 'DEAL_WON', dealId: deal.id, contactId: deal.contactId ?? null, pipelineId: change.to.pipelineId, stageId: change.to.id });
  }
}

/** The current board position of a deal whose row is locked (raw: moves renumber it in SQL). */
async function currentPosition(ctx: ServiceContext, dealId: string): Promise<number | null> {
  const [row] = await (await ctx.em()).execute<Row[]>('select position from crm_deals where tenant_id = ? and id = ?', [ctx.tenantId, dealId]);
  return row?.position === null || row?.position === undefined ? null : Number(row.position);
}

// ---------------------------------------------------------------------------------------------
// Changes

/** Where a new deal goes: the named stage (in the named pipeline), or the first stage of the pipeline, or of the first pipeline. */
async function placeOfNewDeal(ctx: ServiceContext, input: CreateDealInput): Promise<PipelineStage> {
  const em = await ctx.em();
  const pipeline = input.pipelineId ? await findPipeline(ctx, input.pipelineId, ['input', 'pipelineId']) : null;
  if (input.stageId) {
    const stage = await findStage(ctx, input.stageId, ['input', 'stageId']);
    if (pipeline && stage.pipelineId !== pipeline.id) throw BadUserInputError.field(['input', 'stageId'], 'is a stage of another pipeline', 'STAGE_NOT_IN_PIPELINE');
    return stage;
  }
  let pipelineId = pipeline?.id;
  if (!pipelineId) {
    const [first] = await em.execute<Row[]>('select id from crm_pipelines where tenant_id = ? order by position, id limit 1', [ctx.tenantId]);
    if (!first) throw BadUserInputError.field(['input', 'pipelineId'], 'the company has no pipeline yet: create one first', 'REQUIRED');
    pipelineId = String(first.id);
  }
  const [firstStage] = await em.execute<Row[]>('select id from crm_pipeline_stages where tenant_id = ? and pipeline_id = ? order by position, id limit 1', [ctx.tenantId, pipelineId]);
  if (!firstStage) throw BadUserInputError.field(['input', 'pipelineId'], 'the pipeline has no stages yet', 'NO_STAGES');
  return stageOf(ctx, String(firstStage.id));
}

/**
 * Every field is checked before anything is written. The deal goes to the end of its stage's
 * column; its creation is the first entry of its history.
 */
export async function createDeal(ctx: ServiceContext, input: CreateDealInput): Promise<DealNode> {
  const em = await ctx.em();
  const title = checkText(input.title, ['input', 'title'], TITLE_MAX);
  const customer = await getCustomerEntity(ctx, input.customerId, ['input', 'customerId']);
  let contactId: string | null = null;
  if (input.contactId) {
    const contact = await getContact(ctx, input.contactId, ['input', 'contactId']);
    checkContactOfCustomer(contact, customer.id, ['input', 'contactId']);
    contactId = contact.id;
  }
  const stage = await placeOfNewDeal(ctx, input);
  const money = input.amount ? await checkMoney(ctx, input.amount, ['input', 'amount']) : null;
  // A person who adds a deal looks after it unless they say otherwise; an API key is nobody.
  const ownerId = (await ownerFromInput(ctx, input.ownerId, ['input', 'ownerId'])) ?? (input.ownerId === null ? null : (ctx.principal?.userId ?? null));
  // Attribution: what brought the customer brought the deal, unless the caller knows better.
  const source =
    input.source === undefined
      ? {
          sourceChannel: customer.sourceChannel ?? null,
          utmSource: customer.utmSource ?? null,
          utmMedium: customer.utmMedium ?? null,
          utmCampaign: customer.utmCampaign ?? null,
          sourceEventId: await recentEventOf(ctx, customer.id, contactId),
        }
      : await checkSource(ctx, input.source);
  const probability = checkProbability(input.probability, ['input', 'probability']);

  await lockRows(em, 'crm_pipeline_stages', ctx.tenantId, [stage.id]);
  const now = new Date();
  const deal = em.create(Deal, {
    tenantId: ctx.tenantId,
    title,
    customerId: customer.id,
    contactId,
    pipelineId: stage.pipelineId,
    stageId: stage.id,
    position: await countIn(em, columnScope(ctx.tenantId, stage.id)),
    amount: money?.amount ?? null,
    currency: money?.currency ?? null,
    expectedCloseDate: input.expectedCloseDate ?? null,
    ownerId,
    createdById: ctx.principal?.userId ?? null,
    ...source,
    probability,
    stageEnteredAt: now,
    lastActivityAt: now,
    customFields: await customValuesFor(ctx, CustomFieldEntity.DEAL, {}, input.customFields, true),
  });
  em.persist(deal);
  await recordChange(ctx, deal, { kind: DealStageChangeKind.CREATED, from: null, to: stage, at: now, checklist: null });
  await em.flush();
  return dealNode(ctx, deal.id);
}

/** An edit counts as activity. Stages change with moveDeal, status with closeDeal and reopenDeal. */
export async function updateDeal(ctx: ServiceContext, input: UpdateDealInput): Promise<DealNode> {
  const deal = await findDeal(ctx, input.id, ['input', 'id']);
  const em = await ctx.em();
  if (input.title !== undefined) {
    if (input.title === null) throw BadUserInputError.field(['input', 'title'], 'must not be empty', 'REQUIRED');
    deal.title = checkText(input.title, ['input', 'title'], TITLE_MAX);
  }
  if (input.customerId !== undefined) {
    if (input.customerId === null) throw BadUserInputError.field(['input', 'customerId'], 'a deal needs its customer', 'REQUIRED');
    deal.customerId = (await getCustomerEntity(ctx, input.customerId, ['input', 'customerId'])).id;
  }
  if (input.contactId !== undefined) deal.contactId = input.contactId === null ? null : (await getContact(ctx, input.contactId, ['input', 'contactId'])).id;
  if (deal.contactId && (input.contactId !== undefined || input.customerId !== undefined)) {
    const contact = await em.findOne(Contact, { tenantId: ctx.tenantId, id: deal.contactId });
    // A new customer whose people do not include the deal's person: the person must change too.
    if (contact) checkContactOfCustomer(contact, deal.customerId, ['input', input.contactId !== undefined ? 'contactId' : 'customerId']);
  }
  if (input.amount !== undefined) {
    const money = input.amount === null ? null : await checkMoney(ctx, input.amount, ['input', 'amount']);
    deal.amount = money?.amount ?? null;
    deal.currency = money?.currency ?? null;
  }
  if (input.expectedCloseDate !== undefined) deal.expectedCloseDate = input.expectedCloseDate;
  if (input.ownerId !== undefined) deal.ownerId = (await ownerFromInput(ctx, input.ownerId, ['input', 'ownerId'])) ?? null;
  if (input.source !== undefined) Object.assign(deal, await checkSource(ctx, input.source));
  if (input.probability !== undefined) deal.probability = checkProbability(input.probability, ['input', 'probability']);
  if (input.customFields) deal.customFields = await customValuesFor(ctx, CustomFieldEntity.DEAL, deal.customFields, input.customFields, false);
  deal.lastActivityAt = new Date();
  await em.flush();
  return dealNode(ctx, deal.id);
}

/**
 * Moves an open deal on the board: inside its column, or into another stage (of any pipeline),
 * at `position` or at the end. Positions stay dense in both columns; a stage change is recorded
 * with how much of the left stage's checklist was done.
 */
export async function moveDeal(ctx: ServiceContext, input: MoveDealInput): Promise<DealNode> {
  const deal = await findDeal(ctx, input.id, ['input', 'id'], true);
  if (deal.status !== DealStatus.OPEN) throw new ConflictError('A closed deal is not on the board: reopen it first', ['input', 'id'], 'DEAL_CLOSED');
  const target = await findStage(ctx, input.stageId, ['input', 'stageId']);
  const em = await ctx.em();
  await lockRows(em, 'crm_pipeline_stages', ctx.tenantId, [deal.stageId, target.id]);
  const from = (await currentPosition(ctx, deal.id)) ?? 0;
  if (target.id === deal.stageId) {
    const scope = columnScope(ctx.tenantId, target.id);
    const to = targetIndex(input.position, (await countIn(em, scope)) - 1, ['input', 'position']);
    await moveInside(em, scope, deal.id, from, to);
    return dealNode(ctx, deal.id);
  }
  const source = await stageOf(ctx, deal.stageId);
  const targetScope = columnScope(ctx.tenantId, target.id);
  const to = targetIndex(input.position, await countIn(em, targetScope), ['input', 'position']);
  const checklist = await checklistCounts(ctx, deal.id, source.id);
  await closeGap(em, columnScope(ctx.tenantId, source.id), from);
  await openGap(em, targetScope, to);
  const now = new Date();
  Object.assign(deal, { stageId: target.id, pipelineId: target.pipelineId, position: to, stageEnteredAt: now, lastActivityAt: now });
  await recordChange(ctx, deal, { kind: DealStageChangeKind.MOVED, from: source, to: target, at: now, checklist });
  await em.flush();
  return dealNode(ctx, deal.id);
}

/** Won or lost (a reason is required when lost): the deal leaves the board, its column closes up. */
export async function closeDeal(ctx: ServiceContext, input: CloseDealInput): Promise<DealNode> {
  const deal = await findDeal(ctx, input.id, ['input', 'id'], true);
  const reason = checkOptionalText(input.reason, ['input', 'reason'], REASON_MAX);
  if (!input.won && !reason) throw BadUserInputError.field(['input', 'reason'], 'say why the deal was lost', 'REQUIRED');
  if (deal.status !== DealStatus.OPEN) throw new ConflictError(`The deal is already ${deal.status.toLowerCase()}: reopen it first`, ['input', 'id'], 'DEAL_CLOSED');
  const em = await ctx.em();
  await lockRows(em, 'crm_pipeline_stages', ctx.tenantId, [deal.stageId]);
  const from = await currentPosition(ctx, deal.id);
  if (from !== null) await closeGap(em, columnScope(ctx.tenantId, deal.stageId), from);
  const stage = await stageOf(ctx, deal.stageId);
  const checklist = await checklistCounts(ctx, deal.id, stage.id);
  const now = new Date();
  Object.assign(deal, { status: input.won ? DealStatus.WON : DealStatus.LOST, position: null, closedAt: now, closeReason: reason, lastActivityAt: now });
  await recordChange(ctx, deal, { kind: input.won ? DealStageChangeKind.WON : DealStageChangeKind.LOST, from: stage, to: stage, at: now, reason, checklist });
  await em.flush();
  return dealNode(ctx, deal.id);
}

/** Back on the board, at the end of its stage's column. */
export async function reopenDeal(ctx: ServiceContext, globalId: string): Promise<DealNode> {
  const deal = await findDeal(ctx, globalId, ['input', 'id'], true);
  if (deal.status === DealStatus.OPEN) throw new ConflictError('The deal is open', ['input', 'id'], 'DEAL_NOT_CLOSED');
  const em = await ctx.em();
  await lockRows(em, 'crm_pipeline_stages', ctx.tenantId, [deal.stageId]);
  const stage = await stageOf(ctx, deal.stageId);
  const checklist = await checklistCounts(ctx, deal.id, stage.id);
  const now = new Date();
  Object.assign(deal, { status: DealStatus.OPEN, position: await countIn(em, columnScope(ctx.tenantId, stage.id)), closedAt: null, closeReason: null, lastActivityAt: now });
  await recordChange(ctx, deal, { kind: DealStageChangeKind.REOPENED, from: stage, to: stage, at: now, checklist });
  await em.flush();
  return dealNode(ctx, deal.id);
}

/** Its history and checklist marks go with it; interactions stay (without the deal), tasks about it stay about nobody. */
export async function deleteDeal(ctx: ServiceContext, globalId: string): Promise<string> {
  const deal = await findDeal(ctx, globalId, ['input', 'id'], true);
  const em = await ctx.em();
  await lockRows(em, 'crm_pipeline_stages', ctx.tenantId, [deal.stageId]);
  const from = await currentPosition(ctx, deal.id);
  if (from !== null) await closeGap(em, columnScope(ctx.tenantId, deal.stageId), from);
  await em.execute(`update crm_tasks set subject_type = null, subject_id = null, updated_at = now() where tenant_id = ? and subject_type = 'DEAL' and subject_id = ?`, [ctx.tenantId, deal.id]);
  em.remove(deal);
  await em.flush();
  return globalId;
}

/**
 * A customer's deals, deleted with the customer (customer.service): tasks about them stay about
 * nobody, and the board columns they leave close up.
 */
export async function deleteCustomerDeals(ctx: ServiceContext, customerId: string): Promise<void> {
  const em = await ctx.em();
  const t = ctx.tenantId;
  // Deals before stages, as every other change takes them, so no two requests wait on each other.
  const locked = await em.execute<Row[]>('select stage_id, status from crm_deals where tenant_id = ? and customer_id = ? order by id for update', [t, customerId]);
  const stages = [...new Set(locked.filter((row) => row.status === 'OPEN').map((row) => String(row.stage_id)))];
  await lockRows(em, 'crm_pipeline_stages', t, stages);
  await em.execute(
    `update crm_tasks set subject_type = null, subject_id = null, updated_at = now()
      where tenant_id = ? and subject_type = 'DEAL' and subject_id in (select id from crm_deals where tenant_id = ? and customer_id = ?)`,
    [t, t, customerId],
  );
  await em.execute('delete from crm_deals where tenant_id = ? and customer_id = ?', [t, customerId]);
  if (stages.length === 0) return;
  await em.execute(
    `update crm_deals d set position = r.rank - 1
       from (select id, row_number() over (partition by stage_id order by position, id) as rank
               from crm_deals where tenant_id = ? and status = 'OPEN' and stage_id in (${placeholders(stages.length)})) r
      where d.tenant_id = ? and d.id = r.id and d.position <> r.rank - 1`,
    [t, ...stages, t],
  );
}

/** Marks (or unmarks) an item of the checklist of the deal's current stage; marking counts as activity. */
export async function setDealChecklistItem(ctx: ServiceContext, input: SetDealChecklistItemInput): Promise<DealNode> {
  const deal = await findDeal(ctx, input.dealId, ['input', 'dealId']);
  const em = await ctx.em();
  const item = await em.findOne(StageChecklistItem, { tenantId: ctx.tenantId, id: fromGlobalId('StageChecklistItem', input.itemId, ['input', 'itemId']) });
  if (!item) throw new NotFoundError('StageChecklistItem');
  if (item.stageId !== deal.stageId) throw BadUserInputError.field(['input', 'itemId'], 'is not an item of the deal’s current stage', 'ITEM_NOT_IN_STAGE');
  if (input.done) {
    // Marking twice (or two people at once) keeps the first mark.
    const inserted = await em.execute<Row[]>(
      `insert into crm_deal_checklist_marks (tenant_id, id, created_at, updated_at, deal_id, item_id, done_by_id, done_at)
       values (?, ?, now(), now(), ?, ?, ?, now()) on conflict (tenant_id, deal_id, item_id) do nothing returning id`,
      [ctx.tenantId, newId(), deal.id, item.id, ctx.principal?.userId ?? null],
    );
    if (inserted.length > 0) deal.lastActivityAt = new Date();
  } else {
    await em.execute('delete from crm_deal_checklist_marks where tenant_id = ? and deal_id = ? and item_id = ?', [ctx.tenantId, deal.id, item.id]);
  }
  await em.flush();
  return dealNode(ctx, deal.id);
}

/**
 * Deletes a stage. Refused (CONFLICT, HAS_DEALS) while deals are in it, unless another stage of the
 * pipeline takes them: open ones join the end of its column in their order (a recorded stage
 * change each), won and lost ones are simply filed there.
 */
export async function deletePipelineStage(ctx: ServiceContext, input: DeletePipelineStageInput): Promise<string> {
  const stage = await findStage(ctx, input.id, ['input', 'id']);
  const target = input.moveDealsToStageId ? await findStage(ctx, input.moveDealsToStageId, ['input', 'moveDealsToStageId']) : null;
  if (target && target.id === stage.id) throw BadUserInputError.field(['input', 'moveDealsToStageId'], 'must be another stage than the one deleted', 'INVALID');
  if (target && target.pipelineId !== stage.pipelineId) throw BadUserInputError.field(['input', 'moveDealsToStageId'], 'is a stage of another pipeline', 'STAGE_NOT_IN_PIPELINE');
  const em = await ctx.em();
  // Deals before stages, as every other change takes them, so no two requests wait on each other.
  await em.execute('select id from crm_deals where tenant_id = ? and stage_id = ? order by id for update', [ctx.tenantId, stage.id]);
  await lockRows(em, 'crm_pipelines', ctx.tenantId, [stage.pipelineId]);
  await lockRows(em, 'crm_pipeline_stages', ctx.tenantId, [stage.id, ...(target ? [target.id] : [])]);
  const deals = await countIn(em, { table: 'crm_deals', where: 'tenant_id = ? and stage_id = ?', params: [ctx.tenantId, stage.id] });
  if (deals > 0 && !target) throw new ConflictError(`The stage holds ${deals} deal(s): name a stage to move them to`, ['input', 'id'], 'HAS_DEALS', { count: deals });
  if (target && deals > 0) {
    const t = ctx.tenantId;
    await em.execute(
      `insert into crm_deal_stage_changes (tenant_id, id, created_at, updated_at, deal_id, kind, from_stage_id, from_stage_name, to_stage_id, to_stage_name,
              status_after, reason, changed_by_id, changed_at, checklist_done, checklist_total)
       select d.tenant_id, gen_random_uuid(), now(), now(), d.id, 'MOVED', ?::uuid, ?::text, ?::uuid, ?::text, d.status, null, ?::uuid, now(),
              (select count(*) from crm_deal_checklist_marks m join crm_stage_checklist_items i on i.tenant_id = m.tenant_id and i.id = m.item_id
                where m.tenant_id = d.tenant_id and m.deal_id = d.id and i.stage_id = ?::uuid),
              (select count(*) from crm_stage_checklist_items i where i.tenant_id = d.tenant_id and i.stage_id = ?::uuid)
         from crm_deals d where d.tenant_id = ? and d.stage_id = ? and d.status = 'OPEN'`,
      [stage.id, stage.name, target.id, target.name, ctx.principal?.userId ?? null, stage.id, stage.id, t, stage.id],
    );
    await em.execute(
      `update crm_deals d set stage_id = ?, position = base.start + moved.rank - 1, stage_entered_at = now(), last_activity_at = now(), updated_at = now()
         from (select coalesce(max(position) + 1, 0) as start from crm_deals where tenant_id = ? and stage_id = ? and status = 'OPEN') base,
              (select id, row_number() over (order by position, id) as rank from crm_deals where tenant_id = ? and stage_id = ? and status = 'OPEN') moved
        where d.tenant_id = ? and d.id = moved.id`,
      [target.id, t, target.id, t, stage.id, t],
    );
    await em.execute(`update crm_deals set stage_id = ?, updated_at = now() where tenant_id = ? and stage_id = ?`, [target.id, t, stage.id]);
  }
  await removeStageRow(ctx, stage);
  return input.id;
}
