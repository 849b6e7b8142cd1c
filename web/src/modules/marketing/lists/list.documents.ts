import { graphql } from '../../../gql';

/** Every list by name with its counts (at most 500: not paginated). */
export const SUBSCRIPTION_LISTS = graphql(`
  query SubscriptionLists {
    subscriptionLists {
      id
      name
      description
      doubleOptIn
      memberCount
      subscribedCount
      pendingCount
      updatedAt
    }
  }
`);

export const SUBSCRIPTION_LIST = graphql(`
  query SubscriptionListDetail($id: ID!) {
    subscriptionList(id: $id) {
      id
      name
      description
      doubleOptIn
      formUrl
      memberCount
      subscribedCount
      pendingCount
      createdAt
      updatedAt
    }
  }
`);

/** A list's people, the latest to join first, one keyset page at a time. */
export const LIST_MEMBERS = graphql(`
  query SubscriptionListMembers($listId: ID!, $first: Int, $after: String, $filter: ListMemberFilter) {
    listMembers(listId: $listId, first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          source
          joinedAt
          confirmedAt
          unsubscribedAt
          contact {
            id
            fullName
            email
          }
        }
      }
    }
  }
`);

export const CREATE_SUBSCRIPTION_LIST = graphql(`
  mutation CreateSubscriptionList($input: CreateSubscriptionListInput!) {
    createSubscriptionList(input: $input) {
      id
      name
    }
  }
`);

export const UPDATE_SUBSCRIPTION_LIST = graphql(`
  mutation UpdateSubscriptionList($input: UpdateSubscriptionListInput!) {
    updateSubscriptionList(input: $input) {
      id
      name
      description
      doubleOptIn
      formUrl
    }
  }
`);

export const DELETE_SUBSCRIPTION_LIST = graphql(`
  mutation DeleteSubscriptionList($input: DeleteSubscriptionListInput!) {
    deleteSubscriptionList(input: $input)
  }
`);

export const ADD_LIST_MEMBERS = graphql(`
  mutation AddListMembers($input: ListMembersInput!) {
    addListMembers(input: $input) {
      added
      alreadySubscribed
      optedOut
    }
  }
`);

export const REMOVE_LIST_MEMBERS = graphql(`
  mutation RemoveListMembers($input: ListMembersInput!) {
    removeListMembers(input: $input) {
      removed
    }
  }
`);

/** Every query showing lists or their counts: the lists, a list, its members, and the campaign editor's audience options. */
export const LIST_QUERIES = ['SubscriptionLists', 'SubscriptionListDetail', 'SubscriptionListMembers', 'CampaignListOptions'];
