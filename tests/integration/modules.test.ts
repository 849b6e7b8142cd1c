import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signUp, startKontor, type Kontor, type SignedUp } from '../support/harness.js';

const SET_MODULE = `mutation($input: SetModuleEnabledInput!) { setModuleEnabled(input: $input) { key enabled } }`;
const SET_OPTION = `mutation($input: SetFeatureOptionInput!) { setFeatureOption(input: $input) { key featureOptions { key enabled } } }`;
const CONTACTS = `{ contacts(first: 200) { totalCount edges { node { id firstName company { name } } } } }`;

async function sdl(kontor: Kontor, token?: string): Promise<string> {
  const response = await fetch(`${kontor.url}/graphql/schema.graphql`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(response.status).toBe(200);
  return response.text();
}

describe('modules and feature options', () => {
  let kontor: Kontor;
  let owner: SignedUp;

  beforeAll(async () => {
    kontor = await startKontor({ workers: false });
    owner = await signUp(kontor);
  });
  afterAll(() => kontor.close());

  it('switching CRM off is non-destructive: every CRM field answers MODULE_DISABLED, switching on restores the same rows', async () => {
    const company = ok(await kontor.gql<{ createCompany: { id: string } }>(`mutation { createCompany(input: { name: "Orbit" }) { id } }`, {}, owner.token)).createCompany;
    for (let i = 0; i < 3; i++) {
      ok(await kontor.gql(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input: { firstName: `P${i}`, companyId: company.id } }, owner.token));
    }
    const before = ok(await kontor.gql<{ contacts: { totalCount: number; edges: unknown[] } }>(CONTACTS, {}, owner.token)).contacts;
    expect(before.totalCount).toBe(3);

    const off = ok(await kontor.gql<{ setModuleEnabled: { key: string; enabled: boolean }[] }>(SET_MODULE, { input: { module: 'CRM', enabled: false } }, owner.token));
    expect(off.setModuleEnabled.find((m) => m.key === 'CRM')?.enabled).toBe(false);

    for (const query of [CONTACTS, `{ contact(id: "${company.id}") { id } }`, `{ companies { totalCount } }`, `mutation { createContact(input: { firstName: "X" }) { id } }`, `mutation { deleteCompany(input: { id: "${company.id}" }) }`]) {
      const result = await kontor.gql(query, {}, owner.token);
      expect(errorCode(result), query).toBe('MODULE_DISABLED');
      expect(result.errors?.[0]?.extensions?.module).toBe('CRM');
    }
    // Gone from this tenant's SDL too; platform fields remain.
    const tenantSdl = await sdl(kontor, owner.token);
    expect(tenantSdl).not.toMatch(/\bcontacts\(/);
    expect(tenantSdl).not.toMatch(/type Contact\b/);
    expect(tenantSdl).toMatch(/setModuleEnabled/);
    // Another tenant still sees CRM in full.
    const other = await signUp(kontor);
    expect(await sdl(kontor, other.token)).toMatch(/type Contact\b/);

    ok(await kontor.gql(SET_MODULE, { input: { module: 'CRM', enabled: true } }, owner.token));
    const after = ok(await kontor.gql<{ contacts: { totalCount: number; edges: unknown[] } }>(CONTACTS, {}, owner.token)).contacts;
    expect(after).toEqual(before);
  });

  it('refuses a change that breaks a dependency and says why', async () => {
    const tenant = await signUp(kontor);
    ok(await kontor.gql(SET_MODULE, { input: { module: 'CRM', enabled: false } }, tenant.token));
    const refused = await kontor.gql(SET_MODULE, { input: { module: 'MARKETING', enabled: true } }, tenant.token);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(/needs CRM/);
    ok(await kontor.gql(SET_MODULE, { input: { module: 'CRM', enabled: true } }, tenant.token));
    ok(await kontor.gql(SET_MODULE, { input: { module: 'MARKETING', enabled: true } }, tenant.token));
    const cannotDisable = await kontor.gql(SET_MODULE, { input: { module: 'CRM', enabled: false } }, tenant.token);
    expect(errorCode(cannotDisable)).toBe('CONFLICT');
    expect(cannotDisable.errors?.[0]?.message).toMatch(/Marketing/);
    const modules = ok(await kontor.gql<{ modules: { key: string; enabled: boolean }[] }>(`{ modules { key enabled } }`, {}, tenant.token)).modules;
    expect(modules.filter((m) => m.enabled).map((m) => m.key).sort()).toEqual(['CRM', 'MARKETING']);
  });

  it('a feature option switches a part of a module off, for fields and SDL alike', async () => {
    const tenant = await signUp(kontor);
    const company = ok(await kontor.gql<{ createCompany: { id: string } }>(`mutation { createCompany(input: { name: "Kept" }) { id } }`, {}, tenant.token)).createCompany;
    const off = ok(await kontor.gql<{ setFeatureOption: { key: string; featureOptions: { key: string; enabled: boolean }[] }[] }>(SET_OPTION, { input: { key: 'CRM.companies', enabled: false } }, tenant.token));
    expect(off.setFeatureOption.find((m) => m.key === 'CRM')?.featureOptions).toEqual([
      { key: 'CRM.companies', enabled: false },
      { key: 'CRM.tasks', enabled: true },
    ]);
    const companies = await kontor.gql(`{ companies { totalCount } }`, {}, tenant.token);
    expect(errorCode(companies)).toBe('MODULE_DISABLED');
    expect(companies.errors?.[0]?.extensions?.feature).toBe('CRM.companies');
    // People remain usable; their company field, and attaching or filtering by a company, are part of the switched-off feature.
    ok(await kontor.gql(`{ contacts { totalCount } }`, {}, tenant.token));
    expect(errorCode(await kontor.gql(`mutation { createContact(input: { firstName: "X", companyId: "${company.id}" }) { id } }`, {}, tenant.token))).toBe('MODULE_DISABLED');
    expect(errorCode(await kontor.gql(`{ contacts(filter: { companyId: "${company.id}" }) { totalCount } }`, {}, tenant.token))).toBe('MODULE_DISABLED');
    ok(await kontor.gql(`mutation { createContact(input: { firstName: "Y" }) { id } }`, {}, tenant.token));
    const tenantSdl = await sdl(kontor, tenant.token);
    expect(tenantSdl).not.toMatch(/\bcompanies\(/);
    expect(tenantSdl).toMatch(/\bcontacts\(/);
    ok(await kontor.gql(SET_OPTION, { input: { key: 'CRM.companies', enabled: true } }, tenant.token));
    expect(ok(await kontor.gql<{ company: { name: string } }>(`{ company(id: "${company.id}") { name } }`, {}, tenant.token)).company.name).toBe('Kept');
    const unknown = await kontor.gql(SET_OPTION, { input: { key: 'CRM.nope', enabled: true } }, tenant.token);
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
  });

  it('only owners and admins switch modules', async () => {
    const tenant = await signUp(kontor);
    const invite = ok(await kontor.gql<{ inviteUser: { id: string } }>(`mutation { inviteUser(input: { email: "viewer-${Date.now()}@example.test", role: VIEWER }) { id } }`, {}, tenant.token));
    expect(invite.inviteUser.id).toBeTruthy();
    const key = ok(await kontor.gql<{ createApiKey: { secret: string } }>(`mutation { createApiKey(input: { name: "k", modules: [CRM], access: READ_WRITE }) { secret } }`, {}, tenant.token)).createApiKey.secret;
    const refused = await kontor.gql(SET_MODULE, { input: { module: 'CRM', enabled: false } }, key);
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });

  it('the public SDL without a token is the full committed schema', async () => {
    const { readFile } = await import('node:fs/promises');
    expect(await sdl(kontor)).toBe(await readFile('schema/schema.graphql', 'utf8'));
  });
});
