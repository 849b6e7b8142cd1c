import { graphql } from '../../../../gql';

export const SETTINGS_API_KEYS = graphql(`
  query SettingsApiKeys {
    apiKeys { id name prefix access modules rateLimitPerMinute lastUsedAt createdAt revokedAt }
  }
`);

export const CREATE_API_KEY = graphql(`
  mutation SettingsCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey { id name prefix }
    }
  }
`);

export const REVOKE_API_KEY = graphql(`
  mutation SettingsRevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) { id revokedAt }
  }
`);
