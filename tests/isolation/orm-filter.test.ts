import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ormConfig } from '../../api/src/platform/database/orm.config.js';
import { fromGlobalId } from '../../api/src/graphql/global-id.js';
import { Contact } from '../../schema/crm/contact.entity.js';
import { Customer } from '../../schema/crm/customer.entity.js';
import { TENANT_FILTER } from '../../schema/shared/tenant-owned.entity.js';
import { ok, signUp, startKontor, type Kontor, type SignedUp } from '../support/harness.js';

/**
 * The ORM layer on its own: connected as the owner (which row-level security does not restrict), the
 * default tenant filter still confines every query to one tenant, and refuses to run without one.
 */
describe('ORM tenant filter (layer 2), with row-level security out of the way', () => {
  let kontor: Kontor;
  let owner: MikroORM;
  let a: SignedUp;
  let b: SignedUp;

  beforeAll(async () => {
    kontor = await startKontor({ workers: false });
    owner = await MikroORM.init(ormConfig({ url: inject('ownerUrl'), poolMax: 2 }));
    a = await signUp(kontor);
    b = await signUp(kontor);
    for (const [tenant, name] of [[a, 'Alpha'], [b, 'Bravo']] as const) {
      const customer = ok(await kontor.gql<{ createCustomer: { id: string } }>(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: { name } }, tenant.token)).createCustomer;
      ok(await kontor.gql(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input: { firstName: `${name} person`, customerId: customer.id } }, tenant.token));
    }
  });
  afterAll(async () => {
    await owner.close(true);
    await kontor.close();
  });

  it('confines find and count to the tenant of the filter', async () => {
    const bTenant = fromGlobalId('Tenant', b.tenantId, ['tenantId']);
    const em = owner.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: bTenant });
    const contacts = await em.find(Contact, {});
    expect(contacts.map((c) => c.firstName)).toEqual(['Bravo person']);
    expect(await em.count(Customer, {})).toBe(1);
    // Even asking for another tenant's rows by name finds nothing.
    expect(await em.find(Contact, { firstName: 'Alpha person' })).toEqual([]);
    // The owner connection sees both tenants when the filter is explicitly switched off: RLS is not what confined the queries above.
    expect(await em.count(Contact, { firstName: { $in: ['Alpha person', 'Bravo person'] } }, { filters: false })).toBe(2);
  });

  it('refuses to query a tenant entity when no tenant was set', async () => {
    await expect(owner.em.fork().find(Contact, {})).rejects.toThrow(/tenant/i);
  });
});
