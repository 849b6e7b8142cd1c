import { graphql } from '../../../gql';

/** The campaigns list: newest first, narrowed by status and channel, with each one's figures. */
export const CAMPAIGNS = graphql(`
  query CampaignsList($first: Int!, $after: String, $filter: CampaignFilter) {
    campaigns(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          channel
          status
          sendAt
          timeZone
          audienceSize
          stats {
            recipients
            sent
            delivered
            bounced
            opened
            clicked
          }
        }
      }
    }
  }
`);

/** One campaign with everything its editor and its page show. */
export const CAMPAIGN = graphql(`
  query CampaignDetail($id: ID!) {
    campaign(id: $id) {
      id
      name
      channel
      status
      templateId
      template {
        id
        name
      }
      audience {
        segmentIds
        listIds
      }
      sendAt
      timeZone
      throttlePerMinute
      quietHours {
        start
        end
      }
      abTest {
        variantTemplateId
        testSharePercent
        winnerAt
        winner
      }
      cost {
        amount
        currency
      }
      audienceSize
      startedAt
      finishedAt
      createdAt
      updatedAt
      stats {
        recipients
        queued
        sending
        sent
        delivered
        bounced
        failed
        skipped
        opened
        clicked
        unsubscribed
      }
    }
  }
`);

/** What happened hour by hour (UTC hours, only those with events): the campaign page's activity chart. */
export const CAMPAIGN_STATS_OVER_TIME = graphql(`
  query CampaignStatsOverTime($id: ID!) {
    campaign(id: $id) {
      id
      statsOverTime {
        at
        sent
        delivered
        opened
        clicked
        bounced
        failed
        unsubscribed
      }
    }
  }
`);

/** How many people an audience reaches on a channel right now: the editor's live count. */
export const CAMPAIGN_AUDIENCE_COUNT = graphql(`
  query CampaignAudienceCount($channel: MarketingChannel!, $audience: CampaignAudienceInput!) {
    campaignAudienceCount(channel: $channel, audience: $audience)
  }
`);

/** The saved segments an audience is built from (people and customers), by name. */
export const CAMPAIGN_SEGMENTS = graphql(`
  query CampaignSegmentOptions {
    segments {
      id
      name
      entity
      count
    }
  }
`);

/** The subscription lists an audience is built from, by name, with how many are subscribed now. */
export const CAMPAIGN_LISTS = graphql(`
  query CampaignListOptions {
    subscriptionLists {
      id
      name
      subscribedCount
    }
  }
`);

/** Deals won from the people a campaign reached, within a window after it (CRM deals switched on). */
export const CAMPAIGN_REVENUE = graphql(`
  query CampaignRevenue($id: ID!, $days: Int!) {
    campaign(id: $id) {
      id
      revenue(days: $days) {
        attributedDeals
        wonAmounts {
          amount
          currency
        }
        cost {
          amount
          currency
        }
        roi
        windowDays
      }
    }
  }
`);

export const CREATE_CAMPAIGN = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      id
      name
      status
    }
  }
`);

export const UPDATE_CAMPAIGN = graphql(`
  mutation UpdateCampaign($input: UpdateCampaignInput!) {
    updateCampaign(input: $input) {
      id
      name
      status
    }
  }
`);

export const DELETE_CAMPAIGN = graphql(`
  mutation DeleteCampaign($input: CampaignIdInput!) {
    deleteCampaign(input: $input)
  }
`);

export const SCHEDULE_CAMPAIGN = graphql(`
  mutation ScheduleCampaign($input: ScheduleCampaignInput!) {
    scheduleCampaign(input: $input) {
      id
      status
      sendAt
      timeZone
    }
  }
`);

export const SEND_CAMPAIGN_NOW = graphql(`
  mutation SendCampaignNow($input: CampaignIdInput!) {
    sendCampaignNow(input: $input) {
      id
      status
      audienceSize
    }
  }
`);

export const PAUSE_CAMPAIGN = graphql(`
  mutation PauseCampaign($input: CampaignIdInput!) {
    pauseCampaign(input: $input) {
      id
      status
    }
  }
`);

export const RESUME_CAMPAIGN = graphql(`
  mutation ResumeCampaign($input: CampaignIdInput!) {
    resumeCampaign(input: $input) {
      id
      status
    }
  }
`);

export const CANCEL_CAMPAIGN = graphql(`
  mutation CancelCampaign($input: CampaignIdInput!) {
    cancelCampaign(input: $input) {
      id
      status
    }
  }
`);

/** Every query that shows campaigns (by operation name: the list and a campaign's page and editor). */
export const CAMPAIGN_QUERIES = ['CampaignsList', 'CampaignDetail', 'CampaignStatsOverTime'];
