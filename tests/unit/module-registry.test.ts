import { describe, expect, it } from 'vitest';
import type { ModuleManifest } from '../../api/src/platform/modules/module-manifest.js';
import { ModuleRegistry } from '../../api/src/platform/modules/module-registry.js';
import { TenantModules } from '../../api/src/platform/modules/tenant-modules.js';
import { manifests } from '../../api/src/modules.js';

const manifest = (key: ModuleManifest['key'], dependsOn: ModuleManifest['key'][] = [], queues: string[] = []): ModuleManifest => ({
  key,
  name: key.toLowerCase(),
  description: '',
  dependsOn,
  defaultEnabled: false,
  featureOptions: key === 'CRM' ? [{ key: 'CRM.deals', description: '', defaultEnabled: true }, { key: 'CRM.forecast', description: '', defaultEnabled: false, requires: ['CRM.deals'] }] : [],
  resolvers: [],
  entities: [],
  queues,
});

describe('module registry', () => {
  const registry = new ModuleRegistry([manifest('CRM', [], ['crm-jobs']), manifest('MARKETING', ['CRM']), manifest('SERVICE_DESK', ['CRM'])]);

  it('refuses to switch on a module whose dependency is off, naming it', () => {
    expect(registry.refuseEnable('MARKETING', new Set())).toEqual({ reason: 'marketing needs crm switched on first', blockers: ['CRM'] });
    expect(registry.refuseEnable('MARKETING', new Set(['CRM']))).toBeNull();
  });

  it('refuses to switch off a module that switched-on modules depend on', () => {
    expect(registry.refuseDisable('CRM', new Set(['CRM', 'MARKETING', 'SERVICE_DESK']))?.blockers).toEqual(['MARKETING', 'SERVICE_DESK']);
    expect(registry.refuseDisable('CRM', new Set(['CRM']))).toBeNull();
  });

  it('checks a whole set at sign-up', () => {
    expect(registry.refuseSet(new Set(['SERVICE_DESK']))?.blockers).toEqual(['CRM']);
    expect(registry.refuseSet(new Set(['CRM', 'SERVICE_DESK']))).toBeNull();
  });

  it('knows which module owns a queue', () => {
    expect(registry.moduleOfQueue('crm-jobs')).toBe('CRM');
    expect(registry.moduleOfQueue('mailing')).toBeUndefined();
  });

  it('rejects manifests that are inconsistent', () => {
    expect(() => new ModuleRegistry([manifest('MARKETING', ['CRM'])])).toThrow(/unknown module CRM/);
    expect(() => new ModuleRegistry([manifest('CRM'), manifest('CRM')])).toThrow(/twice/);
  });

  it('a feature option is on only while its module is on, defaulting to the manifest', () => {
    const on = new TenantModules(registry, new Map([['CRM', true]]), new Map([['CRM.forecast', true]]));
    expect(on.isFeatureEnabled('CRM.deals')).toBe(true);
    expect(on.isFeatureEnabled('CRM.forecast')).toBe(true);
    const off = new TenantModules(registry, new Map([['CRM', false]]), new Map([['CRM.deals', true]]));
    expect(off.isFeatureEnabled('CRM.deals')).toBe(false);
    expect(off.isFeatureEnabled('CRM.unknown')).toBe(false);
  });

  it('the application declares all five modules with valid dependencies', () => {
    const app = new ModuleRegistry(manifests);
    expect(app.keys.sort()).toEqual(['ACCOUNTING', 'CRM', 'MARKETING', 'SERVICE_DESK', 'WAREHOUSE']);
    expect(app.refuseSet(new Set(app.keys))).toBeNull();
  });
});
