import { graphql } from '../../../gql';

/** The company's own sending accounts; secrets are never answered, only whether one is kept. */
export const MARKETING_CHANNEL_SETTINGS = graphql(`
  query MarketingChannelSettings {
    marketingChannelSettings {
      smtp {
        host
        port
        secure
        username
        hasPassword
        from
      }
      twilio {
        accountSid
        from
        hasAuthToken
      }
      emailsPerMinute
      smsPerMinute
    }
  }
`);

export const UPDATE_MARKETING_CHANNEL_SETTINGS = graphql(`
  mutation UpdateMarketingChannelSettings($input: UpdateMarketingChannelSettingsInput!) {
    updateMarketingChannelSettings(input: $input) {
      smtp {
        host
        port
        secure
        username
        hasPassword
        from
      }
      twilio {
        accountSid
        from
        hasAuthToken
      }
      emailsPerMinute
      smsPerMinute
    }
  }
`);

export const SMS_INBOUND_WEBHOOK_URL = graphql(`
  query SmsInboundWebhookUrl {
    smsInboundWebhookUrl
  }
`);
