import { crmWeb } from '../modules/crm/crm.web';
import type { WebModule } from './web-module';

/** Every module that has screens; the API's manifests list the rest. */
export const WEB_MODULES: WebModule[] = [crmWeb];
