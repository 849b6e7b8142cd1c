import { graphql } from '../../../gql';

/** A customer's legal entities: asked apart from the customer, only while counterparties are switched on. */
export const CUSTOMER_COUNTERPARTIES = graphql(`
  query CustomerCounterparties($id: ID!) {
    customer(id: $id) {
      id
      counterparties {
        id
        legalName
        taxId
        registrationNumber
        legalAddress {
          line1
          line2
          city
          postalCode
          region
          country
        }
        bankAccounts {
          iban
          bic
          bankName
          currency
        }
        validFrom
        validTo
        current
        createdAt
      }
    }
  }
`);

export const CREATE_COUNTERPARTY = graphql(`
  mutation CreateCounterparty($input: CreateCounterpartyInput!) {
    createCounterparty(input: $input) {
      id
      legalName
    }
  }
`);

export const UPDATE_COUNTERPARTY = graphql(`
  mutation UpdateCounterparty($input: UpdateCounterpartyInput!) {
    updateCounterparty(input: $input) {
      id
      legalName
    }
  }
`);

export const DELETE_COUNTERPARTY = graphql(`
  mutation DeleteCounterparty($input: DeleteCounterpartyInput!) {
    deleteCounterparty(input: $input)
  }
`);

export const COUNTERPARTY_QUERIES = ['CustomerCounterparties'];
