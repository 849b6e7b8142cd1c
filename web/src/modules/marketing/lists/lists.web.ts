import { createElement } from 'react';
import type { ModuleRoute } from '../../../app/web-module';
import { ListPage } from './ListPage';
import { ListsPage } from './ListsPage';

/** The subscription lists, a tab of the campaigns area. */
export const LIST_ROUTES: ModuleRoute[] = [
  { path: '/campaigns/lists', element: createElement(ListsPage) },
  { path: '/campaigns/lists/:id', element: createElement(ListPage) },
];
