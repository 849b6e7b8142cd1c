import { LockMode } from '@mikro-orm/core';
import { Decimal } from 'decimal.js';
import { Campaign, CampaignStatus } from '../../../schema/marketing/campaign.entity.js';
import { MarketingChannel, MarketingTemplate } from '../../../schema/marketing/template.entity.js';
import { checkMoney } from '../crm/deal.service.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { keysetPage, placeholders, rowDate, rowText, type Row, type SqlCondition } from '../graphql/keyset.js';
import { OrderDirection, pageSize, type ConnectionResult } from '../graphql/pagination.js';
import { checkText } from '../platform/auth/auth.service.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { checkTimeZone } from '../platform/tenants/settings-values.js';
import { audienceQuery, checkAudience, type Audience } from './audience.service.js';
import type { AbTestInput, CampaignFilter, CampaignNode, CampaignStatsNode, CampaignStatsPointNode, CreateCampaignInput, QuietHoursInput, UpdateCampaignInput } from './campaign.types.js';

const NAME_MAX = 200;
/** Beyond this a throttle is no throttle; below 1 nothing would leave. */
const THROTTLE_MAX = 1_000_000;

export function campaignNodeFromRow(row: Row): CampaignNode {
  const variant = rowText(row.variant_template_id);
  const quietStart = row.quiet_hours_start === null || row.quiet_hours_start === undefined ? null : Number(row.quiet_hours_start);
  const costAmount = rowText(row.cost_amount);
  return {
    id: toGlobalId('Campaign', String(row.id)),
    uuid: String(row.id),
    name: String(row.name),
    channel: String(row.channel) as MarketingChannel,
    status: String(row.status) as CampaignStatus,
    templateId: toGlobalId('CampaignTemplate', String(row.template_id)),
    audience: {
      segmentIds: (Array.isArray(row.segment_ids) ? row.segment_ids.map(String) : []).map((id) => toGlobalId('Segment', id)),
      listIds: (Array.isArray(row.list_ids) ? row.list_ids.map(String) : []).map((id) => toGlobalId('SubscriptionList', id)),
    },
    sendAt: row.send_at ? rowDate(row.send_at) : null,
    timeZone: rowText(row.time_zone),
    throttlePerMinute: row.throttle_per_minute === null || row.throttle_per_minute === undefined ? null : Number(row.throttle_per_minute),
    quietHours: quietStart === null ? null : { start: quietStart, end: Number(row.quiet_hours_end) },
    abTest: variant
      ? { variantTemplateId: toGlobalId('CampaignTemplate', variant), testSharePercent: Number(row.test_share_percent), winnerAt: rowDate(row.winner_at), winner: rowText(row.winner) }
      : null,
    cost: costAmount ? { amount: new Decimal(costAmount), currency: String(row.cost_currency) } : null,
    audienceSize: row.audience_size === null || row.audience_size === undefined ? null : Number(row.audience_size),
    startedAt: row.started_at ? rowDate(row.started_at) : null,
    finishedAt: row.finished_at ? rowDate(row.finished_at) : null,
    createdAt: rowDate(row.created_at),
    updatedAt: rowDate(row.updated_at),
  };
}

export async function listCampaigns(ctx: ServiceContext, args: { first?: number | null; after?: string | null; filter?: CampaignFilter | null }): Promise<ConnectionResult<CampaignNode>> {
  const conditions: SqlCondition[] = [];
  if (args.filter?.statuses?.length) conditions.push({ sql: `t.status in (${placeholders(args.filter.statuses.length)})`, params: args.filter.statuses });
  if (args.filter?.channel) conditions.push({ sql: 't.channel = ?', params: [args.filter.channel] });
  return keysetPage(await ctx.em(), {
    table: 'mkt_campaigns',
    tenantId: ctx.tenantId,
    conditions,
    sort: { name: 'CREATED_AT', expr: 't.created_at', cast: 'timestamptz' },
    direction: OrderDirection.DESC,
    first: pageSize(args.first),
    after: args.after,
    toNode: campaignNodeFromRow,
  });
}

export async function getCampaign(ctx: ServiceContext, globalId: string, path: string[] = ['id']): Promise<CampaignNode> {
  return campaignByUuid(ctx, fromGlobalId('Campaign', globalId, path));
}

