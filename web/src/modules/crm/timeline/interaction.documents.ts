import { graphql } from '../../../gql';

/**
 * A person's or customer's history, newest first: interactions, and tasks added and done; with
 * `withMarketing` (the Marketing module on and readable) what happened to the campaign and automation
 * messages sent to them.
 */
export const TIMELINE = graphql(`
  query Timeline($subject: TimelineSubject!, $first: Int!, $after: String, $withMarketing: Boolean = false) {
    timeline(subject: $subject, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          kind
          at
          interaction {
            id
            kind
            direction
            occurredAt
            durationSeconds
            outcome
            subject
            body
            contactId
            contactName
            customerId
            customerName
            createdAt
            loggedBy {
              id
              name
              email
            }
            message {
              id
              channel
              status
              error
              subject
            }
          }
          task {
            id
            title
            completedAt
          }
          campaignEvent @include(if: $withMarketing) {
            id
            kind
            channel
            address
            detail
            occurredAt
            campaignId
            campaignName
          }
          automationEvent @include(if: $withMarketing) {
            id
            kind
            channel
            address
            detail
            occurredAt
            automationId
            automationName
          }
        }
      }
    }
  }
`);

export const LOG_INTERACTION = graphql(`
  mutation LogInteraction($input: LogInteractionInput!) {
    logInteraction(input: $input) {
      id
      kind
    }
  }
`);

export const DELETE_INTERACTION = graphql(`
  mutation DeleteInteraction($input: DeleteInteractionInput!) {
    deleteInteraction(input: $input)
  }
`);

/** Queries whose operation name starts with one of these show interactions: asked again after a change. */
export const HISTORY_QUERY_PREFIXES = ['Timeline', 'Interactions'];
