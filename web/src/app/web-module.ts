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

/** What a module adds to the web app; the shell reads these and never names a module itself. */
export interface WebModule {
  key: ModuleKey;
  nav: NavEntry[];
  routes: ModuleRoute[];
}
