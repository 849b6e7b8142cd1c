import { graphql } from '../../../../gql';

export const SETTINGS_MODULES = graphql(`
  query SettingsModules {
    modules {
      key
      name
      description
      enabled
      dependsOn
      featureOptions { key description enabled requires }
    }
  }
`);

export const SET_MODULE_ENABLED = graphql(`
  mutation SettingsSetModuleEnabled($input: SetModuleEnabledInput!) {
    setModuleEnabled(input: $input) {
      key
      enabled
    }
  }
`);

export const SET_FEATURE_OPTION = graphql(`
  mutation SettingsSetFeatureOption($input: SetFeatureOptionInput!) {
    setFeatureOption(input: $input) {
      key
      enabled
    }
  }
`);
