import { IconChecklist, IconFileImport, IconHeartHandshake, IconUsers } from '@tabler/icons-react';
import { createElement } from 'react';
import type { WebModule } from '../../app/web-module';
import { ContactDetailPage } from './contacts/ContactDetailPage';
import { ContactsPage } from './contacts/ContactsPage';
import { EditContactPage } from './contacts/EditContactPage';
import { NewContactPage } from './contacts/NewContactPage';
import { CompaniesRedirect } from './customers/CompaniesRedirect';
import { CustomerDetailPage } from './customers/CustomerDetailPage';
import { CustomersPage } from './customers/CustomersPage';
import { EditCustomerPage } from './customers/EditCustomerPage';
import { NewCustomerPage } from './customers/NewCustomerPage';
import { DEALS_NAV, DEALS_ROUTES } from './deals/deals.web';
import { DUPLICATES_ROUTES } from './duplicates/duplicates.web';
import { EVENTS_NAV, EVENTS_ROUTES } from './events/events.web';
import { FIELDS_SETTINGS } from './fields/fields.web';
import { ImportPage } from './import/ImportPage';
import { MESSAGES_SETTINGS } from './messages/messages.web';
import { PositionsPage } from './positions/PositionsPage';
import { REPORTS_NAV, REPORTS_ROUTES } from './reports/reports.web';
import { SEGMENTS_ROUTES } from './segments/segments.web';
import { TasksPage } from './tasks/TasksPage';

const TASKS = 'CRM.tasks';

/**
 * The CRM's screens: people and customers (with counterparties, positions, duplicates and saved
 * views), deals and their reports, tasks, marketing events and imports; and its settings sections
 * (custom fields, the inbound email address). Each part names the feature option it goes with.
 */
export const crmWeb: WebModule = {
  key: 'CRM',
  // In the order of a salesperson's day: who, what is being sold, what to do, then the rest.
  nav: [
    { to: '/contacts', label: 'crm.nav.people', icon: IconUsers, permission: 'CRM:read' },
    { to: '/customers', label: 'crm.nav.customers', icon: IconHeartHandshake, permission: 'CRM:read' },
    ...DEALS_NAV,
    { to: '/tasks', label: 'crm.nav.tasks', icon: IconChecklist, permission: 'CRM:read', feature: TASKS },
    ...EVENTS_NAV,
    ...REPORTS_NAV,
    { to: '/import', label: 'import.nav', icon: IconFileImport, permission: 'CRM:write' },
  ],
  routes: [
    { path: '/customers', element: createElement(CustomersPage) },
    { path: '/customers/new', element: createElement(NewCustomerPage) },
    { path: '/customers/:id', element: createElement(CustomerDetailPage) },
    { path: '/customers/:id/edit', element: createElement(EditCustomerPage) },
    { path: '/contacts', element: createElement(ContactsPage) },
    { path: '/contacts/new', element: createElement(NewContactPage) },
    { path: '/contacts/:id', element: createElement(ContactDetailPage) },
    { path: '/contacts/:id/edit', element: createElement(EditContactPage) },
    { path: '/crm/positions', element: createElement(PositionsPage) },
    // Companies became customers with the same ids: emailed links and bookmarks still open them.
    { path: '/companies', element: createElement(CompaniesRedirect) },
    { path: '/companies/*', element: createElement(CompaniesRedirect) },
    { path: '/tasks', element: createElement(TasksPage), feature: TASKS },
    { path: '/import', element: createElement(ImportPage) },
    ...DEALS_ROUTES,
    ...REPORTS_ROUTES,
    ...EVENTS_ROUTES,
    ...DUPLICATES_ROUTES,
    ...SEGMENTS_ROUTES,
  ],
  settings: [...MESSAGES_SETTINGS, ...FIELDS_SETTINGS],
};
