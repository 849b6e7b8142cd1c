import { createElement } from 'react';
import type { ModuleRoute } from '../../../app/web-module';
import { ContactDuplicatesPage } from './ContactDuplicatesPage';
import { CustomerDuplicatesPage } from './CustomerDuplicatesPage';

/** Likely duplicate people and customers, reached from their lists ("Find duplicates"). */
export const DUPLICATES_ROUTES: ModuleRoute[] = [
  { path: '/contacts/duplicates', element: createElement(ContactDuplicatesPage) },
  { path: '/customers/duplicates', element: createElement(CustomerDuplicatesPage) },
];
