import { graphql } from '../../../gql';

export const CUSTOMERS_LIST = graphql(`
  query CustomersList($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder, $withCustomFields: Boolean = false) {
    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          kind
          name
          lifecycleStage
          domain
          email
          updatedAt
          owner {
            id
            name
            email
          }
          address {
            city
            country
          }
          tags
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

/** Options of the customer pickers: a short list matching what was typed. */
export const CUSTOMER_OPTIONS = graphql(`
  query CustomerOptions($search: String) {
    customers(first: 20, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          kind
          name
        }
      }
    }
  }
`);

/** The name of one customer, for a picker whose chosen customer is not among the options shown. */
export const CUSTOMER_NAME = graphql(`
  query CustomerName($id: ID!) {
    customer(id: $id) {
      id
      kind
      name
    }
  }
`);

export const CUSTOMER_DETAIL = graphql(`
  query CustomerDetail($id: ID!, $withCustomFields: Boolean = false) {
    customer(id: $id) {
      id
      customFields @include(if: $withCustomFields) {
        key
        type
        text
        number
        date
        boolean
        options
      }
      kind
      name
      lifecycleStage
      domain
      email
      phone
      owner {
        id
        name
        email
      }
      address {
        line1
        line2
        city
        postalCode
        region
        country
      }
      source {
        channel
        utmSource
        utmMedium
        utmCampaign
        referredBy {
          id
          name
        }
      }
      tags
      createdAt
      updatedAt
      contacts(first: 50) {
        totalCount
        edges {
          node {
            id
            fullName
            email
            phone
            position {
              id
              name
              decisionMaker
            }
          }
        }
      }
    }
  }
`);

export const CREATE_CUSTOMER = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      id
    }
  }
`);

export const UPDATE_CUSTOMER = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      id
    }
  }
`);

export const DELETE_CUSTOMER = graphql(`
  mutation DeleteCustomer($input: DeleteCustomerInput!) {
    deleteCustomer(input: $input)
  }
`);

/** Every query a changed customer shows in: lists, pickers, its people and everything about it. */
export const CUSTOMER_QUERIES = ['CustomersList', 'CustomerDetail', 'CustomerOptions', 'CustomerName', 'CrmTags', 'HomeCustomers', 'ContactsList', 'ContactDetail', 'TasksList', 'TaskDetail', 'Timeline'];

/** The lists a deleted customer leaves (its own card is not asked again: it would only answer "not found"). */
export const CUSTOMER_LIST_QUERIES = CUSTOMER_QUERIES.filter((name) => name !== 'CustomerDetail' && name !== 'CustomerName');
