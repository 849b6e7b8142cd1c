import { crmWeb } from '../modules/crm/crm.web';
import { marketingWeb } from '../modules/marketing/marketing.web';
import type { WebModule } from './web-module';

/** Every module that has screens; the API's manifests list the rest. */
export const WEB_MODULES: WebModule[] = [crmWeb, marketingWeb];
