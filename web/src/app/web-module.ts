import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ModuleKey } from '../gql/graphql';

/** A navigation entry of a module: shown while its module (and feature) is on and the viewer may read it. */
export interface NavEntry {
  to: string;
  /** Translation key of the label. */
  label: string;
  icon: Icon;
  permission: string;
  feature?: string;
}

export interface ModuleRoute {
  path: string;
  element: ReactNode;
  feature?: string;
}

/** A page a module adds to the settings area: listed beside the platform's sections while the module is on and the viewer holds `permission`. */
export interface ModuleSettingsEntry {
  path: string;
  /** Translation key of the section's name. */
  label: string;
  icon: Icon;
  permission: string;
  /** A feature option the section needs besides its module (e.g. "CRM.customFields"). */
  feature?: string;
  element: ReactNode;
}

/** What a module adds to the web app; the shell reads these and never names a module itself. */
export interface WebModule {
  key: ModuleKey;
  nav: NavEntry[];
  routes: ModuleRoute[];
  settings?: ModuleSettingsEntry[];
}
