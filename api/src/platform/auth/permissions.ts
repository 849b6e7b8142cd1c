import { Role } from '../../../../schema/platform/membership.entity.js';
import { MODULE_KEYS, type ModuleKey } from '../modules/module-manifest.js';

/** Module permissions are `<MODULE>:read|write`; platform permissions guard settings, people and keys. */
export type ModulePermission = `${ModuleKey}:${'read' | 'write'}`;
export type PlatformPermission = 'settings:manage' | 'users:manage' | 'apikeys:manage';
export type Permission = ModulePermission | PlatformPermission;

const all = (access: 'read' | 'write'): ModulePermission[] => MODULE_KEYS.map((m) => `${m}:${access}` as const);

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.OWNER]: [...all('read'), ...all('write'), 'settings:manage', 'users:manage', 'apikeys:manage'],
  [Role.ADMIN]: [...all('read'), ...all('write'), 'settings:manage', 'users:manage', 'apikeys:manage'],
  [Role.MANAGER]: [...all('read'), ...all('write')],
  // Agents work with customers and requests; they read the rest.
  [Role.AGENT]: [...all('read'), 'CRM:write', 'SERVICE_DESK:write'],
  [Role.VIEWER]: [...all('read')],
};

export function permissionsOfRole(role: Role): ReadonlySet<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}

export function moduleOfPermission(permission: string): ModuleKey | null {
  const prefix = permission.split(':')[0];
  return (MODULE_KEYS as readonly string[]).includes(prefix ?? '') ? (prefix as ModuleKey) : null;
}

/** Roles an inviter may grant: nobody hands out more than they hold, and only owners make owners. */
export function canGrantRole(granter: Role, role: Role): boolean {
  if (role === Role.OWNER) return granter === Role.OWNER;
  return granter === Role.OWNER || granter === Role.ADMIN;
}