export async function campaignByUuid(ctx: ServiceContext, uuid: string): Promise<CampaignNode> {
  const rows = await (await ctx.em()).execute<Row[]>(`select * from mkt_campaigns where tenant_id = ? and id = ?`, [ctx.tenantId, uuid]);
  const row = rows[0];
  if (!row) throw new NotFoundError('Campaign');
  return campaignNodeFromRow(row);
}

/** The campaign row locked for a state change: two members pressing buttons at once change it in turn. */
export async function lockCampaign(ctx: ServiceContext, uuid: string): Promise<Campaign> {
  const em = await ctx.em();
  const campaign = await em.findOne(Campaign, { tenantId: ctx.tenantId, id: uuid }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!campaign) throw new NotFoundError('Campaign');
  return campaign;
}

async function templateOfChannel(ctx: ServiceContext, globalId: string, channel: MarketingChannel, path: string[]): Promise<string> {
  const template = await (await ctx.em()).findOne(MarketingTemplate, { tenantId: ctx.tenantId, id: fromGlobalId('CampaignTemplate', globalId, path) });
  if (!template) throw BadUserInputError.field(path, 'no such template in this company', 'INVALID');
  if (template.channel !== channel) throw BadUserInputError.field(path, `a ${channel} campaign sends a ${channel} template`, 'WRONG_CHANNEL');
  return template.id;
}

function checkThrottle(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > THROTTLE_MAX) {
    throw BadUserInputError.field(['input', 'throttlePerMinute'], `must be between 1 and ${THROTTLE_MAX}`, 'OUT_OF_RANGE', { min: 1, max: THROTTLE_MAX });
  }
  return value;
}

function checkQuietHours(channel: MarketingChannel, value: QuietHoursInput | null | undefined): { quietHoursStart: number | null; quietHoursEnd: number | null } {
  if (!value) return { quietHoursStart: null, quietHoursEnd: null };
  if (channel !== MarketingChannel.SMS) throw BadUserInputError.field(['input', 'quietHours'], 'quiet hours are for SMS campaigns', 'WRONG_CHANNEL');
  for (const part of ['start', 'end'] as const) {
    if (!Number.isInteger(value[part]) || value[part] < 0 || value[part] > 23) throw BadUserInputError.field(['input', 'quietHours', part], 'must be an hour from 0 to 23', 'OUT_OF_RANGE', { min: 0, max: 23 });
  }
  if (value.start === value.end) throw BadUserInputError.field(['input', 'quietHours', 'end'], 'must differ from start', 'INVALID');
  return { quietHoursStart: value.start, quietHoursEnd: value.end };
}

async function checkAbTest(ctx: ServiceContext, channel: MarketingChannel, templateId: string, value: AbTestInput | null | undefined) {
  if (!value) return { variantTemplateId: null, testSharePercent: null, winnerAt: null };
  const path = ['input', 'abTest'];
  const variantTemplateId = await templateOfChannel(ctx, value.variantTemplateId, channel, [...path, 'variantTemplateId']);
  if (variantTemplateId === templateId) throw BadUserInputError.field([...path, 'variantTemplateId'], 'variant B must be another template than A', 'INVALID');
  if (!Number.isInteger(value.testSharePercent) || value.testSharePercent < 2 || value.testSharePercent > 100) {
    throw BadUserInputError.field([...path, 'testSharePercent'], 'must be between 2 and 100', 'OUT_OF_RANGE', { min: 2, max: 100 });
  }
  return { variantTemplateId, testSharePercent: value.testSharePercent, winnerAt: value.winnerAt };
}

function requireEditable(campaign: Campaign): void {
  if (campaign.status !== CampaignStatus.DRAFT && campaign.status !== CampaignStatus.SCHEDULED) {
    throw new ConflictError(`A ${campaign.status.toLowerCase()} campaign cannot be edited`, ['input', 'id'], 'INVALID_STATE');
  }
}

