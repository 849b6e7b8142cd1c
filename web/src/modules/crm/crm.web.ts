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
import { PositionsPage } from './positions/PositionsPage';
import { TasksPage } from './tasks/TasksPage';
import { ImportPage } from './import/ImportPage';

const TASKS = 'CRM.tasks';

/** People, customers (with their counterparties), the positions directory and tasks: lists, cards and forms. */
export const crmWeb: WebModule = {
  key: 'CRM',
  nav: [
    { to: '/contacts', label: 'crm.nav.people', icon: IconUsers, permission: 'CRM:read' },
    { to: '/customers', label: 'crm.nav.customers', icon: IconHeartHandshake, permission: 'CRM:read' },
    { to: '/tasks', label: 'crm.nav.tasks', icon: IconChecklist, permission: 'CRM:read', feature: TASKS },
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
  ],
};

// Deals (board, list, a deal's page, pipelines) and sales reports, both behind feature CRM.deals: their
// entries follow the ones above.
import { DEALS_NAV, DEALS_ROUTES } from './deals/deals.web';
import { REPORTS_NAV, REPORTS_ROUTES } from './reports/reports.web';

crmWeb.nav.push(...DEALS_NAV, ...REPORTS_NAV);
crmWeb.routes.push(...DEALS_ROUTES, ...REPORTS_ROUTES);

// Marketing events, finding and merging duplicates, and the inbound email settings (owners and admins).
import { DUPLICATES_ROUTES } from './duplicates/duplicates.web';
import { EVENTS_NAV, EVENTS_ROUTES } from './events/events.web';
import { MESSAGES_SETTINGS } from './messages/messages.web';

crmWeb.nav.push(...EVENTS_NAV);
crmWeb.routes.push(...EVENTS_ROUTES, ...DUPLICATES_ROUTES);
crmWeb.settings = [...(crmWeb.settings ?? []), ...MESSAGES_SETTINGS];

// Custom fields (a settings section, with CRM.customFields) and saved views' pages (with CRM.segments).
import { FIELDS_SETTINGS } from './fields/fields.web';
import { SEGMENTS_ROUTES } from './segments/segments.web';

crmWeb.routes.push(...SEGMENTS_ROUTES);
crmWeb.settings = [...(crmWeb.settings ?? []), ...FIELDS_SETTINGS];
