import { graphql } from '../../../../gql';

export const SETTINGS_COMPANY = graphql(`
  query SettingsCompany {
    me {
      tenant {
        id
        name
        settings { currency timeZone locale }
      }
    }
  }
`);

export const UPDATE_TENANT_SETTINGS = graphql(`
  mutation SettingsUpdateCompany($input: UpdateTenantSettingsInput!) {
    updateTenantSettings(input: $input) {
      id
      name
      settings { currency timeZone locale }
    }
  }
`);
