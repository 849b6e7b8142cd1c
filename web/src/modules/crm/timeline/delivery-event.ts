import type { DeliveryEventKind, MarketingChannel } from '../../../gql/graphql.js';

/** What happened to one marketing message, and what sent it: a campaign or an automation (the Marketing module's pages, linked). */
export interface DeliveryEventView {
  kind: DeliveryEventKind;
  channel: MarketingChannel;
  address: string;
  detail?: string | null;
  occurredAt: string;
  source: { type: 'campaign' | 'automation'; id: string; name: string };
}

interface EventFields {
  kind: DeliveryEventKind;
  channel: MarketingChannel;
  address: string;
  detail?: string | null;
  occurredAt: string;
}

/** The timeline entry's fields as the API answers them (the marketing ones only when asked for). */
export interface DeliveryEntryLike {
  kind: string;
  campaignEvent?: (EventFields & { campaignId: string; campaignName: string }) | null;
  automationEvent?: (EventFields & { automationId: string; automationName: string }) | null;
}

/**
 * A CAMPAIGN_EVENT or AUTOMATION_EVENT entry as one shape, with what sent the message; null for any
 * other entry, or one whose event was not asked for (the module off) or is gone.
 */
export function deliveryEventOf(entry: DeliveryEntryLike): DeliveryEventView | null {
  const pick = ({ kind, channel, address, detail, occurredAt }: EventFields) => ({ kind, channel, address, detail: detail ?? null, occurredAt });
  if (entry.kind === 'CAMPAIGN_EVENT' && entry.campaignEvent) {
    const event = entry.campaignEvent;
    return { ...pick(event), source: { type: 'campaign', id: event.campaignId, name: event.campaignName } };
  }
  if (entry.kind === 'AUTOMATION_EVENT' && entry.automationEvent) {
    const event = entry.automationEvent;
    return { ...pick(event), source: { type: 'automation', id: event.automationId, name: event.automationName } };
  }
  return null;
}
