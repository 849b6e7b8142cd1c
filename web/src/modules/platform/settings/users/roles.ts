import type { Role } from '../../../../gql/graphql';

export const ROLES: Role[] = ['OWNER', 'ADMIN', 'MANAGER', 'AGENT', 'VIEWER'];

/** Roles a person may hand out, as the API decides: only owners make (or unmake) owners. */
export function grantableRoles(granter: Role | null | undefined): Role[] {
  if (granter === 'OWNER') return ROLES;
  if (granter === 'ADMIN') return ROLES.filter((role) => role !== 'OWNER');
  return [];
}
