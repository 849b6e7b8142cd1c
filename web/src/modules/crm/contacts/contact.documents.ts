import { graphql } from '../../../gql';

export const CONTACTS_LIST = graphql(`
  query ContactsList($first: Int!, $after: String, $filter: ContactFilter, $orderBy: ContactOrder, $withCustomFields: Boolean = false) {
    contacts(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          fullName
          email
          phone
          updatedAt
          position {
            id
            name
          }
          customer {
            id
            kind
            name
          }
          customFields @include(if: $withCustomFields) {
            key
            type
            text
            number
            date
            boolean
            options
          }
        }
      }
    }
  }
`);

export const CONTACT_DETAIL = graphql(`
  query ContactDetail($id: ID!, $withCustomFields: Boolean = false) {
    contact(id: $id) {
      id
      owner {
        id
        name
        email
      }
      customFields @include(if: $withCustomFields) {
        key
        type
        text
        number
        date
        boolean
        options
      }
      firstName
      lastName
      fullName
      email
      phone
      emails {
        address
        type
      }
      phones {
        number
        type
      }
      address {
        line1
        line2
        city
        postalCode
        region
        country
      }
      tags
      emailConsent
      smsConsent
      consentHistory {
        channel
        status
        source
        occurredAt
        recordedBy {
          id
          name
          email
        }
      }
      position {
        id
        name
        decisionMaker
      }
      customer {
        id
        kind
        name
        domain
      }
      createdAt
      updatedAt
    }
  }
`);

export const CREATE_CONTACT = graphql(`
  mutation CreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      id
    }
  }
`);

export const UPDATE_CONTACT = graphql(`
  mutation UpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      id
    }
  }
`);

export const DELETE_CONTACT = graphql(`
  mutation DeleteContact($input: DeleteContactInput!) {
    deleteContact(input: $input)
  }
`);

export const SET_CONTACT_CONSENT = graphql(`
  mutation SetContactConsent($input: SetContactConsentInput!) {
    setContactConsent(input: $input) {
      id
      emailConsent
      smsConsent
    }
  }
`);

/** Every query a changed person shows in: lists, their customer's card, tasks and histories about them. */
export const CONTACT_QUERIES = ['ContactsList', 'ContactDetail', 'CustomerDetail', 'CustomersList', 'CrmTags', 'Positions', 'TasksList', 'TaskDetail', 'Timeline', 'HomePeople'];

/** The lists a deleted person leaves (their own page is not asked again: it would only answer "not found"). */
export const CONTACT_LIST_QUERIES = CONTACT_QUERIES.filter((name) => name !== 'ContactDetail');
