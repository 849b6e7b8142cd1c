import { graphql } from '../../../../gql';

export const SETTINGS_SESSIONS = graphql(`
  query SettingsSessions {
    sessions { id current userAgent ip createdAt lastSeenAt }
  }
`);

export const UPDATE_PROFILE = graphql(`
  mutation SettingsUpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) { id name locale }
  }
`);

export const CHANGE_PASSWORD = graphql(`
  mutation SettingsChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

/** Used by the profile and by the home page's first steps (through useResendVerification). */
export const RESEND_VERIFICATION_EMAIL = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`);

export const REVOKE_SESSION = graphql(`
  mutation SettingsRevokeSession($input: RevokeSessionInput!) {
    revokeSession(input: $input)
  }
`);

export const LOG_OUT_EVERYWHERE = graphql(`
  mutation SettingsLogOutEverywhere {
    logOutEverywhere
  }
`);
