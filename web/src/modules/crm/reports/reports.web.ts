import { IconChartBar } from '@tabler/icons-react';
import { createElement, lazy, Suspense } from 'react';
import type { ModuleRoute, NavEntry } from '../../../app/web-module';
import { ReportSkeleton } from './ReportState';

const DEALS = 'CRM.deals';

// The charts (recharts) load with the reports page, not with the rest of the app.
const ReportsPage = lazy(() => import('./ReportsPage').then((module) => ({ default: module.ReportsPage })));

/** Sales reports: the funnel, won and lost, managers and sources (feature CRM.deals). */
export const REPORTS_NAV: NavEntry[] = [{ to: '/reports', label: 'reports.nav', icon: IconChartBar, permission: 'CRM:read', feature: DEALS }];

export const REPORTS_ROUTES: ModuleRoute[] = [{ path: '/reports', element: createElement(Suspense, { fallback: createElement(ReportSkeleton) }, createElement(ReportsPage)), feature: DEALS }];
