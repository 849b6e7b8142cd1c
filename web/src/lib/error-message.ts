import type { TFunction } from 'i18next';
import { ApiError } from './api-error';

/** Module and feature keys named in an error's parameters, in the user's language. */
function wordedParams(t: TFunction, params: Record<string, string | number> = {}): Record<string, string | number> {
  const modules = params.modules;
  if (typeof modules !== 'string') return params;
  const names = modules
    .split(', ')
    .map((key) => (key.includes('.') ? t(`features.${key}.name`, { defaultValue: key }) : t(`modules.${key}.name`, { defaultValue: key })));
  return { ...params, modules: names.join(', ') };
}

/** A sentence in the user's language for any error the API (or the network) gives. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.code.INTERNAL_SERVER_ERROR');
  const problem = error.problems[0];
  if (problem?.reason && t(`errors.reason.${problem.reason}`, { defaultValue: '' })) {
    return t(`errors.reason.${problem.reason}`, wordedParams(t, problem.params));
  }
  if (error.code === 'RATE_LIMITED') return t('errors.code.RATE_LIMITED', { seconds: error.retryAfterSeconds ?? 60 });
  if (error.code === 'MODULE_DISABLED') {
    const feature = typeof error.extensions.feature === 'string' ? error.extensions.feature : null;
    const module = typeof error.extensions.module === 'string' ? error.extensions.module : '';
    return feature
      ? t('errors.featureDisabled', { feature: t(`features.${feature}.name`, { defaultValue: feature }) })
      : t('errors.code.MODULE_DISABLED', { module: t(`modules.${module}.name`, { defaultValue: module }) });
  }
  if (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED' || error.code === 'CONFLICT' || error.code === 'NETWORK' || error.code === 'BAD_USER_INPUT') {
    return t(`errors.code.${error.code}`);
  }
  return t('errors.code.INTERNAL_SERVER_ERROR');
}
