import { IconLayoutKanban } from '@tabler/icons-react';
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import type { ModuleRoute, NavEntry } from '../../../app/web-module';
import { DetailSkeleton } from '../shared/DetailSkeleton';

const DEALS = 'CRM.deals';

// The board's drag and drop (dnd-kit) and the deal screens load when first opened, not with the app.
const DealsPage = lazy(() => import('./DealsPage').then((module) => ({ default: module.DealsPage })));
const DealDetailPage = lazy(() => import('./DealDetailPage').then((module) => ({ default: module.DealDetailPage })));
const PipelinesPage = lazy(() => import('./PipelinesPage').then((module) => ({ default: module.PipelinesPage })));

function page(component: ComponentType) {
  return createElement(Suspense, { fallback: createElement(DetailSkeleton) }, createElement(component));
}

/** Deals: the board and list, a deal's page, and the pipelines' settings (feature CRM.deals). */
export const DEALS_NAV: NavEntry[] = [{ to: '/deals', label: 'deals.nav', icon: IconLayoutKanban, permission: 'CRM:read', feature: DEALS }];

export const DEALS_ROUTES: ModuleRoute[] = [
  { path: '/deals', element: page(DealsPage), feature: DEALS },
  { path: '/deals/pipelines', element: page(PipelinesPage), feature: DEALS },
  { path: '/deals/:id', element: page(DealDetailPage), feature: DEALS },
];
