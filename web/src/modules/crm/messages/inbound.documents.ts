import { graphql } from '../../../gql';

/** Whether a customer's people may be emailed or texted (the first 50, as its people card shows). */
export const CUSTOMER_PEOPLE_REACH = graphql(`
  query CustomerPeopleReach($customerId: ID!) {
    customer(id: $customerId) {
      id
      contacts(first: 50) {
        edges {
          node {
            id
            emailConsent
            smsConsent
          }
        }
      }
    }
  }
`);

/** Where the company's mail gateway posts received emails (owners and admins). */
export const INBOUND_EMAIL_URL = graphql(`
  query InboundEmailUrl {
    inboundEmailUrl
  }
`);

export const ROTATE_INBOUND_EMAIL_TOKEN = graphql(`
  mutation RotateInboundEmailToken {
    rotateInboundEmailToken
  }
`);

/** Received emails nobody was found for, newest first. */
export const UNMATCHED_EMAILS = graphql(`
  query MessagesUnmatched($first: Int!, $after: String) {
    messages(unmatched: true, channel: EMAIL, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          from
          to
          subject
          body
          sentAt
          createdAt
        }
      }
    }
  }
`);

export const ATTACH_MESSAGE_TO_CONTACT = graphql(`
  mutation AttachMessageToContact($input: AttachMessageToContactInput!) {
    attachMessageToContact(input: $input) {
      id
      contactId
      contactName
    }
  }
`);
