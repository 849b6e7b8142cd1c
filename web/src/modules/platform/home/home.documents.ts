import { graphql } from '../../../gql';

export const HOME_PEOPLE = graphql(`
  query HomePeople {
    contacts(first: 1) {
      totalCount
    }
  }
`);

export const HOME_CUSTOMERS = graphql(`
  query HomeCustomers {
    customers(first: 1) {
      totalCount
    }
  }
`);

export const HOME_MEMBERS = graphql(`
  query HomeMembers {
    members {
      role
    }
    invitations {
      id
    }
  }
`);
