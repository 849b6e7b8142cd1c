import DataLoader from 'dataloader';
import { Decimal } from 'decimal.js';
import { BadUserInputError } from '../graphql/errors.js';
import { uuidArray, type Row } from '../graphql/keyset.js';
import type { Money } from '../graphql/scalars.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { AttributedRevenueNode } from './campaign-return.types.js';

export const DEFAULT_WINDOW_DAYS = 30;
const MAX_WINDOW_DAYS = 365;

export function checkWindowDays(days: number, path: string[]): number {
  if (!Number.isInteger(days) || days < 1 || days > MAX_WINDOW_DAYS) {
    throw BadUserInputError.field(path, `must be between 1 and ${MAX_WINDOW_DAYS} days`, 'OUT_OF_RANGE', { min: 1, max: MAX_WINDOW_DAYS });
  }
  return days;
}

/** Won deals per key (a campaign, an event), counted once each, and their amounts per currency. */
interface Won {
  deals: number;
  amounts: Money[];
}

/**
 * Sums the deals `matched` pairs with keys: a query of `(key, deal_id)` rows, possibly repeated (a
 * deal of a customer two of whose people got the campaign counts once).
 */
async function wonByKey(ctx: RequestContext, matched: { sql: string; params: unknown[] }): Promise<Map<string, Won>> {
  const rows = await (await ctx.em()).execute<Row[]>(
    `with matched as (${matched.sql})
     select m.key, dl.currency, count(*)::int as deals, sum(dl.amount)::text as amount
       from (select distinct key, deal_id from matched) m join crm_deals dl on dl.tenant_id = ? and dl.id = m.deal_id
      group by m.key, dl.currency order by m.key, dl.currency`,
    [...matched.params, ctx.tenantId],
  );
  const won = new Map<string, Won>();
  for (const row of rows) {
    const entry = won.get(String(row.key)) ?? { deals: 0, amounts: [] };
    entry.deals += Number(row.deals);
    if (row.currency !== null && row.amount !== null) entry.amounts.push({ amount: new Decimal(String(row.amount)), currency: String(row.currency) });
    won.set(String(row.key), entry);
  }
  return won;
}

/** The return: what was won in the cost's currency against the cost. */
function revenueNode(won: Won | undefined, cost: Money | null, windowDays: number): AttributedRevenueNode {
  const amounts = won?.amounts ?? [];
  const inCostCurrency = cost ? (amounts.find((money) => money.currency === cost.currency)?.amount ?? new Decimal(0)) : null;
  const roi = cost && inCostCurrency && cost.amount.gt(0) ? inCostCurrency.minus(cost.amount).div(cost.amount).toDecimalPlaces(4) : null;
  return { windowDays, attributedDeals: won?.deals ?? 0, wonAmounts: amounts, cost, roi };
}

/**
 * Deals won whose person, or whose person's customer, a campaign reached (sent or delivered, not
 * bounced or failed), closed within `days` after that message was sent. One query for every
 * campaign of a page.
 */
export function campaignRevenueLoader(ctx: RequestContext, days: number): DataLoader<string, Won | undefined> {
  return ctx.loader(
    `marketing.campaignRevenue.${days}`,
    () =>
      new DataLoader<string, Won | undefined>(async (campaignIds) => {
        const window = `dl.status = 'WON' and dl.closed_at >= r.sent_at and dl.closed_at < r.sent_at + make_interval(days => ?)`;
        const won = await wonByKey(ctx, {
          sql: `with recipients as (
              select d.campaign_id, d.contact_id, c.customer_id, d.sent_at from mkt_deliveries d
                left join crm_contacts c on c.tenant_id = d.tenant_id and c.id = d.contact_id
               where d.tenant_id = ? and d.campaign_id = any(?::uuid[]) and d.sent_at is not null and d.status in ('SENT', 'DELIVERED'))
            select r.campaign_id as key, dl.id as deal_id from recipients r join crm_deals dl on dl.tenant_id = ? and dl.contact_id = r.contact_id where ${window}
            union
            select r.campaign_id, dl.id from recipients r join crm_deals dl on dl.tenant_id = ? and dl.customer_id = r.customer_id where ${window}`,
          params: [ctx.tenantId, uuidArray(campaignIds), ctx.tenantId, days, ctx.tenantId, days],
        });
        return campaignIds.map((id) => won.get(id));
      }),
  );
}

export async function campaignRevenue(ctx: RequestContext, campaign: { uuid: string; cost: Money | null }, days: number): Promise<AttributedRevenueNode> {
  const windowDays = checkWindowDays(days, ['days']);
  return revenueNode(await campaignRevenueLoader(ctx, windowDays).load(campaign.uuid), campaign.cost, windowDays);
}

/**
 * A CRM marketing event's return: deals won that name the event as their source (whenever won), and
 * deals won by the people who came (or their customers) from the event's first day to `days` after
 * its last (calendar days in UTC).
 */
export function eventRevenueLoader(ctx: RequestContext, days: number): DataLoader<string, Won | undefined> {
  return ctx.loader(
    `marketing.eventRevenue.${days}`,
    () =>
      new DataLoader<string, Won | undefined>(async (eventIds) => {
        const ids = uuidArray(eventIds);
        const window = `dl.status = 'WON' and dl.closed_at >= a.starts_on::timestamptz and dl.closed_at < (a.ends_on + 1 + ?::int)::timestamptz`;
        const won = await wonByKey(ctx, {
          sql: `with attendees as (
              select at.event_id, at.contact_id, at.customer_id, ev.starts_on, coalesce(ev.ends_on, ev.starts_on) as ends_on
                from crm_event_attendances at join crm_marketing_events ev on ev.tenant_id = at.tenant_id and ev.id = at.event_id
               where at.tenant_id = ? and at.event_id = any(?::uuid[]) and at.attended)
            select dl.source_event_id as key, dl.id as deal_id from crm_deals dl where dl.tenant_id = ? and dl.source_event_id = any(?::uuid[]) and dl.status = 'WON'
            union
            select a.event_id, dl.id from attendees a join crm_deals dl on dl.tenant_id = ? and dl.contact_id = a.contact_id where ${window}
            union
            select a.event_id, dl.id from attendees a join crm_deals dl on dl.tenant_id = ? and dl.customer_id = a.customer_id where ${window}`,
          params: [ctx.tenantId, ids, ctx.tenantId, ids, ctx.tenantId, days, ctx.tenantId, days],
        });
        return eventIds.map((id) => won.get(id));
      }),
  );
}

export async function eventRevenue(ctx: RequestContext, event: { uuid: string; cost: Money | null }, days: number): Promise<AttributedRevenueNode> {
  const windowDays = checkWindowDays(days, ['days']);
  return revenueNode(await eventRevenueLoader(ctx, windowDays).load(event.uuid), event.cost, windowDays);
}
