import { graphql } from '../../../../gql';

/** The roles whose members see only their own CRM records. */
export const OWN_RECORDS_ROLES = graphql(`
  query OwnRecordsRoles {
    me {
      tenant {
        id
        settings {
          ownRecordsOnlyRoles
        }
      }
    }
  }
`);

export const UPDATE_OWN_RECORDS_ROLES = graphql(`
  mutation UpdateOwnRecordsRoles($input: UpdateTenantSettingsInput!) {
    updateTenantSettings(input: $input) {
      id
      settings {
        ownRecordsOnlyRoles
      }
    }
  }
`);
