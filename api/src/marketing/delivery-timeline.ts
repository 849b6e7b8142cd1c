import { createHash } from 'node:crypto';
import DataLoader from 'dataloader';
import { DeliveryEventKind } from '../../../schema/marketing/delivery-event.entity.js';
import type { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { toGlobalId } from '../graphql/global-id.js';
import { rowDate, rowText, uuidArray, type Row } from '../graphql/keyset.js';
import type { TimelineSource } from '../crm/timeline-sources.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { AutomationEventNode, DeliveryEventNode } from './delivery-event.types.js';

/**
 * Campaign delivery events on a person's timeline (the CRM's timeline shows them while the module is
 * on, to callers who may read marketing): one entry per event, found by `contact_id` through
 * mkt_delivery_events_contact_idx.
 */
export const deliveryTimelineSource: TimelineSource = {
  module: 'MARKETING',
  permission: 'MARKETING:read',
  sql: `select e.tenant_id, e.id, e.occurred_at, 'CAMPAIGN_EVENT', e.id, e.contact_id, null::uuid, null::uuid from mkt_delivery_events e where e.contact_id is not null`,
};

function eventFromRow(row: Row): DeliveryEventNode {
  return {
    id: toGlobalId('CampaignDeliveryEvent', String(row.id)),
    kind: String(row.kind) as DeliveryEventKind,
    occurredAt: rowDate(row.occurred_at),
    detail: rowText(row.detail),
    channel: String(row.channel) as MarketingChannel,
    address: String(row.address),
    campaignId: toGlobalId('Campaign', String(row.campaign_id)),
    campaignName: String(row.campaign_name),
  };
}

/** Delivery events by database id, a page of a timeline in one query. */
export function deliveryEventLoader(ctx: RequestContext): DataLoader<string, DeliveryEventNode | null> {
  return ctx.loader(
    'marketing.deliveryEvents',
    () =>
      new DataLoader<string, DeliveryEventNode | null>(async (ids) => {
        const rows = await (await ctx.em()).execute<Row[]>(
          `select e.id, e.kind, e.occurred_at, e.detail, d.channel, d.address, e.campaign_id, c.name as campaign_name
             from mkt_delivery_events e
             join mkt_deliveries d on d.tenant_id = e.tenant_id and d.id = e.delivery_id
             join mkt_campaigns c on c.tenant_id = e.tenant_id and c.id = e.campaign_id
            where e.tenant_id = ? and e.id = any(?::uuid[])`,
          [ctx.tenantId, uuidArray(ids)],
        );
        const byId = new Map(rows.map((row) => [String(row.id), eventFromRow(row)]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}

/**
 * An automation's send has no delivery events: what became of it is in its own columns, each set
 * one an entry. BOUNCED and FAILED have no column: the row's last change is when that happened
 * (only an open or an unsubscribe could change such a row later).
 */
const AUTOMATION_EVENTS: readonly (readonly [DeliveryEventKind, string])[] = [
  [DeliveryEventKind.SENT, 's.sent_at'],
  [DeliveryEventKind.DELIVERED, 's.delivered_at'],
  [DeliveryEventKind.OPENED, 's.opened_at'],
  [DeliveryEventKind.CLICKED, 's.clicked_at'],
  [DeliveryEventKind.UNSUBSCRIBED, 's.unsubscribed_at'],
  [DeliveryEventKind.COMPLAINED, 's.complained_at'],
  [DeliveryEventKind.BOUNCED, `case when s.status = 'BOUNCED' then s.updated_at end`],
  [DeliveryEventKind.FAILED, `case when s.status = 'FAILED' then s.updated_at end`],
];

/**
 * Automation messages on a person's timeline, as campaign events are: one entry per event of a send,
 * found by `contact_id` through mkt_automation_sends_contact_idx. The entry's id is md5 of the kind
 * and the send (see entryIdOf), its item the send.
 */
export const automationTimelineSource: TimelineSource = {
  module: 'MARKETING',
  permission: 'MARKETING:read',
  sql: `select s.tenant_id, md5(v.kind || ':' || s.id::text)::uuid, v.at, 'AUTOMATION_EVENT', s.id, s.contact_id, null::uuid, null::uuid
          from mkt_automation_sends s cross join lateral (values ${AUTOMATION_EVENTS.map(([kind, at]) => `('${kind}', ${at})`).join(', ')}) v(kind, at)
         where v.at is not null`,
};

/** The id automationTimelineSource gives the entry of `kind` of a send: PostgreSQL's md5(text)::uuid. */
function entryIdOf(kind: DeliveryEventKind, sendId: string): string {
  const hex = createHash('md5').update(`${kind}:${sendId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Automation sends by database id, with their automation's name: a page of a timeline in one query. */
function automationSendLoader(ctx: RequestContext): DataLoader<string, Row | null> {
  return ctx.loader(
    'marketing.automationSends',
    () =>
      new DataLoader<string, Row | null>(async (ids) => {
        const rows = await (await ctx.em()).execute<Row[]>(
          `select s.id, s.channel, s.address, s.error, s.automation_id, a.name as automation_name, ${AUTOMATION_EVENTS.map(([kind, at]) => `${at} as "${kind}"`).join(', ')}
             from mkt_automation_sends s
             join mkt_automations a on a.tenant_id = s.tenant_id and a.id = s.automation_id
            where s.tenant_id = ? and s.id = any(?::uuid[])`,
          [ctx.tenantId, uuidArray(ids)],
        );
        const byId = new Map(rows.map((row) => [String(row.id), row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}

/** The event an AUTOMATION_EVENT entry shows: the one of its send's timestamps the entry's id names. */
export async function automationEventOf(ctx: RequestContext, entry: { refId: string; entryId: string }): Promise<AutomationEventNode | null> {
  const row = await automationSendLoader(ctx).load(entry.refId);
  const kind = AUTOMATION_EVENTS.find(([candidate]) => entryIdOf(candidate, entry.refId) === entry.entryId)?.[0];
  const at = kind ? row?.[kind] : null;
  if (!row || !kind || at === null || at === undefined) return null;
  return {
    id: toGlobalId('AutomationMessageEvent', entry.entryId),
    kind,
    occurredAt: rowDate(at),
    detail: kind === DeliveryEventKind.BOUNCED || kind === DeliveryEventKind.FAILED ? rowText(row.error) : null,
    channel: String(row.channel) as MarketingChannel,
    address: String(row.address),
    automationId: toGlobalId('Automation', String(row.automation_id)),
    automationName: String(row.automation_name),
  };
}
