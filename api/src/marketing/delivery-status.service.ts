import { DeliveryEventKind } from '../../../schema/marketing/delivery-event.entity.js';
import { DeliveryStatus } from '../../../schema/marketing/delivery.entity.js';
import { SuppressionReason } from '../../../schema/marketing/suppression.entity.js';
import type { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { newId } from '../../../schema/shared/ids.js';
import type { Row } from '../graphql/keyset.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { campaignIdOf, MESSAGE_COLUMNS, MESSAGE_KINDS, MESSAGE_TABLE, messageRefOf, type MessageKind, type MessageRef } from './message-ref.js';
import { suppress } from './suppression.service.js';

/**
 * What comes back after a campaign's or an automation's message left: the provider's delivery
 * report, a bounce, a complaint, an open, a click. Each moves the message's row at most once (a
 * repeated or late report changes nothing); a campaign's delivery also records a delivery event for
 * the campaign's figures and the person's timeline (an automation's send keeps its own timestamps,
 * which its timeline entries read: see delivery-timeline.ts).
 */

/** A campaign email's Message-ID names its delivery, so a bounce that returns it finds the delivery. */
export const CAMPAIGN_MESSAGE_ID_DOMAIN = 'kontor.campaign';

export function campaignMessageId(deliveryId: string): string {
  return `<${deliveryId}@${CAMPAIGN_MESSAGE_ID_DOMAIN}>`;
}

/** Ours: a campaign's (above) or an automation's (automationMessageId in automation-send.service.ts). */
const OUR_MESSAGE_ID = /^<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@kontor\.(?:campaign|automation)>$/i;

/** The delivery or automation send a Message-ID of ours names (see resolveLinkSubject), or null for anyone else's. */
export function deliveryIdOfMessageId(messageId: string): string | null {
  return OUR_MESSAGE_ID.exec(messageId.trim())?.[1]?.toLowerCase() ?? null;
}

const DETAIL_MAX = 2_000;

/** Statuses of a message that has left (or is leaving): only these can be reported on. */
const LEFT: DeliveryStatus[] = [DeliveryStatus.SENDING, DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.BOUNCED, DeliveryStatus.FAILED];

/** Which messages a report is about: one found already (a signed link, a bounce), or those with the provider's id (Twilio's SID). */
export type DeliveryRef = MessageRef | { providerMessageId: string; channel: MarketingChannel };

/** The rows `ref` names, per table: a SID may be a campaign's text or an automation's. */
function targetsOf(ref: DeliveryRef): { kind: MessageKind; sql: string; params: unknown[] }[] {
  if ('kind' in ref) return [{ kind: ref.kind, sql: 'id = ?', params: [ref.id] }];
  return MESSAGE_KINDS.map((kind) => ({ kind, sql: 'provider_message_id = ? and channel = ?', params: [ref.providerMessageId, ref.channel] }));
}

function statusList(statuses: readonly DeliveryStatus[]): string {
  return statuses.map((status) => `'${status}'`).join(', ');
}

/** Records a campaign delivery's event; an automation's send has none (mkt_delivery_events rows belong to a campaign). */
export async function addDeliveryEvent(ctx: ServiceContext, message: MessageRef, kind: DeliveryEventKind, detail: string | null = null): Promise<void> {
  if (message.kind !== 'campaign') return;
  await (await ctx.em()).execute(
    `insert into mkt_delivery_events (tenant_id, id, created_at, updated_at, delivery_id, campaign_id, contact_id, kind, occurred_at, detail)
      values (?, ?, now(), now(), ?, ?, ?, ?, now(), ?)`,
    [ctx.tenantId, newId(), message.id, message.campaignId, message.contactId, kind, detail?.slice(0, DETAIL_MAX) ?? null],
  );
}

/** Moves the messages `ref` names from one of `from` with `set`, and records `kind` for each that moved. */
async function transition(
  ctx: ServiceContext,
  ref: DeliveryRef,
  from: readonly DeliveryStatus[],
  set: { sql: string; params: unknown[] },
  event: { kind: DeliveryEventKind; detail: string | null },
  onlyIf = 'true',
): Promise<MessageRef[]> {
  const changed: MessageRef[] = [];
  for (const target of targetsOf(ref)) {
    const rows = await (await ctx.em()).execute<Row[]>(
      `update ${MESSAGE_TABLE[target.kind]} set ${set.sql}, updated_at = now() where tenant_id = ? and ${target.sql} and status in (${statusList(from)}) and ${onlyIf} returning ${MESSAGE_COLUMNS[target.kind]}`,
      [...set.params, ctx.tenantId, ...target.params],
    );
    changed.push(...rows.map(messageRefOf));
  }
  for (const message of changed) await addDeliveryEvent(ctx, message, event.kind, event.detail);
  return changed;
}

/** The provider delivered it (Twilio's `delivered`, a positive delivery notification). */
export function recordDelivered(ctx: ServiceContext, ref: DeliveryRef): Promise<MessageRef[]> {
  return transition(ctx, ref, [DeliveryStatus.SENDING, DeliveryStatus.SENT], { sql: `status = 'DELIVERED', delivered_at = coalesce(delivered_at, now())`, params: [] }, {
    kind: DeliveryEventKind.DELIVERED,
    detail: null,
  });
}

/** It will not arrive, for a reason that may not last (a carrier's refusal, a full mailbox): FAILED, the address not suppressed. */
export function recordFailure(ctx: ServiceContext, ref: DeliveryRef, error: string): Promise<MessageRef[]> {
  return transition(ctx, ref, [DeliveryStatus.SENDING, DeliveryStatus.SENT], { sql: `status = 'FAILED', error = ?`, params: [error.slice(0, DETAIL_MAX)] }, {
    kind: DeliveryEventKind.FAILED,
    detail: error,
  });
}

/**
 * The address does not take mail (an SMTP 5xx refusal when sending, or a bounce with a 5.x.x status
 * later): BOUNCED with the reason, a BOUNCED event, and the address suppressed on its channel so no
 * campaign or automation tries it again. Returns whether the message moved (false when it had already bounced).
 */
export async function recordPermanentFailure(ctx: ServiceContext, message: MessageRef, reason: string): Promise<boolean> {
  const changed = await transition(
    ctx,
    message,
    [DeliveryStatus.SENDING, DeliveryStatus.SENT, DeliveryStatus.DELIVERED],
    { sql: `status = 'BOUNCED', error = ?`, params: [reason.slice(0, DETAIL_MAX)] },
    { kind: DeliveryEventKind.BOUNCED, detail: reason },
  );
  for (const bounced of changed) {
    await suppress(ctx, { channel: bounced.channel, address: bounced.address, reason: SuppressionReason.BOUNCED, source: 'bounce', campaignId: campaignIdOf(bounced) });
  }
  return changed.length > 0;
}

/**
 * The person reported the message as spam (a feedback-loop report): the address suppressed, and for a
 * campaign's delivery a COMPLAINED event (once per delivery). `message` was read locked, so two
 * copies of one report arriving at once record one complaint. Returns whether this was news (for an
 * automation's send, which has no event to remember it by: whether the message had left).
 */
export async function recordComplaint(ctx: ServiceContext, message: MessageRef, detail: string | null): Promise<boolean> {
  if (!LEFT.includes(message.status)) return false;
  if (message.kind === 'campaign') {
    const earlier = await (await ctx.em()).execute<{ id: string }[]>(`select id from mkt_delivery_events where tenant_id = ? and delivery_id = ? and kind = 'COMPLAINED' limit 1`, [
      ctx.tenantId,
      message.id,
    ]);
    if (earlier.length > 0) return false;
    await addDeliveryEvent(ctx, message, DeliveryEventKind.COMPLAINED, detail);
  } else {
    // An automation send keeps its events in its own columns: the first complaint only.
    const first = await (await ctx.em()).execute<{ id: string }[]>(
      `update mkt_automation_sends set complained_at = now(), updated_at = now() where tenant_id = ? and id = ? and complained_at is null returning id`,
      [ctx.tenantId, message.id],
    );
    if (first.length === 0) return false;
  }
  await suppress(ctx, { channel: message.channel, address: message.address, reason: SuppressionReason.COMPLAINED, source: 'complaint', campaignId: campaignIdOf(message) });
  return true;
}

/** The first open of a message that left: `opened_at` and one OPENED event (later opens add nothing). */
export async function recordOpen(ctx: ServiceContext, message: MessageRef): Promise<boolean> {
  const changed = await transition(ctx, message, LEFT, { sql: 'opened_at = now()', params: [] }, { kind: DeliveryEventKind.OPENED, detail: null }, 'opened_at is null');
  return changed.length > 0;
}

/**
 * A click on a tracked link: a CLICKED event with the address (every click: which links people
 * follow is the point), `clicked_at` the first time, and, a click implying an open, the first open
 * too when the pixel was not loaded (images blocked). `message` was read locked.
 */
export async function recordClick(ctx: ServiceContext, message: MessageRef, url: string): Promise<boolean> {
  if (!LEFT.includes(message.status)) return false;
  const em = await ctx.em();
  const table = MESSAGE_TABLE[message.kind];
  const opened = await em.execute<{ id: string }[]>(`update ${table} set opened_at = now(), updated_at = now() where tenant_id = ? and id = ? and opened_at is null returning id`, [ctx.tenantId, message.id]);
  if (opened.length > 0) await addDeliveryEvent(ctx, message, DeliveryEventKind.OPENED);
  await em.execute(`update ${table} set clicked_at = coalesce(clicked_at, now()), updated_at = now() where tenant_id = ? and id = ?`, [ctx.tenantId, message.id]);
  await addDeliveryEvent(ctx, message, DeliveryEventKind.CLICKED, url);
  return true;
}
