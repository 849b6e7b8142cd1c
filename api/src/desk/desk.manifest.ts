import type { ModuleManifest } from '../platform/modules/module-manifest.js';

/** Declared so tenants can plan and switch it; its entities and API arrive with its own issue. */
export const deskManifest: ModuleManifest = {
  key: 'SERVICE_DESK',
  name: 'Service desk',
  description: 'Complaints and requests with SLAs.',
  dependsOn: ['CRM'],
  defaultEnabled: false,
  featureOptions: [],
  resolvers: [],
  entities: [],
  queues: [],
};
