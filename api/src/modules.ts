import { accountingManifest } from './accounting/accounting.manifest.js';
import { crmManifest } from './crm/crm.manifest.js';
import { deskManifest } from './desk/desk.manifest.js';
import type { ModuleManifest } from './platform/modules/module-manifest.js';
import { marketingManifest } from './marketing/marketing.manifest.js';
import { warehouseManifest } from './warehouse/warehouse.manifest.js';

/** The application's modules. The platform learns everything about them from these manifests. */
export const manifests: ModuleManifest[] = [crmManifest, marketingManifest, deskManifest, warehouseManifest, accountingManifest];
