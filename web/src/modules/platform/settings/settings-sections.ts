import { IconApi, IconBuilding, IconPlug, IconUserCircle, IconUsers, type Icon } from '@tabler/icons-react';

/** One section of the settings area; `permission` null means every signed-in person sees it. */
export interface SettingsSection {
  /** The platform's sections by name; a module's section by its path. */
  key: string;
  /** Translation key of the name; default `settings.sections.<key>`. */
  label?: string;
  path: string;
  icon: Icon;
  permission: string | null;
  /** Where `/settings` leads: the first section whose `landing` permission the viewer holds. */
  landing: string | null;
}

export const SETTINGS_SECTIONS: SettingsSection[] = [
  { key: 'company', path: '/settings/company', icon: IconBuilding, permission: 'settings:manage', landing: 'settings:manage' },
  { key: 'modules', path: '/settings/modules', icon: IconPlug, permission: 'settings:manage', landing: 'settings:manage' },
  // Everyone may see who works at the company; only users:manage changes it.
  { key: 'users', path: '/settings/users', icon: IconUsers, permission: null, landing: 'users:manage' },
  { key: 'apiKeys', path: '/settings/api-keys', icon: IconApi, permission: 'apikeys:manage', landing: 'apikeys:manage' },
  { key: 'profile', path: '/settings/profile', icon: IconUserCircle, permission: null, landing: null },
];
