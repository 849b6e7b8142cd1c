import { graphql } from '../../../../gql';

export const SETTINGS_MEMBERS = graphql(`
  query SettingsMembers {
    members {
      role
      user { id name email }
    }
  }
`);

export const SETTINGS_INVITATIONS = graphql(`
  query SettingsInvitations {
    invitations { id email role expiresAt }
  }
`);

export const SET_MEMBER_ROLE = graphql(`
  mutation SettingsSetMemberRole($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) {
      role
      user { id }
    }
  }
`);

export const REMOVE_MEMBER = graphql(`
  mutation SettingsRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input)
  }
`);

export const INVITE_USER = graphql(`
  mutation SettingsInviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) { id email }
  }
`);

export const REVOKE_INVITATION = graphql(`
  mutation SettingsRevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) { id }
  }
`);
