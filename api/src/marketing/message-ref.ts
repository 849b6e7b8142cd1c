import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeliveryStatus } from '../../../schema/marketing/delivery.entity.js';
import type { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { rowText, type Row } from '../graphql/keyset.js';

/**
 * A message Kontor sent that a signed link, a bounce's Message-ID or Twilio's SID names: a campaign's
 * delivery (mkt_deliveries) or an automation's send (mkt_automation_sends). Their links carry the
 * same subject {tenantId, deliveryId} and the two rows have the same tracking columns, so what comes
 * back (unsubscribes, opens, clicks, reports) is applied to either in the same way.
 */
export type MessageKind = 'campaign' | 'automation';

export const MESSAGE_KINDS: readonly MessageKind[] = ['campaign', 'automation'];

interface MessageFields {
  id: string;
  /** Null once a campaign's recipient was deleted (an automation's send goes with its person). */
  contactId: string | null;
  channel: MarketingChannel;
  /** A lower-case email address or an E.164 number. */
  address: string;
  status: DeliveryStatus;
}

export type MessageRef = MessageFields & ({ kind: 'campaign'; campaignId: string } | { kind: 'automation'; automationId: string });

export const MESSAGE_TABLE: Record<MessageKind, string> = { campaign: 'mkt_deliveries', automation: 'mkt_automation_sends' };

/** What messageRefOf reads, as the select (or RETURNING) list of the kind's own table. */
export const MESSAGE_COLUMNS: Record<MessageKind, string> = {
  campaign: `'campaign' as kind, id, contact_id, channel, address, status, campaign_id as owner_id`,
  automation: `'automation' as kind, id, contact_id, channel, address, status, automation_id as owner_id`,
};

export function messageRefOf(row: Row): MessageRef {
  const fields: MessageFields = {
    id: String(row.id),
    contactId: rowText(row.contact_id),
    channel: String(row.channel) as MarketingChannel,
    address: String(row.address),
    status: String(row.status) as DeliveryStatus,
  };
  return row.kind === 'automation' ? { ...fields, kind: 'automation', automationId: String(row.owner_id) } : { ...fields, kind: 'campaign', campaignId: String(row.owner_id) };
}

/** The campaign a message belongs to (what a suppression records as its cause), or null for an automation's. */
export function campaignIdOf(message: MessageRef): string | null {
  return message.kind === 'campaign' ? message.campaignId : null;
}

/**
 * The message `id` names in the company, whichever kind it is, or null. Both tables are asked in
 * one statement (each by its primary key); `lock` holds the row until the transaction ends.
 */
export async function resolveLinkSubject(em: EntityManager, tenantId: string, id: string, options: { lock?: boolean } = {}): Promise<MessageRef | null> {
  const lock = options.lock ? ' for update' : '';
  const rows = await em.execute<Row[]>(
    `with d as (select ${MESSAGE_COLUMNS.campaign} from mkt_deliveries where tenant_id = ? and id = ?${lock}),
          s as (select ${MESSAGE_COLUMNS.automation} from mkt_automation_sends where tenant_id = ? and id = ?${lock})
     select * from d union all select * from s`,
    [tenantId, id, tenantId, id],
  );
  const row = rows[0];
  return row ? messageRefOf(row) : null;
}
