import type { SettingsModulesQuery } from '../../../../gql/graphql';

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
