import { createElement } from 'react';
import type { PublicRoute } from '../../../app/web-module';
import { ConfirmSubscriptionPage } from './ConfirmSubscriptionPage';
import { PreferencesPage } from './PreferencesPage';
import { SubscribeDonePage } from './SubscribeDonePage';
import { UnsubscribePage } from './UnsubscribePage';

/**
 * The pages the links in Kontor's messages open, for people without an account. They work whether
 * or not the module is on now: a message already received must always let its recipient leave.
 */
export const SUBSCRIBER_ROUTES: PublicRoute[] = [
  { path: '/unsubscribe/:token', element: createElement(UnsubscribePage) },
  { path: '/preferences/:token', element: createElement(PreferencesPage) },
  { path: '/subscribe/confirm/:token', element: createElement(ConfirmSubscriptionPage) },
  { path: '/subscribe/done', element: createElement(SubscribeDonePage) },
];
