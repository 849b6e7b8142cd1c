import { randomUUID } from 'node:crypto';
import type { App } from '../platform/app.js';
import { isPermanentFailure, type DeliveryReport } from '../platform/mail/delivery-report.js';
import { deliveryIdOfMessageId, recordComplaint, recordDelivered, recordFailure, recordPermanentFailure } from './delivery-status.service.js';
import { resolveLinkSubject, type MessageRef } from './message-ref.js';
import { inPublicTenant } from './public-context.js';

/** The receiving server's words for a failed recipient: `5.1.1 smtp; 550 5.1.1 no such user`. */
function reasonOf(recipient: DeliveryReport['recipients'][number]): string {
  return [recipient.status, recipient.diagnostic].filter(Boolean).join(' ') || 'the receiving server refused it';
}

/**
 * A bounce or complaint that arrived at the company's inbound address (see the CRM's inbound email
 * hook), applied to the campaign deliveries and automation sends its original Message-IDs name, in
 * that company only: a permanent failure (5.x.x) bounces the message and suppresses the address, a
 * temporary one that the server gave up on fails it, a positive notification marks it delivered,
 * and a complaint (other than "not spam") suppresses the address. Returns whether it named a message
 * of the company.
 */
export async function applyCampaignReport(app: App, tenantId: string, report: DeliveryReport): Promise<boolean> {
  const ids = [...new Set(report.originalMessageIds.flatMap((messageId) => deliveryIdOfMessageId(messageId) ?? []))];
  if (ids.length === 0) return false;
  return inPublicTenant(app, tenantId, randomUUID(), async (ctx) => {
    const em = await ctx.em();
    const known: MessageRef[] = [];
    // Locked: two copies of one report arriving at once are applied one after the other.
    for (const id of ids) {
      const message = await resolveLinkSubject(em, tenantId, id, { lock: true });
      if (message) known.push(message);
    }
    for (const message of known) {
      if (report.type === 'feedback-report') {
        if (report.feedbackType !== 'not-spam') await recordComplaint(ctx, message, `Reported as spam (${report.feedbackType ?? 'abuse'})`);
        continue;
      }
      const failed = report.recipients.find((recipient) => recipient.action === 'failed');
      if (failed && isPermanentFailure(failed)) await recordPermanentFailure(ctx, message, `Bounced: ${reasonOf(failed)}`);
      else if (failed) await recordFailure(ctx, message, `Not delivered: ${reasonOf(failed)}`);
      else if (report.recipients.some((recipient) => recipient.action === 'delivered')) await recordDelivered(ctx, message);
    }
    ctx.log.info({ report: report.type, messages: known.map((message) => `${message.kind}:${message.id}`) }, 'marketing delivery report');
    return known.length > 0;
  });
}
