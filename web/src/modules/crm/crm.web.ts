import { IconBuildingSkyscraper, IconChecklist, IconUsers } from '@tabler/icons-react';
import { createElement } from 'react';
import type { WebModule } from '../../app/web-module';
import { CompaniesPage } from './companies/CompaniesPage';
import { CompanyDetailPage } from './companies/CompanyDetailPage';
import { EditCompanyPage } from './companies/EditCompanyPage';
import { NewCompanyPage } from './companies/NewCompanyPage';
import { ContactDetailPage } from './contacts/ContactDetailPage';
import { ContactsPage } from './contacts/ContactsPage';
import { EditContactPage } from './contacts/EditContactPage';
import { NewContactPage } from './contacts/NewContactPage';
import { TasksPage } from './tasks/TasksPage';

const COMPANIES = 'CRM.companies';
const TASKS = 'CRM.tasks';

/** People, companies and tasks: lists, details and forms. */
export const crmWeb: WebModule = {
  key: 'CRM',
  nav: [
    { to: '/contacts', label: 'crm.nav.people', icon: IconUsers, permission: 'CRM:read' },
    { to: '/companies', label: 'crm.nav.companies', icon: IconBuildingSkyscraper, permission: 'CRM:read', feature: COMPANIES },
    { to: '/tasks', label: 'crm.nav.tasks', icon: IconChecklist, permission: 'CRM:read', feature: TASKS },
  ],
  routes: [
    { path: '/contacts', element: createElement(ContactsPage) },
    { path: '/contacts/new', element: createElement(NewContactPage) },
    { path: '/contacts/:id', element: createElement(ContactDetailPage) },
    { path: '/contacts/:id/edit', element: createElement(EditContactPage) },
    { path: '/companies', element: createElement(CompaniesPage), feature: COMPANIES },
    { path: '/companies/new', element: createElement(NewCompanyPage), feature: COMPANIES },
    { path: '/companies/:id', element: createElement(CompanyDetailPage), feature: COMPANIES },
    { path: '/companies/:id/edit', element: createElement(EditCompanyPage), feature: COMPANIES },
    { path: '/tasks', element: createElement(TasksPage), feature: TASKS },
  ],
};