export async function createCampaign(ctx: ServiceContext, input: CreateCampaignInput): Promise<CampaignNode> {
  const em = await ctx.em();
  const name = checkText(input.name, ['input', 'name'], NAME_MAX);
  const templateId = await templateOfChannel(ctx, input.templateId, input.channel, ['input', 'templateId']);
  const audience = await checkAudience(ctx, input.audience, ['input', 'audience']);
  const campaign = em.create(Campaign, {
    tenantId: ctx.tenantId,
    name,
    channel: input.channel,
    templateId,
    segmentIds: audience.segmentIds,
    listIds: audience.listIds,
    throttlePerMinute: checkThrottle(input.throttlePerMinute),
    ...checkQuietHours(input.channel, input.quietHours),
    ...(await checkAbTest(ctx, input.channel, templateId, input.abTest)),
    ...(await costOf(ctx, input.cost)),
    createdById: ctx.principal?.userId ?? null,
  });
  await em.flush();
  return campaignByUuid(ctx, campaign.id);
}

async function costOf(ctx: ServiceContext, cost: CreateCampaignInput['cost']): Promise<{ costAmount: string | null; costCurrency: string | null }> {
  if (!cost) return { costAmount: null, costCurrency: null };
  const money = await checkMoney(ctx, cost, ['input', 'cost']);
  return { costAmount: money.amount, costCurrency: money.currency };
}

export async function updateCampaign(ctx: ServiceContext, input: UpdateCampaignInput): Promise<CampaignNode> {
  const campaign = await lockCampaign(ctx, fromGlobalId('Campaign', input.id, ['input', 'id']));
  requireEditable(campaign);
  if (input.name !== undefined && input.name !== null) campaign.name = checkText(input.name, ['input', 'name'], NAME_MAX);
  if (input.templateId) campaign.templateId = await templateOfChannel(ctx, input.templateId, campaign.channel, ['input', 'templateId']);
  if (input.audience) Object.assign(campaign, await checkAudience(ctx, input.audience, ['input', 'audience']));
  if (input.throttlePerMinute !== undefined) campaign.throttlePerMinute = checkThrottle(input.throttlePerMinute);
  if (input.quietHours !== undefined) Object.assign(campaign, checkQuietHours(campaign.channel, input.quietHours));
  if (input.abTest !== undefined) Object.assign(campaign, await checkAbTest(ctx, campaign.channel, campaign.templateId, input.abTest));
  if (input.cost !== undefined) Object.assign(campaign, await costOf(ctx, input.cost));
  if (campaign.variantTemplateId === campaign.templateId) throw BadUserInputError.field(['input', 'templateId'], 'variant B must be another template than A', 'INVALID');
  await (await ctx.em()).flush();
  return campaignByUuid(ctx, campaign.id);
}

