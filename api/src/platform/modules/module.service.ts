import type { EntityManager } from '@mikro-orm/postgresql';
import { TenantFeatureOption } from '../../../../schema/platform/tenant-feature-option.entity.js';
import { TenantModule } from '../../../../schema/platform/tenant-module.entity.js';
import { BadUserInputError, ConflictError, ForbiddenError } from '../../graphql/errors.js';
import type { RequestContext } from '../context/request-context.js';
import type { ServiceContext } from '../context/service-context.js';
import type { ModuleKey } from './module-manifest.js';
import type { ModuleRegistry } from './module-registry.js';
import type { ModuleState } from './module.types.js';
import { TenantModules } from './tenant-modules.js';

function requireSettings(ctx: ServiceContext): void {
  if (!ctx.principal?.permissions.has('settings:manage')) throw new ForbiddenError('Only owners and admins change modules', { required: ['settings:manage'] });
}

/** Reads the switches fresh from the database (inside the tenant transaction). */
export async function loadTenantModules(em: EntityManager, registry: ModuleRegistry): Promise<TenantModules> {
  // One after the other: both run on the request's single transaction connection.
  const modules = await em.find(TenantModule, {});
  const options = await em.find(TenantFeatureOption, {});
  return new TenantModules(registry, new Map(modules.map((m) => [m.key, m.enabled])), new Map(options.map((o) => [o.key, o.enabled])));
}

export function describeModules(registry: ModuleRegistry, state: TenantModules): ModuleState[] {
  return registry.manifests.map((m) => ({
    key: m.key,
    name: m.name,
    description: m.description,
    enabled: state.isEnabled(m.key),
    dependsOn: m.dependsOn,
    featureOptions: m.featureOptions.map((o) => ({ key: o.key, description: o.description, enabled: state.isFeatureEnabled(o.key), requires: o.requires ?? [] })),
  }));
}

/**
 * Switching is a flag flip and nothing else: no row of the module is touched, so switching back on
 * restores everything. A change that would break a dependency is refused with the reason.
 */
export async function setModuleEnabled(ctx: RequestContext, module: ModuleKey, enabled: boolean): Promise<ModuleState[]> {
  requireSettings(ctx);
  const registry = ctx.app.registry;
  const em = await ctx.em();
  // Serialise concurrent switches of one tenant so two requests cannot each pass the dependency check.
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`modules:${ctx.tenantId}`]);
  const current = await loadTenantModules(em, registry);
  const on = current.enabledKeys();
  const refusal = enabled ? registry.refuseEnable(module, on) : registry.refuseDisable(module, on);
  if (refusal) throw new ConflictError(refusal.reason, ['input', 'enabled'], enabled ? 'NEEDS_MODULES' : 'USED_BY_MODULES', { modules: refusal.blockers.join(', ') });
  const row = await em.findOne(TenantModule, { tenantId: ctx.tenantId, key: module });
  if (row) row.enabled = enabled;
  else em.persist(em.create(TenantModule, { tenantId: ctx.tenantId, key: module, enabled }));
  await em.flush();
  ctx.log.info({ module, enabled }, 'module switched');
  return describeModules(registry, await loadTenantModules(em, registry));
}

export async function setFeatureOption(ctx: RequestContext, key: string, enabled: boolean): Promise<ModuleState[]> {
  requireSettings(ctx);
  const registry = ctx.app.registry;
  const entry = registry.featureOption(key);
  if (!entry) throw BadUserInputError.field(['input', 'key'], `no feature option named ${key}`, 'INVALID');
  const em = await ctx.em();
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`modules:${ctx.tenantId}`]);
  const current = await loadTenantModules(em, registry);
  if (enabled) {
    const missing = (entry.option.requires ?? []).filter((r) => !current.isFeatureEnabled(r));
    if (missing.length > 0) throw new ConflictError(`${key} needs ${missing.join(', ')} switched on first`, ['input', 'enabled'], 'NEEDS_MODULES', { modules: missing.join(', ') });
  } else {
    const dependants = registry.featureOptions.filter((o) => (o.option.requires ?? []).includes(key) && current.isFeatureEnabled(o.option.key));
    if (dependants.length > 0) throw new ConflictError(`${key} is used by ${dependants.map((d) => d.option.key).join(', ')}; switch those off first`, ['input', 'enabled'], 'USED_BY_MODULES', {
        modules: dependants.map((d) => d.option.key).join(', '),
      });
  }
  const row = await em.findOne(TenantFeatureOption, { tenantId: ctx.tenantId, key });
  if (row) row.enabled = enabled;
  else em.persist(em.create(TenantFeatureOption, { tenantId: ctx.tenantId, key, enabled }));
  await em.flush();
  return describeModules(registry, await loadTenantModules(em, registry));
}
