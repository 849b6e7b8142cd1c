import { IconMailForward } from '@tabler/icons-react';
import { createElement } from 'react';
import type { ModuleSettingsEntry } from '../../../app/web-module';
import { InboundEmailPage } from './InboundEmailPage';

/** Settings the CRM's messaging adds: the inbound email address and the received emails nobody was found for (owners and admins). */
export const MESSAGES_SETTINGS: ModuleSettingsEntry[] = [
  { path: '/settings/inbound-email', label: 'crm.messages.inbound.title', icon: IconMailForward, permission: 'settings:manage', element: createElement(InboundEmailPage) },
];
