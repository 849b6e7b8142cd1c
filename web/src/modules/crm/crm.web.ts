import type { WebModule } from '../../app/web-module';

export const crmWeb: WebModule = { key: 'CRM', nav: [], routes: [] };
