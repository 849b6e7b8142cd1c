import type { EntityManager } from '@mikro-orm/postgresql';
import { MessageChannel, MessageStatus } from '../../../schema/crm/message.entity.js';

/** What a provider reported later about a message that left: it arrived, or it never will. */
export type MessageReport = { status: MessageStatus.DELIVERED } | { status: MessageStatus.FAILED; error: string };

const ERROR_MAX = 1_000;

/**
 * Applies a provider's report (a Twilio status callback, a bounce) to the company's outbound message
 * with that provider id: Twilio's SID, or our Message-ID for email. Only a SENT message moves, so a
 * late or repeated report never undoes a later one. Returns the ids of the messages changed.
 */
export async function recordMessageReport(em: EntityManager, tenantId: string, channel: MessageChannel, providerMessageId: string, report: MessageReport): Promise<string[]> {
  const error = report.status === MessageStatus.FAILED ? report.error.slice(0, ERROR_MAX) : null;
  const rows = await em.execute<{ id: string }[]>(
    `update crm_messages set status = ?, error = ?, updated_at = now()
      where tenant_id = ? and channel = ? and direction = 'OUTBOUND' and provider_message_id = ? and status = 'SENT' returning id`,
    [report.status, error, tenantId, channel, providerMessageId],
  );
  return rows.map((row) => row.id);
}
