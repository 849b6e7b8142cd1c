import { MessageChannel, MessageStatus } from '../../../schema/crm/message.entity.js';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { recordMessageReport, type MessageReport } from '../crm/message-status.service.js';
import type { App } from '../platform/app.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { recordClick, recordDelivered, recordFailure, recordOpen } from './delivery-status.service.js';
import type { LinkSubject } from './links.js';
import { resolveLinkSubject } from './message-ref.js';
import { inPublicTenant } from './public-context.js';

/**
 * Opens and clicks are the marketing module's own tracking: while the module is switched off for the
 * company nothing is recorded (the pixel still answers and the link still leads on). What providers
 * report about messages that already left is recorded whatever the switch: see recordSmsStatus.
 */

/** Records the first open of the campaign delivery or automation send a signed pixel names, in its own company only. */
export function trackOpen(app: App, subject: LinkSubject, requestId: string): Promise<boolean> {
  return inPublicTenant(app, subject.tenantId, requestId, async (ctx) => {
    if (!ctx.modules.isEnabled('MARKETING')) return false;
    const message = await resolveLinkSubject(await ctx.em(), ctx.tenantId, subject.deliveryId);
    return message !== null && recordOpen(ctx, message);
  });
}

/** Records a click on a signed link of the message it names (the URL was checked by its MAC). */
export function trackClick(app: App, subject: LinkSubject, url: string, requestId: string): Promise<boolean> {
  return inPublicTenant(app, subject.tenantId, requestId, async (ctx) => {
    if (!ctx.modules.isEnabled('MARKETING')) return false;
    // Locked: a click and the pixel at once record one first open.
    const message = await resolveLinkSubject(await ctx.em(), ctx.tenantId, subject.deliveryId, { lock: true });
    return message !== null && recordClick(ctx, message, url);
  });
}

/**
 * What Twilio's MessageStatus means here: delivered, or undelivered/failed (final, with Twilio's
 * error code); anything else (queued, sending, sent, accepted, scheduled, read...) is progress that
 * changes nothing.
 */
export function smsReportOf(status: string, errorCode: string | null): MessageReport | null {
  if (status === 'delivered') return { status: MessageStatus.DELIVERED };
  if (status === 'undelivered' || status === 'failed') return { status: MessageStatus.FAILED, error: `Twilio: ${status}${errorCode ? ` (error ${errorCode})` : ''}` };
  return null;
}

export interface SmsStatusResult {
  /** Campaign deliveries and automation sends changed. */
  deliveries: number;
  /** The CRM's own messages changed. */
  messages: number;
}

/**
 * A Twilio status callback for message `sid` in the company: campaign deliveries and automation
 * sends (DELIVERED with `delivered_at`, or FAILED with the error code; a campaign's with its event)
 * and the CRM's one-to-one texts with that SID. Recorded while the module is off too: facts about
 * messages that left, so the figures are right when it is switched on again.
 */
export async function recordSmsStatus(ctx: ServiceContext, sid: string, status: string, errorCode: string | null): Promise<SmsStatusResult> {
  const report = smsReportOf(status, errorCode);
  if (!report) return { deliveries: 0, messages: 0 };
  const ref = { providerMessageId: sid, channel: MarketingChannel.SMS };
  const deliveries = report.status === MessageStatus.DELIVERED ? await recordDelivered(ctx, ref) : await recordFailure(ctx, ref, report.error);
  const messages = await recordMessageReport(await ctx.em(), ctx.tenantId, MessageChannel.SMS, sid, report);
  return { deliveries: deliveries.length, messages: messages.length };
}

/** recordSmsStatus in its own transaction of the company the callback address names. */
export function applySmsStatus(app: App, tenantId: string, requestId: string, callback: { sid: string; status: string; errorCode: string | null }): Promise<SmsStatusResult> {
  return inPublicTenant(app, tenantId, requestId, (ctx) => recordSmsStatus(ctx, callback.sid, callback.status, callback.errorCode));
}
