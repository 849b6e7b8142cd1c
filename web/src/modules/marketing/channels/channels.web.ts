import { IconSend } from '@tabler/icons-react';
import { createElement } from 'react';
import type { ModuleSettingsEntry } from '../../../app/web-module';
import { ChannelSettingsPage } from './ChannelSettingsPage';

/** The marketing settings owners and admins see: the company's own sending accounts. */
export const CHANNEL_SETTINGS: ModuleSettingsEntry[] = [
  { path: '/settings/marketing-channels', label: 'subscriptions.channels.title', icon: IconSend, permission: 'settings:manage', element: createElement(ChannelSettingsPage) },
];
