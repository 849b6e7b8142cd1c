import { graphql } from '../../../gql';

export const COMPANIES_LIST = graphql(`
  query CompaniesList($first: Int!, $after: String, $filter: CompanyFilter, $orderBy: CompanyOrder) {
    companies(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          domain
          email
          phone
          updatedAt
          contacts(first: 1) {
            totalCount
          }
        }
      }
    }
  }
`);

/** Options of the company pickers: a short list matching what was typed. */
export const COMPANY_OPTIONS = graphql(`
  query CompanyOptions($search: String) {
    companies(first: 20, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** The name of one company, for a picker whose chosen company is not among the options shown. */
export const COMPANY_NAME = graphql(`
  query CompanyName($id: ID!) {
    company(id: $id) {
      id
      name
    }
  }
`);

export const COMPANY_DETAIL = graphql(`
  query CompanyDetail($id: ID!) {
    company(id: $id) {
      id
      name
      domain
      email
      phone
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
            jobTitle
          }
        }
      }
    }
  }
`);

export const CREATE_COMPANY = graphql(`
  mutation CreateCompany($input: CreateCompanyInput!) {
    createCompany(input: $input) {
      id
    }
  }
`);

export const UPDATE_COMPANY = graphql(`
  mutation UpdateCompany($input: UpdateCompanyInput!) {
    updateCompany(input: $input) {
      id
    }
  }
`);

export const DELETE_COMPANY = graphql(`
  mutation DeleteCompany($input: DeleteCompanyInput!) {
    deleteCompany(input: $input)
  }
`);
