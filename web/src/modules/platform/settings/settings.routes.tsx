import type { ReactNode } from 'react';
import { ModuleGate } from '../../../app/shell/ModuleGate';
import { WEB_MODULES } from '../../../app/web-modules';
import { ApiKeysPage } from './api-keys/ApiKeysPage';
import { CompanyPage } from './company/CompanyPage';
import { ModulesPage } from './modules/ModulesPage';
import { ProfilePage } from './profile/ProfilePage';
import { SettingsGate } from './SettingsGate';
import { SettingsIndex } from './SettingsIndex';
import { SettingsLayout } from './SettingsLayout';
import { UsersPage } from './users/UsersPage';

export const settingsRoutes: { path: string; element: ReactNode }[] = [
  { path: '/settings', element: <SettingsIndex /> },
  {
    path: '/settings/company',
    element: (
      <SettingsLayout>
        <SettingsGate permission="settings:manage" titleKey="settings.company.title">
          <CompanyPage />
        </SettingsGate>
      </SettingsLayout>
    ),
  },
  {
    path: '/settings/modules',
    element: (
      <SettingsLayout>
        <SettingsGate permission="settings:manage" titleKey="settings.modules.title">
          <ModulesPage />
        </SettingsGate>
      </SettingsLayout>
    ),
  },
  {
    path: '/settings/users',
    element: (
      <SettingsLayout>
        <UsersPage />
      </SettingsLayout>
    ),
  },
  {
    path: '/settings/api-keys',
    element: (
      <SettingsLayout>
        <SettingsGate permission="apikeys:manage" titleKey="settings.apiKeys.title">
          <ApiKeysPage />
        </SettingsGate>
      </SettingsLayout>
    ),
  },
  {
    path: '/settings/profile',
    element: (
      <SettingsLayout>
        <ProfilePage />
      </SettingsLayout>
    ),
  },
  // Sections modules add (each explains itself while its module is off or the role may not open it).
  ...WEB_MODULES.flatMap((module) =>
    (module.settings ?? []).map((entry) => ({
      path: entry.path,
      element: (
        <SettingsLayout>
          <ModuleGate module={module.key} feature={entry.feature}>
            <SettingsGate permission={entry.permission} titleKey={entry.label}>
              {entry.element}
            </SettingsGate>
          </ModuleGate>
        </SettingsLayout>
      ),
    })),
  ),
];
