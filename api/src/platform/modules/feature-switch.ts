import { ModuleDisabledError } from '../../graphql/errors.js';
import type { ServiceContext } from '../context/service-context.js';

/** Whether a feature option (e.g. "CRM.companies") is on for the company; without switches (tooling), everything is. */
export function featureOn(ctx: Pick<ServiceContext, 'modules'>, feature: string): boolean {
  return !ctx.modules || ctx.modules.isFeatureEnabled(feature);
}

/** Refuses with MODULE_DISABLED (naming the feature) when the feature option is off. */
export function requireFeature(ctx: Pick<ServiceContext, 'modules'>, feature: string): void {
  if (!featureOn(ctx, feature)) throw new ModuleDisabledError(feature.split('.')[0] ?? feature, feature);
}
