import type { ModuleKey } from './module-manifest.js';
import type { ModuleRegistry } from './module-registry.js';

/** A tenant's switches as read at the start of a request or job. */
export class TenantModules {
  constructor(
    private readonly registry: ModuleRegistry,
    private readonly modules: ReadonlyMap<string, boolean>,
    private readonly options: ReadonlyMap<string, boolean>,
  ) {}

  isEnabled(key: ModuleKey): boolean {
    return this.modules.get(key) ?? false;
  }

  enabledKeys(): Set<ModuleKey> {
    return new Set(this.registry.keys.filter((key) => this.isEnabled(key)));
  }

  /** Every switched-on module and feature option, e.g. ["CRM", "CRM.companies"]. */
  switchedOn(): string[] {
    const on: string[] = [...this.enabledKeys()];
    for (const { option } of this.registry.featureOptions) if (this.isFeatureEnabled(option.key)) on.push(option.key);
    return on;
  }

  /** A feature option is on when its module is on and the option is (explicitly or by default). */
  isFeatureEnabled(key: string): boolean {
    const entry = this.registry.featureOption(key);
    if (!entry || !this.isEnabled(entry.module)) return false;
    return this.options.get(key) ?? entry.option.defaultEnabled;
  }
}
