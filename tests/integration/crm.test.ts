import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signUp, startKontor, type Kontor, type SignedUp } from '../support/harness.js';

interface ContactRow {
  id: string;
  firstName: string;
  lastName: string | null;
  fullName: string;
  email: string | null;
  phone: string | null;
  position: { id: string; name: string } | null;
  customer: { id: string; name: string } | null;
}
interface Page {
  contacts: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: ContactRow }[] };
}

const FIELDS = 'id firstName lastName fullName email phone position { id name } customer { id name }';
const CREATE = `mutation($input: CreateContactInput!) { createContact(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateContactInput!) { updateContact(input: $input) { ${FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $filter: ContactFilter, $orderBy: ContactOrder) {
  contacts(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${FIELDS} } }
  }
}`;

describe('CRM: people and customers', () => {
  let kontor: Kontor;
  let owner: SignedUp;
  let acme: { id: string };
  let buyer: { id: string };

  beforeAll(async () => {
    kontor = await startKontor({ workers: false });
    owner = await signUp(kontor);
    acme = ok(await kontor.gql<{ createCustomer: { id: string } }>(`mutation { createCustomer(input: { name: "Acme SRL", domain: "Acme.RO", email: "office@acme.ro", phone: "+40212345678" }) { id } }`, {}, owner.token)).createCustomer;
    buyer = ok(await kontor.gql<{ createPosition: { id: string } }>(`mutation { createPosition(input: { name: "Buyer" }) { id } }`, {}, owner.token)).createPosition;
  });
  afterAll(() => kontor.close());

  const create = async (input: Record<string, unknown>): Promise<ContactRow> => ok(await kontor.gql<{ createContact: ContactRow }>(CREATE, { input }, owner.token)).createContact;

  it('creates, reads, updates and deletes a person of a customer', async () => {
    const ana = await create({ firstName: ' Ana ', lastName: 'Popescu', email: 'Ana.Popescu@Example.com', phone: '+40721234567', positionId: buyer.id, customerId: acme.id });
    expect(ana).toMatchObject({ firstName: 'Ana', lastName: 'Popescu', fullName: 'Ana Popescu', email: 'ana.popescu@example.com', phone: '+40721234567', position: { id: buyer.id, name: 'Buyer' }, customer: { id: acme.id, name: 'Acme SRL' } });
    expect(ok(await kontor.gql<{ contact: ContactRow }>(`query($id: ID!) { contact(id: $id) { ${FIELDS} } }`, { id: ana.id }, owner.token)).contact).toEqual(ana);

    // Omitted fields stay, null clears.
    const updated = ok(await kontor.gql<{ updateContact: ContactRow }>(UPDATE, { input: { id: ana.id, lastName: 'Ionescu', positionId: null, customerId: null } }, owner.token)).updateContact;
    expect(updated).toMatchObject({ firstName: 'Ana', lastName: 'Ionescu', email: 'ana.popescu@example.com', position: null, customer: null });

    expect(ok(await kontor.gql<{ deleteContact: string }>(`mutation($input: DeleteContactInput!) { deleteContact(input: $input) }`, { input: { id: ana.id } }, owner.token)).deleteContact).toBe(ana.id);
    expect(errorCode(await kontor.gql(`query($id: ID!) { contact(id: $id) { id } }`, { id: ana.id }, owner.token))).toBe('NOT_FOUND');
    expect(errorCode(await kontor.gql(UPDATE, { input: { id: ana.id, firstName: 'Ghost' } }, owner.token))).toBe('NOT_FOUND');
  });

  it('accepts only valid emails and E.164 phones, with the field path', async () => {
    for (const [input, field] of [
      [{ firstName: 'A', email: 'not an email' }, 'email'],
      [{ firstName: 'A', phone: '0721234567' }, 'phone'],
      [{ firstName: 'A', phone: '+40 721 234 567' }, 'phone'],
      [{ firstName: 'A', phone: '+999123' }, 'phone'],
      [{ firstName: '   ' }, 'firstName'],
      [{ firstName: 'x'.repeat(201) }, 'firstName'],
    ] as const) {
      const result = await kontor.gql(CREATE, { input }, owner.token);
      expect(errorCode(result), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.path).toEqual(['input', field]);
    }
    const badId = await kontor.gql(CREATE, { input: { firstName: 'A', customerId: 'garbage' } }, owner.token);
    expect(errorCode(badId)).toBe('BAD_USER_INPUT');
    expect(badId.errors?.[0]?.extensions?.path).toEqual(['input', 'customerId']);
    // A contact id where a customer id belongs is simply not found.
    const someone = await create({ firstName: 'Someone' });
    expect(errorCode(await kontor.gql(CREATE, { input: { firstName: 'A', customerId: someone.id } }, owner.token))).toBe('NOT_FOUND');
    // A failed mutation leaves nothing behind.
    const names = ok(await kontor.gql<Page>(LIST, { filter: { search: 'x'.repeat(50) } }, owner.token)).contacts.totalCount;
    expect(names).toBe(0);
  });

  it('keeps long text whole, never truncated', async () => {
    const lastName = `Von ${'Lange '.repeat(31)}Und Weit`;
    expect(lastName.length).toBeLessThanOrEqual(200);
    expect((await create({ firstName: 'Long', lastName })).lastName).toBe(lastName);
  });

  it('searches by name, email and phone, filters and counts', async () => {
    const tenant = await signUp(kontor);
    const make = (input: Record<string, unknown>) => kontor.gql(CREATE, { input }, tenant.token).then(ok);
    const beta = ok(await kontor.gql<{ createCustomer: { id: string } }>(`mutation { createCustomer(input: { name: "Beta" }) { id } }`, {}, tenant.token)).createCustomer;
    await make({ firstName: 'Maria', lastName: 'Zamfir', email: 'maria@zamfir.ro', phone: '+40722000111', customerId: beta.id });
    await make({ firstName: 'Mario', lastName: 'Rossi', email: 'mario@rossi.it', phone: '+393471234567' });
    await make({ firstName: 'Elena', lastName: 'Radu', phone: '+40733444555' });
    const search = async (filter: Record<string, unknown>) => ok(await kontor.gql<Page>(LIST, { filter }, tenant.token)).contacts;
    expect((await search({ search: 'mari' })).edges.map((e) => e.node.firstName).sort()).toEqual(['Maria', 'Mario']);
    expect((await search({ search: 'ZAMFIR' })).totalCount).toBe(1);
    expect((await search({ search: 'rossi.it' })).edges[0]?.node.firstName).toBe('Mario');
    expect((await search({ search: '0733 444' })).edges[0]?.node.firstName).toBe('Elena');
    expect((await search({ search: '100%' })).totalCount).toBe(0);
    // Punctuation alone matches nothing rather than every phone number.
    expect((await search({ search: '-' })).totalCount).toBe(0);
    expect((await search({ customerId: beta.id })).edges.map((e) => e.node.firstName)).toEqual(['Maria']);
    expect((await search({ email: 'MARIO@rossi.it' })).totalCount).toBe(1);
    expect((await search({ hasEmail: false })).edges.map((e) => e.node.firstName)).toEqual(['Elena']);
    expect((await search({})).totalCount).toBe(3);
    const customerContacts = ok(await kontor.gql<{ customer: { contacts: { totalCount: number } } }>(`query($id: ID!) { customer(id: $id) { contacts { totalCount } } }`, { id: beta.id }, tenant.token));
    expect(customerContacts.customer.contacts.totalCount).toBe(1);
  });

  it('pages with stable cursors in every sort order, without skipping or repeating', async () => {
    const tenant = await signUp(kontor);
    const names = ['delta', 'Alpha', 'charlie', 'bravo', 'echo', 'alpha', 'foxtrot'];
    for (const name of names) ok(await kontor.gql(CREATE, { input: { firstName: name, email: `${name.toLowerCase()}${names.indexOf(name)}@x.io` } }, tenant.token));
    for (const orderBy of [{ field: 'NAME', direction: 'ASC' }, { field: 'NAME', direction: 'DESC' }, { field: 'CREATED_AT', direction: 'DESC' }, { field: 'EMAIL', direction: 'ASC' }, { field: 'UPDATED_AT', direction: 'ASC' }]) {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: Page['contacts'] = ok(await kontor.gql<Page>(LIST, { first: 2, after, orderBy }, tenant.token)).contacts;
        expect(page.totalCount).toBe(names.length);
        seen.push(...page.edges.map((e) => e.node.firstName));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages++;
      } while (after && pages < 10);
      expect(pages).toBe(4);
      expect([...seen].sort()).toEqual([...names].sort());
      if (orderBy.field === 'NAME') {
        const lower = seen.map((n) => n.toLowerCase());
        const sorted = [...lower].sort();
        expect(lower).toEqual(orderBy.direction === 'ASC' ? sorted : sorted.reverse());
      }
    }
    expect(errorCode(await kontor.gql(LIST, { after: 'not-a-cursor' }, tenant.token))).toBe('BAD_USER_INPUT');
    // A cursor of one order is refused by another, instead of failing in SQL.
    const byName = ok(await kontor.gql<Page>(LIST, { first: 2, orderBy: { field: 'NAME', direction: 'ASC' } }, tenant.token)).contacts.pageInfo.endCursor;
    expect(errorCode(await kontor.gql(LIST, { first: 2, after: byName, orderBy: { field: 'CREATED_AT', direction: 'DESC' } }, tenant.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await kontor.gql(LIST, { first: 2, after: byName, orderBy: { field: 'NAME', direction: 'DESC' } }, tenant.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await kontor.gql(LIST, { first: 1000 }, tenant.token))).toBe('BAD_USER_INPUT');
  });

  it('manages customers: validation, search, and deleting one keeps its people', async () => {
    const tenant = await signUp(kontor);
    const bad = await kontor.gql(`mutation { createCustomer(input: { name: "X", domain: "not a domain" }) { id } }`, {}, tenant.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.path).toEqual(['input', 'domain']);
    const gamma = ok(await kontor.gql<{ createCustomer: { id: string; domain: string } }>(`mutation { createCustomer(input: { name: "Gamma Trading", domain: " Gamma.EU " }) { id domain } }`, {}, tenant.token)).createCustomer;
    expect(gamma.domain).toBe('gamma.eu');
    const renamed = ok(await kontor.gql<{ updateCustomer: { name: string; domain: string | null } }>(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { name domain } }`, { input: { id: gamma.id, name: 'Gamma SA', domain: null } }, tenant.token));
    expect(renamed.updateCustomer).toEqual({ name: 'Gamma SA', domain: null });
    const worker = ok(await kontor.gql<{ createContact: ContactRow }>(CREATE, { input: { firstName: 'Ion', customerId: gamma.id } }, tenant.token)).createContact;
    const found = ok(await kontor.gql<{ customers: { totalCount: number; edges: { node: { name: string } }[] } }>(`{ customers(filter: { search: "gamma" }) { totalCount edges { node { name } } } }`, {}, tenant.token));
    expect(found.customers.edges.map((e) => e.node.name)).toEqual(['Gamma SA']);
    ok(await kontor.gql(`mutation($input: DeleteCustomerInput!) { deleteCustomer(input: $input) }`, { input: { id: gamma.id } }, tenant.token));
    const after = ok(await kontor.gql<{ contact: ContactRow }>(`query($id: ID!) { contact(id: $id) { ${FIELDS} } }`, { id: worker.id }, tenant.token)).contact;
    expect(after.customer).toBeNull();
    expect(after.firstName).toBe('Ion');
  });

  it('makes a request all or nothing: a failing mutation rolls back the earlier ones of the same document', async () => {
    const tenant = await signUp(kontor);
    const result = await kontor.gql<{ first: ContactRow | null; second: ContactRow | null }>(
      `mutation { first: createContact(input: { firstName: "Dropped" }) { id } second: createContact(input: { firstName: "Lost", customerId: "${acme.id}" }) { id } }`,
      {},
      tenant.token,
    );
    // Both fields are non-null, so the error nulls `data`: the client cannot see the first result, and it is not kept.
    expect(result.data).toBeNull();
    expect(errorCode(result)).toBe('NOT_FOUND');
    const all = ok(await kontor.gql<Page>(LIST, {}, tenant.token)).contacts;
    expect(all.totalCount).toBe(0);
    ok(await kontor.gql(CREATE, { input: { firstName: 'Kept' } }, tenant.token));
    expect(ok(await kontor.gql<Page>(LIST, {}, tenant.token)).contacts.edges.map((e) => e.node.firstName)).toEqual(['Kept']);
  });

  it('lets a viewer read but not write', async () => {
    const tenant = await signUp(kontor);
    const key = ok(await kontor.gql<{ createApiKey: { secret: string } }>(`mutation { createApiKey(input: { name: "ro", modules: [CRM], access: READ }) { secret } }`, {}, tenant.token)).createApiKey.secret;
    ok(await kontor.gql(LIST, {}, key));
    const refused = await kontor.gql(CREATE, { input: { firstName: 'No' } }, key);
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });
});
