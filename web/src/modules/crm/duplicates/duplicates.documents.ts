import { graphql } from '../../../gql';

/** Likely duplicate people, with what a merge keeps or fills of each. */
export const CONTACT_DUPLICATES = graphql(`
  query DuplicateContacts {
    contactDuplicates {
      reason
      value
      contacts {
        id
        fullName
        firstName
        lastName
        emails {
          address
          type
        }
        phones {
          number
          type
        }
        customer {
          id
          name
        }
        position {
          id
          name
        }
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
        tags
        createdAt
      }
    }
  }
`);

/** Likely duplicate customers, with what a merge keeps or fills of each. */
export const CUSTOMER_DUPLICATES = graphql(`
  query DuplicateCustomers {
    customerDuplicates {
      reason
      value
      customers {
        id
        name
        kind
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
        }
        tags
        createdAt
        contacts(first: 1) {
          totalCount
        }
      }
    }
  }
`);

export const MERGE_CONTACTS = graphql(`
  mutation MergeContacts($input: MergeContactsInput!) {
    mergeContacts(input: $input) {
      id
      fullName
    }
  }
`);

export const MERGE_CUSTOMERS = graphql(`
  mutation MergeCustomers($input: MergeCustomersInput!) {
    mergeCustomers(input: $input) {
      id
      name
    }
  }
`);

/**
 * What a merge changes, by operation name: the duplicate groups, the lists and cards of people and
 * customers, pickers, tasks, deals and histories (their people and history moved to the kept record).
 */
export const MERGE_PREFIXES = ['Duplicate', 'Contact', 'Customer', 'Home', 'Task', 'Timeline', 'Interactions', 'Deal', 'MarketingEvent', 'Messages', 'CrmTags', 'Positions'];
