import type { ModuleManifest } from '../platform/modules/module-manifest.js';

/** Declared so tenants can plan and switch it; its entities and API arrive with its own issue. */
export const marketingManifest: ModuleManifest = {
  key: 'MARKETING',
  name: 'Marketing',
  description: 'Email and SMS campaigns, scheduled and event-triggered.',
  dependsOn: ['CRM'],
  defaultEnabled: false,
  featureOptions: [],
  resolvers: [],
  entities: [],
  queues: [],
};
