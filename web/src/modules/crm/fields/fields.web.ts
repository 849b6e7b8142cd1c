import { IconForms } from '@tabler/icons-react';
import { createElement } from 'react';
import type { ModuleSettingsEntry } from '../../../app/web-module';
import { CustomFieldsPage } from './CustomFieldsPage';
import { CUSTOM_FIELDS_FEATURE } from './use-custom-fields';

/** Settings → Custom fields: defining them shapes every record, so for those who run the company (`settings:manage`). */
export const FIELDS_SETTINGS: ModuleSettingsEntry[] = [
  { path: '/settings/fields', label: 'fields.title', icon: IconForms, permission: 'settings:manage', feature: CUSTOM_FIELDS_FEATURE, element: createElement(CustomFieldsPage) },
];
