import { Company } from '../../../schema/crm/company.entity.js';
import { Contact } from '../../../schema/crm/contact.entity.js';
import type { ModuleManifest } from '../platform/modules/module-manifest.js';
import { CompanyResolver } from './company.resolver.js';
import { ContactResolver } from './contact.resolver.js';

export const crmManifest: ModuleManifest = {
  key: 'CRM',
  name: 'CRM',
  description: 'People and companies, and every interaction with them.',
  dependsOn: [],
  defaultEnabled: true,
  featureOptions: [
    { key: 'CRM.companies', description: 'Companies that people work at.', defaultEnabled: true },
  ],
  resolvers: [ContactResolver, CompanyResolver],
  entities: [Contact, Company],
  queues: [],
};
