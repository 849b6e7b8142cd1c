import type { CampaignStatus, MarketingChannel } from '../../../gql/graphql.js';

export const CHANNELS: MarketingChannel[] = ['EMAIL', 'SMS'];

/** In the order a campaign goes through them. */
export const CAMPAIGN_STATUSES: CampaignStatus[] = ['DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'SENT', 'CANCELLED'];

export function isChannel(value: string | null | undefined): value is MarketingChannel {
  return CHANNELS.some((channel) => channel === value);
}

export function isCampaignStatus(value: string | null | undefined): value is CampaignStatus {
  return CAMPAIGN_STATUSES.some((status) => status === value);
}