export async function deleteCampaign(ctx: ServiceContext, globalId: string): Promise<string> {
  const campaign = await lockCampaign(ctx, fromGlobalId('Campaign', globalId, ['input', 'id']));
  if (campaign.status !== CampaignStatus.DRAFT && campaign.status !== CampaignStatus.CANCELLED) {
    throw new ConflictError('Only a draft or cancelled campaign can be deleted; a sent one keeps its figures', ['input', 'id'], 'INVALID_STATE');
  }
  const em = await ctx.em();
  // Messages that left carry links (unsubscribe, preferences, tracking) that resolve through their
  // delivery rows: deleting those would break a recipient's unsubscribe link, so such a campaign stays.
  const sent = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from mkt_deliveries where tenant_id = ? and campaign_id = ? and sent_at is not null`,
    [ctx.tenantId, campaign.id],
  );
  if ((sent[0]?.n ?? 0) > 0) {
    throw new ConflictError('This campaign already sent messages: their unsubscribe links need it, so it is kept', ['input', 'id'], 'IN_USE');
  }
  em.remove(campaign);
  await em.flush();
  return globalId;
}

export function audienceOf(campaign: Pick<Campaign, 'segmentIds' | 'listIds'>): Audience {
  return { segmentIds: campaign.segmentIds, listIds: campaign.listIds };
}

/** Schedules (or reschedules) a draft or scheduled campaign; the start job checks the time it was given. */
export async function scheduleCampaign(ctx: ServiceContext, input: { id: string; sendAt: Date; timeZone: string }): Promise<Campaign> {
  const campaign = await lockCampaign(ctx, fromGlobalId('Campaign', input.id, ['input', 'id']));
  requireEditable(campaign);
  const timeZone = checkTimeZone(input.timeZone, ['input', 'timeZone']);
  if (input.sendAt.getTime() <= Date.now()) throw BadUserInputError.field(['input', 'sendAt'], 'must be in the future (or send now)', 'IN_PAST');
  if (campaign.winnerAt && campaign.winnerAt.getTime() <= input.sendAt.getTime()) {
    throw BadUserInputError.field(['input', 'sendAt'], 'the A/B winner time must come after the start', 'INVALID');
  }
  campaign.status = CampaignStatus.SCHEDULED;
  campaign.sendAt = input.sendAt;
  campaign.timeZone = timeZone;
  await (await ctx.em()).flush();
  return campaign;
}

/**
 * Fixes the audience: one delivery row per reachable address (QUEUED; with an A/B test, the test
 * share split between A and B and the rest HELD for the winner), then SENDING. Runs in the caller's
 * transaction, so the campaign never shows SENDING without its recipients.
 */
export async function startSending(ctx: ServiceContext, campaign: Campaign): Promise<void> {
  if (campaign.status !== CampaignStatus.DRAFT && campaign.status !== CampaignStatus.SCHEDULED) {
    throw new ConflictError(`A ${campaign.status.toLowerCase()} campaign cannot start`, ['input', 'id'], 'INVALID_STATE');
  }
  if (campaign.winnerAt && campaign.winnerAt.getTime() <= Date.now()) {
    throw BadUserInputError.field(['input', 'id'], 'the A/B winner time has passed: set a later one first', 'IN_PAST');
  }
  const em = await ctx.em();
  const audience = await audienceQuery(ctx, campaign.channel, audienceOf(campaign));
  // A stable shuffle (by a hash of the campaign and the person) picks the test group.
  const share = campaign.testSharePercent ?? 0;
  const rows = await em.execute<{ n: number }[]>(
    `with audience as (${audience.sql}),
      ranked as (select a.contact_id, a.address, row_number() over (order by md5(a.contact_id::text || ?)) as r, count(*) over () as total from audience a),
      inserted as (
        insert into mkt_deliveries (tenant_id, id, created_at, updated_at, campaign_id, contact_id, channel, address, variant, status)
        select ?, gen_random_uuid(), now(), now(), ?, r.contact_id, ?, r.address,
          case when ? = 0 then null when r.r <= ceil(r.total * ? / 200.0) then 'A' when r.r <= 2 * ceil(r.total * ? / 200.0) then 'B' end,
          (case when ? = 0 or r.r <= 2 * ceil(r.total * ? / 200.0) then 'QUEUED' else 'HELD' end)::mkt_delivery_status
        from ranked r
        on conflict do nothing
        returning 1)
     select count(*)::int as n from inserted`,
    [...audience.params, campaign.id, ctx.tenantId, campaign.id, campaign.channel, share, share, share, share, share],
  );
  const size = rows[0]?.n ?? 0;
  if (size === 0) throw BadUserInputError.field(['input', 'id'], 'nobody in the audience can be reached on this channel (consent, address, suppression)', 'EMPTY_AUDIENCE');
  campaign.status = CampaignStatus.SENDING;
  campaign.audienceSize = size;
  campaign.startedAt = new Date();
  campaign.sendAt ??= campaign.startedAt;
  await em.flush();
}

export async function pauseCampaign(ctx: ServiceContext, globalId: string): Promise<Campaign> {
  const campaign = await lockCampaign(ctx, fromGlobalId('Campaign', globalId, ['input', 'id']));
  if (campaign.status !== CampaignStatus.SENDING) throw new ConflictError('Only a sending campaign can be paused', ['input', 'id'], 'INVALID_STATE');
  campaign.status = CampaignStatus.PAUSED;
  await (await ctx.em()).flush();
  return campaign;
}

export async function resumeCampaign(ctx: ServiceContext, globalId: string): Promise<Campaign> {
  const campaign = await lockCampaign(ctx, fromGlobalId('Campaign', globalId, ['input', 'id']));
  if (campaign.status !== CampaignStatus.PAUSED) throw new ConflictError('Only a paused campaign can be resumed', ['input', 'id'], 'INVALID_STATE');
  campaign.status = CampaignStatus.SENDING;
  await (await ctx.em()).flush();
  return campaign;
}

/** What was sent stays sent; recipients still waiting are skipped. */
export async function cancelCampaign(ctx: ServiceContext, globalId: string): Promise<Campaign> {
  const campaign = await lockCampaign(ctx, fromGlobalId('Campaign', globalId, ['input', 'id']));
  if (campaign.status === CampaignStatus.SENT || campaign.status === CampaignStatus.CANCELLED) {
    throw new ConflictError(`A ${campaign.status.toLowerCase()} campaign cannot be cancelled`, ['input', 'id'], 'INVALID_STATE');
  }
  const em = await ctx.em();
  await em.execute(
    `update mkt_deliveries set status = 'SKIPPED', error = 'campaign cancelled', updated_at = now() where tenant_id = ? and campaign_id = ? and status in ('QUEUED', 'HELD')`,
    [ctx.tenantId, campaign.id],
  );
  campaign.status = CampaignStatus.CANCELLED;
  campaign.finishedAt = new Date();
  await em.flush();
  return campaign;
}

export async function campaignStats(ctx: ServiceContext, campaignUuid: string): Promise<CampaignStatsNode> {
  const rows = await (await ctx.em()).execute<Row[]>(
    `select count(*)::int as recipients,
        count(*) filter (where status in ('QUEUED', 'HELD'))::int as queued,
        count(*) filter (where status = 'SENDING')::int as sending,
        count(*) filter (where status = 'SENT')::int as sent,
        count(*) filter (where status = 'DELIVERED')::int as delivered,
        count(*) filter (where status = 'BOUNCED')::int as bounced,
        count(*) filter (where status = 'FAILED')::int as failed,
        count(*) filter (where status = 'SKIPPED')::int as skipped,
        count(opened_at)::int as opened, count(clicked_at)::int as clicked, count(unsubscribed_at)::int as unsubscribed
       from mkt_deliveries where tenant_id = ? and campaign_id = ?`,
    [ctx.tenantId, campaignUuid],
  );
  const row = rows[0] ?? {};
  const n = (key: string): number => Number(row[key] ?? 0);
  return {
    recipients: n('recipients'), queued: n('queued'), sending: n('sending'), sent: n('sent'), delivered: n('delivered'), bounced: n('bounced'),
    failed: n('failed'), skipped: n('skipped'), opened: n('opened'), clicked: n('clicked'), unsubscribed: n('unsubscribed'),
  };
}


/** At most this many hours of figures (a month): a chart, not an export. */
const MAX_POINTS = 24 * 31;

/** What happened to the campaign's messages hour by hour, from its first event on (UTC hours). */
export async function campaignStatsOverTime(ctx: ServiceContext, campaignUuid: string): Promise<CampaignStatsPointNode[]> {
  const rows = await (await ctx.em()).execute<Row[]>(
    `select date_trunc('hour', occurred_at) as at,
        count(*) filter (where kind = 'SENT')::int as sent, count(*) filter (where kind = 'DELIVERED')::int as delivered,
        count(*) filter (where kind = 'OPENED')::int as opened, count(*) filter (where kind = 'CLICKED')::int as clicked,
        count(*) filter (where kind = 'BOUNCED')::int as bounced, count(*) filter (where kind = 'FAILED')::int as failed,
        count(*) filter (where kind = 'UNSUBSCRIBED')::int as unsubscribed
       from mkt_delivery_events where tenant_id = ? and campaign_id = ? group by 1 order by 1 limit ${MAX_POINTS}`,
    [ctx.tenantId, campaignUuid],
  );
  return rows.map((row) => ({
    at: rowDate(row.at),
    sent: Number(row.sent ?? 0),
    delivered: Number(row.delivered ?? 0),
    opened: Number(row.opened ?? 0),
    clicked: Number(row.clicked ?? 0),
    bounced: Number(row.bounced ?? 0),
    failed: Number(row.failed ?? 0),
    unsubscribed: Number(row.unsubscribed ?? 0),
  }));
}
