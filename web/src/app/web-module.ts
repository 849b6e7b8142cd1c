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

/**
 * A page for people without an account, opened from a link the module sent them (unsubscribe,
 * preferences): no sign-in, no shell, and there whether or not the module is on now; the element
 * brings its own frame.
 */
export interface PublicRoute {
  path: string;
  element: ReactNode;
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
  publicRoutes?: PublicRoute[];
}
