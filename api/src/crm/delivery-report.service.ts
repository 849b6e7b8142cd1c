import { MessageChannel, MessageStatus } from '../../../schema/crm/message.entity.js';
import type { App } from '../platform/app.js';
import { inTenant } from '../platform/context/tenant-scope.js';
import type { DeliveryReport } from '../platform/mail/delivery-report.js';
import { recordMessageReport } from './message-status.service.js';

/**
 * A module that sends email of its own (marketing's campaigns) learns here of the bounces and
 * complaints that arrive at the company's inbound address. It answers whether the report was about
 * one of its messages.
 */
export type DeliveryReportHandler = (app: App, tenantId: string, report: DeliveryReport) => Promise<boolean>;

const handlers = new Map<string, DeliveryReportHandler>();

/** Registers (once, by name) a module's handler; called when the module's manifest loads. */
export function registerDeliveryReportHandler(name: string, handler: DeliveryReportHandler): void {
  handlers.set(name, handler);
}

/** What the report was about: one of the people's emails sent from the CRM, another module's message, or nothing known. */
export type ReportSubject = 'message' | 'other' | 'unknown';

function failureOf(report: DeliveryReport): string | null {
  const failed = report.recipients.find((recipient) => recipient.action === 'failed');
  if (!failed) return null;
  return `Not delivered${failed.recipient ? ` to ${failed.recipient}` : ''}: ${[failed.status, failed.diagnostic].filter(Boolean).join(' ') || 'the receiving server refused it'}`;
}

/**
 * A bounce or complaint received at the company's inbound address: never recorded as a message from
 * a person. Other modules' handlers see it first; an email sent from the CRM that it names and that
 * failed is marked FAILED with the receiving server's reason.
 */
export async function recordDeliveryReport(app: App, tenantId: string, report: DeliveryReport): Promise<ReportSubject> {
  let other = false;
  for (const handler of handlers.values()) other = (await handler(app, tenantId, report)) || other;
  if (other) return 'other';
  const error = report.type === 'delivery-status' ? failureOf(report) : null;
  if (!error) return 'unknown';
  const changed = await inTenant(app.orm, tenantId, null, async (em) => {
    const ids: string[] = [];
    for (const id of report.originalMessageIds) ids.push(...(await recordMessageReport(em, tenantId, MessageChannel.EMAIL, id, { status: MessageStatus.FAILED, error })));
    return ids;
  });
  return changed.length > 0 ? 'message' : 'unknown';
}
