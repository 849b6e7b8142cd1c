import type { SettingsModulesQuery } from '../../../../gql/graphql';
import type { ApiError } from '../../../../lib/api-error';

export type ModuleState = SettingsModulesQuery['modules'][number];
export type FeatureOption = ModuleState['featureOptions'][number];

/**
 * Why a switch cannot be flipped, worked out from the `modules` answer: the modules (or options)
 * that must be switched on first, or the ones that still use it. Empty when nothing blocks it.
 */
export interface Blockers {
  kind: 'needs' | 'usedBy';
  keys: string[];
}

export function moduleBlockers(modules: ModuleState[], key: string, enable: boolean): Blockers {
  if (enable) {
    const module = modules.find((m) => m.key === key);
    const missing = (module?.dependsOn ?? []).filter((dep) => !modules.find((m) => m.key === dep)?.enabled);
    return { kind: 'needs', keys: missing };
  }
  return { kind: 'usedBy', keys: modules.filter((m) => m.enabled && m.dependsOn.some((dep) => dep === key)).map((m) => m.key) };
}

export function featureBlockers(modules: ModuleState[], key: string, enable: boolean): Blockers {
  const options = modules.flatMap((m) => m.featureOptions);
  if (enable) {
    const option = options.find((o) => o.key === key);
    return { kind: 'needs', keys: (option?.requires ?? []).filter((required) => !options.find((o) => o.key === required)?.enabled) };
  }
  return { kind: 'usedBy', keys: options.filter((o) => o.enabled && o.requires.includes(key)).map((o) => o.key) };
}

/**
 * The API's own account of a refused switch: a CONFLICT with reason NEEDS_MODULES or
 * USED_BY_MODULES and the blocking keys in `params.modules` ("MARKETING, SERVICE_DESK").
 * Null when the answer carries no such reason.
 */
export function refusalBlockers(error: ApiError): Blockers | null {
  const problem = error.problems[0];
  const kind = problem?.reason === 'NEEDS_MODULES' ? 'needs' : problem?.reason === 'USED_BY_MODULES' ? 'usedBy' : null;
  const listed = problem?.params?.modules;
  if (!kind || typeof listed !== 'string') return null;
  const keys = listed
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  return keys.length > 0 ? { kind, keys } : null;
}
