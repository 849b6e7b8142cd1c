import { IconPresentation } from '@tabler/icons-react';
import { createElement } from 'react';
import type { ModuleRoute, NavEntry } from '../../../app/web-module';
import { EventDetailPage } from './EventDetailPage';
import { EventsPage } from './EventsPage';

/** Marketing events: the list and an event's page with its people and figures. */
export const EVENTS_NAV: NavEntry[] = [{ to: '/events', label: 'events.nav', icon: IconPresentation, permission: 'CRM:read' }];

export const EVENTS_ROUTES: ModuleRoute[] = [
  { path: '/events', element: createElement(EventsPage) },
  { path: '/events/:id', element: createElement(EventDetailPage) },
];
