import { graphql } from '../../../gql';

export const CONTACTS_LIST = graphql(`
  query ContactsList($first: Int!, $after: String, $filter: ContactFilter, $orderBy: ContactOrder, $withCompany: Boolean!) {
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
          jobTitle
          updatedAt
          company @include(if: $withCompany) {
            id
            name
          }
        }
      }
    }
  }
`);

export const CONTACT_DETAIL = graphql(`
  query ContactDetail($id: ID!, $withCompany: Boolean!) {
    contact(id: $id) {
      id
      firstName
      lastName
      fullName
      email
      phone
      jobTitle
      createdAt
      updatedAt
      company @include(if: $withCompany) {
        id
        name
        domain
      }
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
