import type { ModuleManifest } from '../platform/modules/module-manifest.js';

/** Declared so tenants can plan and switch it; its entities and API arrive with its own issue. */
export const warehouseManifest: ModuleManifest = {
  key: 'WAREHOUSE',
  name: 'Warehouse',
  description: 'Stock, receipts and shipments.',
  dependsOn: [],
  defaultEnabled: false,
  featureOptions: [],
  resolvers: [],
  entities: [],
  queues: [],
};
