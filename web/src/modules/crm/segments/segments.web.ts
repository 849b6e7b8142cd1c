import { createElement } from 'react';
import type { ModuleRoute } from '../../../app/web-module';
import { NewSegmentPage } from './NewSegmentPage';
import { SEGMENTS_FEATURE } from './segment-input';
import { SegmentPage } from './SegmentPage';

/** A saved view's page and a new view built from conditions; the lists reach them through their Views menu. */
export const SEGMENTS_ROUTES: ModuleRoute[] = [
  { path: '/segments/new', element: createElement(NewSegmentPage), feature: SEGMENTS_FEATURE },
  { path: '/segments/:id', element: createElement(SegmentPage), feature: SEGMENTS_FEATURE },
];
