import type { ModuleManifest } from '../platform/modules/module-manifest.js';

/** Declared so tenants can plan and switch it; its entities and API arrive with its own issue. */
export const accountingManifest: ModuleManifest = {
  key: 'ACCOUNTING',
  name: 'Accounting',
  description: 'Double-entry ledger, invoices and payments.',
  dependsOn: [],
  defaultEnabled: false,
  featureOptions: [],
  resolvers: [],
  entities: [],
  queues: [],
};
