import { IconSpeakerphone } from '@tabler/icons-react';
import { createElement } from 'react';
import type { WebModule } from '../../app/web-module';
import { AutomationPage } from './automations/AutomationPage';
import { AutomationsPage } from './automations/AutomationsPage';
import { EditAutomationPage } from './automations/EditAutomationPage';
import { NewAutomationPage } from './automations/NewAutomationPage';
import { CampaignPage } from './campaigns/CampaignPage';
import { CampaignsPage } from './campaigns/CampaignsPage';
import { EditCampaignPage } from './campaigns/EditCampaignPage';
import { NewCampaignPage } from './campaigns/NewCampaignPage';
import { CHANNEL_SETTINGS } from './channels/channels.web';
import { LIST_ROUTES } from './lists/lists.web';
import { SUBSCRIBER_ROUTES } from './subscribers/subscriber.web';
import { EditTemplatePage } from './templates/EditTemplatePage';
import { NewTemplatePage } from './templates/NewTemplatePage';
import { TemplatesPage } from './templates/TemplatesPage';

/**
 * The marketing module's screens: campaigns (list, editor, a campaign's figures) and the templates
 * they send (list and editor with preview), under one navigation entry with two tabs.
 * Automations (list, builder, an automation's flow and people) and subscription lists are tabs of
 * it too; the sending accounts a settings section; and the pages
 * the links in sent messages open (unsubscribe, preferences, confirmation) are public.
 */
export const marketingWeb: WebModule = {
  key: 'MARKETING',
  nav: [{ to: '/campaigns', label: 'marketing.nav', icon: IconSpeakerphone, permission: 'MARKETING:read' }],
  routes: [
    { path: '/campaigns', element: createElement(CampaignsPage) },
    { path: '/campaigns/new', element: createElement(NewCampaignPage) },
    { path: '/campaigns/templates', element: createElement(TemplatesPage) },
    { path: '/campaigns/templates/new', element: createElement(NewTemplatePage) },
    { path: '/campaigns/templates/:id', element: createElement(EditTemplatePage) },
    { path: '/campaigns/automations', element: createElement(AutomationsPage) },
    { path: '/campaigns/automations/new', element: createElement(NewAutomationPage) },
    { path: '/campaigns/automations/:id', element: createElement(AutomationPage) },
    { path: '/campaigns/automations/:id/edit', element: createElement(EditAutomationPage) },
    { path: '/campaigns/:id', element: createElement(CampaignPage) },
    { path: '/campaigns/:id/edit', element: createElement(EditCampaignPage) },
    ...LIST_ROUTES,
  ],
  settings: CHANNEL_SETTINGS,
  publicRoutes: SUBSCRIBER_ROUTES,
};
