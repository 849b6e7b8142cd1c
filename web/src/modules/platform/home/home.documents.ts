import { graphql } from '../../../gql';

export const HOME_PEOPLE = graphql(`
  query HomePeople {
    contacts(first: 1) {
      totalCount
    }
  }
`);

export const HOME_COMPANIES = graphql(`
  query HomeCompanies {
    companies(first: 1) {
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
