import type { CampaignFilter, CampaignStatus, CampaignsListQuery, MarketingChannel } from '../../../gql/graphql.js';
import { isCampaignStatus, isChannel } from '../shared/channels.js';

export type CampaignRow = CampaignsListQuery['campaigns']['edges'][number]['node'];

/** Address parameters that narrow the campaigns list; clearing the filters removes them. */
export const CAMPAIGN_FILTER_KEYS = ['status', 'channel'];

export interface CampaignsView {
  statuses: CampaignStatus[];
  channel: MarketingChannel | null;
  activeFilters: number;
  narrowed: boolean;
  filter: CampaignFilter | null;
}

/** The campaigns list as the address describes it (`?status=SCHEDULED,SENDING&channel=EMAIL&after=…`); unknown values are ignored. */
export function readCampaignsView(params: URLSearchParams): CampaignsView {
  const statuses = [
    ...new Set(
      (params.get('status') ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter(isCampaignStatus),
    ),
  ];
  const channelParam = params.get('channel');
  const channel = isChannel(channelParam) ? channelParam : null;
  const filter: CampaignFilter = {};
  if (statuses.length > 0) filter.statuses = statuses;
  if (channel) filter.channel = channel;
  const activeFilters = (statuses.length > 0 ? 1 : 0) + (channel ? 1 : 0);
  return { statuses, channel, activeFilters, narrowed: activeFilters > 0, filter: activeFilters > 0 ? filter : null };
}

/** What left the building: taken by the provider, delivered, or bounced back afterwards. */
export function sentCount(stats: { sent: number; delivered: number; bounced: number }): number {
  return stats.sent + stats.delivered + stats.bounced;
}
