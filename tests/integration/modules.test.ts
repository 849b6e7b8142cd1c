import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signUp, startKontor, type Kontor, type SignedUp } from '../support/harness.js';

const SET_MODULE = `mutation($input: SetModuleEnabledInput!) { setModuleEnabled(input: $input) { key enabled } }`;
const SET_OPTION = `mutation($input: SetFeatureOptionInput!) { setFeatureOption(input: $input) { key featureOptions { key enabled } } }`;
const CONTACTS = `{ contacts(first: 200) { totalCount edges { node { id firstName customer { name } } } } }`;

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
    const customer = ok(await kontor.gql<{ createCustomer: { id: string } }>(`mutation { createCustomer(input: { name: "Orbit" }) { id } }`, {}, owner.token)).createCustomer;
    for (let i = 0; i < 3; i++) {
      ok(await kontor.gql(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input: { firstName: `P${i}`, customerId: customer.id } }, owner.token));
    }
    const before = ok(await kontor.gql<{ contacts: { totalCount: number; edges: unknown[] } }>(CONTACTS, {}, owner.token)).contacts;
    expect(before.totalCount).toBe(3);

    const off = ok(await kontor.gql<{ setModuleEnabled: { key: string; enabled: boolean }[] }>(SET_MODULE, { input: { module: 'CRM', enabled: false } }, owner.token));
    expect(off.setModuleEnabled.find((m) => m.key === 'CRM')?.enabled).toBe(false);

    for (const query of [
      CONTACTS,
      `{ contact(id: "${customer.id}") { id } }`,
      `{ customers { totalCount } }`,
      `{ positions { id } }`,
      `{ crmTags }`,
      `{ counterparties { totalCount } }`,
      `mutation { createContact(input: { firstName: "X" }) { id } }`,
      `mutation { deleteCustomer(input: { id: "${customer.id}" }) }`,
      `mutation { createPosition(input: { name: "X" }) { id } }`,
    ]) {
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
    const customer = ok(await kontor.gql<{ createCustomer: { id: string } }>(`mutation { createCustomer(input: { name: "Kept" }) { id } }`, {}, tenant.token)).createCustomer;
    const counterparty = ok(
      await kontor.gql<{ createCounterparty: { id: string } }>(`mutation($input: CreateCounterpartyInput!) { createCounterparty(input: $input) { id } }`, { input: { customerId: customer.id, legalName: 'Kept SRL' } }, tenant.token),
    ).createCounterparty;
    const off = ok(await kontor.gql<{ setFeatureOption: { key: string; featureOptions: { key: string; enabled: boolean }[] }[] }>(SET_OPTION, { input: { key: 'CRM.counterparties', enabled: false } }, tenant.token));
    expect(off.setFeatureOption.find((m) => m.key === 'CRM')?.featureOptions).toEqual(expect.arrayContaining([{ key: 'CRM.counterparties', enabled: false }, { key: 'CRM.tasks', enabled: true }]));
    for (const query of [
      `{ counterparties { totalCount } }`,
      `{ customer(id: "${customer.id}") { name counterparties { id } } }`,
      `mutation { createCounterparty(input: { customerId: "${customer.id}", legalName: "New SRL" }) { id } }`,
      `mutation { deleteCounterparty(input: { id: "${counterparty.id}" }) }`,
    ]) {
      const result = await kontor.gql(query, {}, tenant.token);
      expect(errorCode(result), query).toBe('MODULE_DISABLED');
      expect(result.errors?.[0]?.extensions?.feature).toBe('CRM.counterparties');
    }
    // Customers remain usable without their legal entities.
    expect(ok(await kontor.gql<{ customer: { name: string } }>(`{ customer(id: "${customer.id}") { name } }`, {}, tenant.token)).customer.name).toBe('Kept');
    const tenantSdl = await sdl(kontor, tenant.token);
    expect(tenantSdl).not.toMatch(/^\s*counterparties\b/m);
    expect(tenantSdl).not.toMatch(/\btype Counterparty\b/);
    expect(tenantSdl).toMatch(/\bcustomers\(/);
    ok(await kontor.gql(SET_OPTION, { input: { key: 'CRM.counterparties', enabled: true } }, tenant.token));
    const back = ok(await kontor.gql<{ customer: { counterparties: { id: string; legalName: string }[] } }>(`{ customer(id: "${customer.id}") { counterparties { id legalName } } }`, {}, tenant.token));
    expect(back.customer.counterparties).toEqual([{ id: counterparty.id, legalName: 'Kept SRL' }]);
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
