import { graphql } from '../../../gql';

/** What the unsubscribe page and the preference centre show for a message's link; changes nothing. */
export const UNSUBSCRIBE_PAGE = graphql(`
  query SubscriberPage($token: String!) {
    unsubscribePage(token: $token) {
      companyName
      channel
      address
      unsubscribed
      emailConsent
      smsConsent
      lists {
        id
        name
        description
        status
      }
    }
  }
`);

/** The unsubscribe page's confirming click. */
export const UNSUBSCRIBE = graphql(`
  mutation SubscriberUnsubscribe($input: UnsubscribeInput!) {
    unsubscribe(input: $input) {
      companyName
      channel
      address
      unsubscribed
      emailConsent
      smsConsent
      lists {
        id
        name
        description
        status
      }
    }
  }
`);

export const UPDATE_PREFERENCES = graphql(`
  mutation SubscriberUpdatePreferences($input: UpdatePreferencesInput!) {
    updatePreferences(input: $input) {
      companyName
      channel
      address
      unsubscribed
      emailConsent
      smsConsent
      lists {
        id
        name
        description
        status
      }
    }
  }
`);

export const CONFIRM_SUBSCRIPTION = graphql(`
  mutation SubscriberConfirmSubscription($input: ConfirmSubscriptionInput!) {
    confirmSubscription(input: $input) {
      companyName
      listName
    }
  }
`);
