import type { FeatureOptionManifest, ModuleKey, ModuleManifest } from './module-manifest.js';

export interface ModuleChangeRefusal {
  reason: string;
  blockers: string[];
}

/** The catalogue of modules and feature options, read from the manifests. */
export class ModuleRegistry {
  private readonly byKey = new Map<ModuleKey, ModuleManifest>();
  private readonly options = new Map<string, { module: ModuleKey; option: FeatureOptionManifest }>();
  private readonly queueOwners = new Map<string, ModuleKey>();

  constructor(readonly manifests: readonly ModuleManifest[]) {
    for (const manifest of manifests) {
      if (this.byKey.has(manifest.key)) throw new Error(`Module ${manifest.key} declared twice`);
      this.byKey.set(manifest.key, manifest);
      for (const option of manifest.featureOptions) {
        if (!option.key.startsWith(`${manifest.key}.`)) throw new Error(`Feature option ${option.key} must start with ${manifest.key}.`);
        this.options.set(option.key, { module: manifest.key, option });
      }
      for (const queue of manifest.queues) this.queueOwners.set(queue, manifest.key);
    }
    for (const manifest of manifests) {
      for (const dep of manifest.dependsOn) {
        if (!this.byKey.has(dep)) throw new Error(`Module ${manifest.key} depends on unknown module ${dep}`);
      }
    }
  }

  get keys(): ModuleKey[] {
    return [...this.byKey.keys()];
  }

  module(key: ModuleKey): ModuleManifest | undefined {
    return this.byKey.get(key);
  }

  featureOption(key: string): { module: ModuleKey; option: FeatureOptionManifest } | undefined {
    return this.options.get(key);
  }

  get featureOptions(): { module: ModuleKey; option: FeatureOptionManifest }[] {
    return [...this.options.values()];
  }

  moduleOfQueue(queue: string): ModuleKey | undefined {
    return this.queueOwners.get(queue);
  }

  /** Default module set of a new tenant, or the requested one with its dependencies checked. */
  refuseEnable(key: ModuleKey, enabled: ReadonlySet<ModuleKey>): ModuleChangeRefusal | null {
    const manifest = this.byKey.get(key);
    if (!manifest) return { reason: `Unknown module ${key}`, blockers: [] };
    const missing = manifest.dependsOn.filter((dep) => !enabled.has(dep));
    if (missing.length === 0) return null;
    return {
      reason: `${manifest.name} needs ${missing.map((m) => this.byKey.get(m)?.name ?? m).join(', ')} switched on first`,
      blockers: missing,
    };
  }

  refuseDisable(key: ModuleKey, enabled: ReadonlySet<ModuleKey>): ModuleChangeRefusal | null {
    const dependants = this.manifests.filter((m) => enabled.has(m.key) && m.dependsOn.includes(key)).map((m) => m.key);
    if (dependants.length === 0) return null;
    const name = this.byKey.get(key)?.name ?? key;
    return {
      reason: `${name} is used by ${dependants.map((m) => this.byKey.get(m)?.name ?? m).join(', ')}; switch those off first`,
      blockers: dependants,
    };
  }

  /** Checks a whole set at once (sign-up): every module's dependencies must be in the set. */
  refuseSet(keys: ReadonlySet<ModuleKey>): ModuleChangeRefusal | null {
    for (const key of keys) {
      const refusal = this.refuseEnable(key, keys);
      if (refusal) return refusal;
    }
    return null;
  }
}
