import { graphql } from '../../../gql';

/** The fields of one record type, in their order: what forms, cards, columns and conditions offer. */
export const CUSTOM_FIELDS = graphql(`
  query CustomFields($entity: CustomFieldEntity!) {
    customFields(entity: $entity) {
      id
      entity
      key
      label
      type
      required
      position
      options {
        key
        label
      }
    }
  }
`);

export const CREATE_CUSTOM_FIELD = graphql(`
  mutation CreateCustomField($input: CreateCustomFieldInput!) {
    createCustomField(input: $input) {
      id
      key
      label
    }
  }
`);

export const UPDATE_CUSTOM_FIELD = graphql(`
  mutation UpdateCustomField($input: UpdateCustomFieldInput!) {
    updateCustomField(input: $input) {
      id
      label
      required
      position
      options {
        key
        label
      }
    }
  }
`);

export const DELETE_CUSTOM_FIELD = graphql(`
  mutation DeleteCustomField($input: DeleteCustomFieldInput!) {
    deleteCustomField(input: $input)
  }
`);

/** Every query a changed definition shows in: the definitions, the import's choices, and records showing values. */
export const CUSTOM_FIELD_QUERIES = ['CustomFields', 'ImportCustomFields', 'ContactsList', 'ContactDetail', 'CustomersList', 'CustomerDetail', 'DealsList', 'DealDetail'];
