import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signUp, startKontor, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';

interface ValueView {
  key: string;
  type: string;
  text: string | null;
  number: string | null;
  date: string | null;
  boolean: boolean | null;
  options: string[];
}
interface FieldView {
  id: string;
  key: string;
  label: string;
  type: string;
  required: boolean;
  position: number;
  options: { key: string; label: string }[];
}

const FIELD = 'id key label type required position options { key label }';
const CREATE_FIELD = `mutation($input: CreateCustomFieldInput!) { createCustomField(input: $input) { ${FIELD} } }`;
const UPDATE_FIELD = `mutation($input: UpdateCustomFieldInput!) { updateCustomField(input: $input) { ${FIELD} } }`;
const DELETE_FIELD = `mutation($input: DeleteCustomFieldInput!) { deleteCustomField(input: $input) }`;
const VALUES = 'customFields { key type text number date boolean options }';
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name ${VALUES} } }`;
const UPDATE_CUSTOMER = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id name ${VALUES} } }`;
const CUSTOMERS = `query($filter: CustomerFilter, $orderBy: CustomerOrder, $first: Int, $after: String) {
  customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } }
}`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id firstName ${VALUES} } }`;
const CONTACTS = `query($filter: ContactFilter, $orderBy: ContactOrder) { contacts(filter: $filter, orderBy: $orderBy, first: 200) { totalCount edges { node { firstName } } } }`;
const SET_OPTION = `mutation($input: SetFeatureOptionInput!) { setFeatureOption(input: $input) { key } }`;

function problem(result: GqlResult<unknown>): Record<string, unknown> {
  const extensions = result.errors?.[0]?.extensions ?? {};
  return { code: extensions.code, path: extensions.path, reason: extensions.reason, params: extensions.params };
}

describe('CRM custom fields', () => {
  let kontor: Kontor;
  let owner: SignedUp;
  const fields: Record<string, FieldView> = {};

  const field = async (input: Record<string, unknown>, token = owner.token): Promise<FieldView> => ok(await kontor.gql<{ createCustomField: FieldView }>(CREATE_FIELD, { input }, token)).createCustomField;
  const customer = async (input: Record<string, unknown>): Promise<{ id: string; customFields: ValueView[] }> =>
    ok(await kontor.gql<{ createCustomer: { id: string; customFields: ValueView[] } }>(CREATE_CUSTOMER, { input }, owner.token)).createCustomer;
  const names = async (variables: Record<string, unknown>): Promise<string[]> => {
    const page = ok(await kontor.gql<{ customers: { totalCount: number; edges: { node: { name: string } }[] } }>(CUSTOMERS, { first: 200, ...variables }, owner.token)).customers;
    expect(page.totalCount).toBe(page.edges.length);
    return page.edges.map((e) => e.node.name);
  };

  beforeAll(async () => {
    kontor = await startKontor({ workers: false });
    owner = await signUp(kontor);
    fields.industry = await field({ entity: 'CUSTOMER', key: 'industry', label: 'Industry', type: 'SELECT', options: [{ key: 'retail', label: 'Retail' }, { key: 'food', label: 'Food' }, { key: 'it', label: 'IT' }] });
    fields.employees = await field({ entity: 'CUSTOMER', key: 'employees', label: 'Employees', type: 'NUMBER' });
    fields.credit = await field({ entity: 'CUSTOMER', key: 'credit_limit', label: 'Credit limit', type: 'DECIMAL' });
    fields.renewal = await field({ entity: 'CUSTOMER', key: 'renewal', label: 'Renewal', type: 'DATE' });
    fields.vat = await field({ entity: 'CUSTOMER', key: 'vat_payer', label: 'VAT payer', type: 'BOOLEAN' });
    fields.channels = await field({ entity: 'CUSTOMER', key: 'channels', label: 'Channels', type: 'MULTI_SELECT', options: [{ key: 'shop', label: 'Shop' }, { key: 'web', label: 'Web' }] });
    fields.note = await field({ entity: 'CUSTOMER', key: 'note', label: 'Note', type: 'TEXT' });
  });
  afterAll(() => kontor.close());

  it('defines fields per record type, in order, with checked keys and options', async () => {
    const listed = ok(await kontor.gql<{ customFields: FieldView[] }>(`query { customFields(entity: CUSTOMER) { ${FIELD} } }`, {}, owner.token)).customFields;
    expect(listed.map((f) => [f.key, f.position])).toEqual([
      ['industry', 0],
      ['employees', 1],
      ['credit_limit', 2],
      ['renewal', 3],
      ['vat_payer', 4],
      ['channels', 5],
      ['note', 6],
    ]);
    // The same key on another record type is another field.
    expect((await field({ entity: 'CONTACT', key: 'industry', label: 'Industry', type: 'TEXT' })).key).toBe('industry');
    const refusals: [Record<string, unknown>, unknown[], string][] = [
      [{ entity: 'CUSTOMER', key: 'Industry', label: 'X', type: 'TEXT' }, ['input', 'key'], 'INVALID'],
      [{ entity: 'CUSTOMER', key: '1st', label: 'X', type: 'TEXT' }, ['input', 'key'], 'INVALID'],
      [{ entity: 'CUSTOMER', key: 'x', label: ' ', type: 'TEXT' }, ['input', 'label'], 'REQUIRED'],
      [{ entity: 'CUSTOMER', key: 'x', label: 'X', type: 'SELECT' }, ['input', 'options'], 'REQUIRED'],
      [{ entity: 'CUSTOMER', key: 'x', label: 'X', type: 'TEXT', options: [{ key: 'a', label: 'A' }] }, ['input', 'options'], 'INVALID'],
      [{ entity: 'CUSTOMER', key: 'x', label: 'X', type: 'SELECT', options: [{ key: 'a', label: 'A' }, { key: 'a', label: 'B' }] }, ['input', 'options', '1', 'key'], 'ALREADY_EXISTS'],
    ];
    for (const [input, path, reason] of refusals) expect(problem(await kontor.gql(CREATE_FIELD, { input }, owner.token)), JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', path, reason });
    expect(problem(await kontor.gql(CREATE_FIELD, { input: { entity: 'CUSTOMER', key: 'industry', label: 'Again', type: 'TEXT' } }, owner.token))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
  });

  it('stores each type exactly and returns it typed; only given keys change; null clears', async () => {
    const acme = await customer({
      name: 'Acme',
      customFields: [
        { key: 'industry', options: ['retail'] },
        { key: 'employees', number: '120' },
        { key: 'credit_limit', number: '12345678901234567890.12' },
        { key: 'renewal', date: '2027-03-31' },
        { key: 'vat_payer', boolean: false },
        { key: 'channels', options: ['web', 'shop', 'web'] },
        { key: 'note', text: '  Pays on time ' },
      ],
    });
    expect(acme.customFields).toEqual([
      { key: 'industry', type: 'SELECT', text: null, number: null, date: null, boolean: null, options: ['retail'] },
      { key: 'employees', type: 'NUMBER', text: null, number: '120', date: null, boolean: null, options: [] },
      // A decimal keeps every digit (no float on the way).
      { key: 'credit_limit', type: 'DECIMAL', text: null, number: '12345678901234567890.12', date: null, boolean: null, options: [] },
      { key: 'renewal', type: 'DATE', text: null, number: null, date: '2027-03-31', boolean: null, options: [] },
      { key: 'vat_payer', type: 'BOOLEAN', text: null, number: null, date: null, boolean: false, options: [] },
      { key: 'channels', type: 'MULTI_SELECT', text: null, number: null, date: null, boolean: null, options: ['web', 'shop'] },
      { key: 'note', type: 'TEXT', text: 'Pays on time', number: null, date: null, boolean: null, options: [] },
    ]);
    const updated = ok(await kontor.gql<{ updateCustomer: { customFields: ValueView[] } }>(UPDATE_CUSTOMER, { input: { id: acme.id, customFields: [{ key: 'employees', number: '121' }, { key: 'note' }] } }, owner.token)).updateCustomer;
    expect(updated.customFields.map((v) => v.key)).toEqual(['industry', 'employees', 'credit_limit', 'renewal', 'vat_payer', 'channels']);
    expect(updated.customFields.find((v) => v.key === 'employees')?.number).toBe('121');
  });

  it('refuses values that do not fit, with the exact path, and writes nothing', async () => {
    const cases: [Record<string, unknown>, unknown[], string][] = [
      [{ key: 'nope', text: 'x' }, ['input', 'customFields', '0', 'key'], 'UNKNOWN_FIELD'],
      [{ key: 'employees', text: '12' }, ['input', 'customFields', '0', 'text'], 'INVALID'],
      [{ key: 'employees', number: '1.5' }, ['input', 'customFields', '0', 'number'], 'INVALID'],
      [{ key: 'industry', options: ['cars'] }, ['input', 'customFields', '0', 'options', '0'], 'INVALID_OPTION'],
      [{ key: 'industry', options: ['retail', 'food'] }, ['input', 'customFields', '0', 'options'], 'TOO_MANY'],
      [{ key: 'channels', options: ['shop', 'fax'] }, ['input', 'customFields', '0', 'options', '1'], 'INVALID_OPTION'],
      [{ key: 'note', text: 'x'.repeat(2001) }, ['input', 'customFields', '0', 'text'], 'TOO_LONG'],
    ];
    for (const [value, path, reason] of cases) {
      expect(problem(await kontor.gql(CREATE_CUSTOMER, { input: { name: 'Refused', customFields: [value] } }, owner.token)), JSON.stringify(value)).toMatchObject({ code: 'BAD_USER_INPUT', path, reason });
    }
    expect(errorCode(await kontor.gql(CREATE_CUSTOMER, { input: { name: 'Refused', customFields: [{ key: 'renewal', date: '2027-02-30' }] } }, owner.token))).toBe('BAD_USER_INPUT');
    expect(await names({ filter: { search: 'Refused' } })).toEqual([]);
  });

  it('makes a required field required on new records and uncleareable, without touching old ones', async () => {
    const tenant = await signUp(kontor);
    const old = ok(await kontor.gql<{ createContact: { id: string } }>(CREATE_CONTACT, { input: { firstName: 'Old' } }, tenant.token)).createContact;
    ok(await kontor.gql(CREATE_FIELD, { input: { entity: 'CONTACT', key: 'badge', label: 'Badge number', type: 'TEXT', required: true } }, tenant.token));
    expect(problem(await kontor.gql(CREATE_CONTACT, { input: { firstName: 'New' } }, tenant.token))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'customFields'], reason: 'REQUIRED', params: { field: 'badge' } });
    const created = ok(await kontor.gql<{ createContact: { customFields: ValueView[] } }>(CREATE_CONTACT, { input: { firstName: 'New', customFields: [{ key: 'badge', text: 'B-7' }] } }, tenant.token)).createContact;
    expect(created.customFields).toMatchObject([{ key: 'badge', text: 'B-7' }]);
    // The old record is edited freely, but not to clear the field once it holds one.
    ok(await kontor.gql(`mutation($input: UpdateContactInput!) { updateContact(input: $input) { id } }`, { input: { id: old.id, firstName: 'Older' } }, tenant.token));
    expect(problem(await kontor.gql(`mutation($input: UpdateContactInput!) { updateContact(input: $input) { id } }`, { input: { id: old.id, customFields: [{ key: 'badge', text: ' ' }] } }, tenant.token))).toMatchObject({ path: ['input', 'customFields', '0'], reason: 'REQUIRED' });
  });

  describe('filters and sort', () => {
    beforeAll(async () => {
      const rows: [string, Record<string, unknown>[]][] = [
        ['F Alpha', [{ key: 'industry', options: ['food'] }, { key: 'employees', number: '5' }, { key: 'renewal', date: '2026-01-15' }, { key: 'vat_payer', boolean: true }, { key: 'channels', options: ['shop'] }, { key: 'note', text: 'Bakery chain' }]],
        ['F Beta', [{ key: 'industry', options: ['it'] }, { key: 'employees', number: '250' }, { key: 'credit_limit', number: '1000.50' }, { key: 'channels', options: ['web'] }]],
        ['F Gamma', [{ key: 'industry', options: ['food'] }, { key: 'employees', number: '40' }, { key: 'credit_limit', number: '99.99' }, { key: 'renewal', date: '2027-06-01' }, { key: 'channels', options: ['shop', 'web'] }]],
        ['F Delta', []],
      ];
      for (const [name, customFields] of rows) await customer({ name, customFields });
    });
    const only = (filter: Record<string, unknown>) => names({ filter: { search: 'F ', ...filter } });

    it('filters by every type: equality, any-of, ranges, text, set or not', async () => {
      expect(await only({ customFields: [{ key: 'industry', equals: 'food' }] })).toEqual(['F Alpha', 'F Gamma']);
      expect(await only({ customFields: [{ key: 'industry', in: ['it', 'retail'] }] })).toEqual(['F Beta']);
      expect(await only({ customFields: [{ key: 'employees', min: '40', max: '250' }] })).toEqual(['F Beta', 'F Gamma']);
      expect(await only({ customFields: [{ key: 'credit_limit', min: '100' }] })).toEqual(['F Beta']);
      expect(await only({ customFields: [{ key: 'renewal', max: '2026-12-31' }] })).toEqual(['F Alpha']);
      expect(await only({ customFields: [{ key: 'vat_payer', equals: 'true' }] })).toEqual(['F Alpha']);
      expect(await only({ customFields: [{ key: 'channels', equals: 'web' }] })).toEqual(['F Beta', 'F Gamma']);
      expect(await only({ customFields: [{ key: 'channels', in: ['shop'] }, { key: 'employees', min: '10' }] })).toEqual(['F Gamma']);
      expect(await only({ customFields: [{ key: 'note', contains: 'BAKERY' }] })).toEqual(['F Alpha']);
      expect(await only({ customFields: [{ key: 'renewal', isSet: false }] })).toEqual(['F Beta', 'F Delta']);
      expect(await only({ customFields: [{ key: 'industry', isSet: true }] })).toEqual(['F Alpha', 'F Beta', 'F Gamma']);
    });

    it('refuses a filter that cannot mean anything, with its path', async () => {
      const cases: [Record<string, unknown>, unknown[], string][] = [
        [{ key: 'nope', isSet: true }, ['filter', 'customFields', '0', 'key'], 'UNKNOWN_FIELD'],
        [{ key: 'employees', min: 'many' }, ['filter', 'customFields', '0', 'min'], 'INVALID'],
        [{ key: 'renewal', equals: '31/12/2026' }, ['filter', 'customFields', '0', 'equals'], 'INVALID'],
        [{ key: 'industry', equals: 'cars' }, ['filter', 'customFields', '0', 'equals'], 'INVALID_OPTION'],
        [{ key: 'note', min: '3' }, ['filter', 'customFields', '0', 'min'], 'INVALID'],
        [{ key: 'employees', contains: '3' }, ['filter', 'customFields', '0', 'contains'], 'INVALID'],
      ];
      for (const [condition, path, reason] of cases) {
        expect(problem(await kontor.gql(CUSTOMERS, { filter: { customFields: [condition] } }, owner.token)), JSON.stringify(condition)).toMatchObject({ code: 'BAD_USER_INPUT', path, reason });
      }
    });

    it('sorts by a number, a date or a choice, empty values last, and pages through without gaps', async () => {
      const sorted = (key: string, direction: string) => names({ filter: { search: 'F ' }, orderBy: { field: 'CUSTOM_FIELD', customFieldKey: key, direction } });
      expect(await sorted('employees', 'ASC')).toEqual(['F Alpha', 'F Gamma', 'F Beta', 'F Delta']);
      expect(await sorted('employees', 'DESC')).toEqual(['F Delta', 'F Beta', 'F Gamma', 'F Alpha']);
      expect(await sorted('renewal', 'ASC')).toEqual(['F Alpha', 'F Gamma', 'F Beta', 'F Delta']);
      expect((await sorted('industry', 'ASC')).slice(0, 3)).toEqual(['F Delta', 'F Alpha', 'F Gamma']);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { name: string } }[] } = ok(
          await kontor.gql<{ customers: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { name: string } }[] } }>(
            CUSTOMERS,
            { first: 1, after, filter: { search: 'F ' }, orderBy: { field: 'CUSTOM_FIELD', customFieldKey: 'credit_limit', direction: 'ASC' } },
            owner.token,
          ),
        ).customers;
        seen.push(...page.edges.map((e) => e.node.name));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen.slice(0, 2)).toEqual(['F Gamma', 'F Beta']);
      expect(seen.slice(2).sort()).toEqual(['F Alpha', 'F Delta']);
      expect(problem(await kontor.gql(CUSTOMERS, { orderBy: { field: 'CUSTOM_FIELD', customFieldKey: 'channels' } }, owner.token))).toMatchObject({ path: ['orderBy', 'customFieldKey'], reason: 'INVALID' });
      expect(problem(await kontor.gql(CUSTOMERS, { orderBy: { field: 'CUSTOM_FIELD' } }, owner.token))).toMatchObject({ path: ['orderBy', 'customFieldKey'], reason: 'REQUIRED' });
    });

    it("filters people by their customer's custom fields", async () => {
      const food = ok(await kontor.gql<{ customers: { edges: { node: { id: string } }[] } }>(CUSTOMERS, { filter: { search: 'F Gamma' } }, owner.token)).customers.edges[0]?.node.id;
      ok(await kontor.gql(CREATE_CONTACT, { input: { firstName: 'Cook', customerId: food } }, owner.token));
      const people = ok(await kontor.gql<{ contacts: { edges: { node: { firstName: string } }[] } }>(CONTACTS, { filter: { customer: { customFields: [{ key: 'industry', equals: 'food' }] } } }, owner.token)).contacts;
      expect(people.edges.map((e) => e.node.firstName)).toEqual(['Cook']);
    });
  });

  it('changes options only while no record loses its value; deleting a field removes its values', async () => {
    const tenant = await signUp(kontor);
    const size = ok(await kontor.gql<{ createCustomField: FieldView }>(CREATE_FIELD, { input: { entity: 'CUSTOMER', key: 'size', label: 'Size', type: 'SELECT', options: [{ key: 's', label: 'Small' }, { key: 'l', label: 'Large' }] } }, tenant.token)).createCustomField;
    const big = ok(await kontor.gql<{ createCustomer: { id: string } }>(CREATE_CUSTOMER, { input: { name: 'Big', customFields: [{ key: 'size', options: ['l'] }] } }, tenant.token)).createCustomer;
    const relabelled = ok(await kontor.gql<{ updateCustomField: FieldView }>(UPDATE_FIELD, { input: { id: size.id, label: 'Company size', options: [{ key: 'l', label: 'Big' }, { key: 'm', label: 'Medium' }] } }, tenant.token));
    expect(relabelled.updateCustomField.options).toEqual([{ key: 'l', label: 'Big' }, { key: 'm', label: 'Medium' }]);
    expect(problem(await kontor.gql(UPDATE_FIELD, { input: { id: size.id, options: [{ key: 'm', label: 'Medium' }] } }, tenant.token))).toMatchObject({ code: 'CONFLICT', reason: 'IN_USE', params: { count: 1 } });
    ok(await kontor.gql(DELETE_FIELD, { input: { id: size.id } }, tenant.token));
    const after = ok(await kontor.gql<{ customer: { customFields: ValueView[] } }>(`query($id: ID!) { customer(id: $id) { ${VALUES} } }`, { id: big.id }, tenant.token)).customer;
    expect(after.customFields).toEqual([]);
    // A new field with the old key starts empty: the old values are gone, not revived.
    ok(await kontor.gql(CREATE_FIELD, { input: { entity: 'CUSTOMER', key: 'size', label: 'Size', type: 'TEXT' } }, tenant.token));
    expect(ok(await kontor.gql<{ customer: { customFields: ValueView[] } }>(`query($id: ID!) { customer(id: $id) { ${VALUES} } }`, { id: big.id }, tenant.token)).customer.customFields).toEqual([]);
  });

  it('only owners and admins define fields; with the feature off values are kept but out of reach', async () => {
    const tenant = await signUp(kontor);
    const key = ok(await kontor.gql<{ createApiKey: { secret: string } }>(`mutation { createApiKey(input: { name: "rw", modules: [CRM], access: READ_WRITE }) { secret } }`, {}, tenant.token)).createApiKey.secret;
    expect(errorCode(await kontor.gql(CREATE_FIELD, { input: { entity: 'CUSTOMER', key: 'x', label: 'X', type: 'TEXT' } }, key))).toBe('FORBIDDEN');
    ok(await kontor.gql(CREATE_FIELD, { input: { entity: 'CUSTOMER', key: 'tier', label: 'Tier', type: 'TEXT' } }, tenant.token));
    const kept = ok(await kontor.gql<{ createCustomer: { id: string } }>(CREATE_CUSTOMER, { input: { name: 'Kept', customFields: [{ key: 'tier', text: 'gold' }] } }, key)).createCustomer;
    ok(await kontor.gql(SET_OPTION, { input: { key: 'CRM.customFields', enabled: false } }, tenant.token));
    for (const [query, variables] of [
      [`{ customFields { id } }`, {}],
      [`query($id: ID!) { customer(id: $id) { ${VALUES} } }`, { id: kept.id }],
      [CREATE_CUSTOMER.replace(` ${VALUES}`, ''), { input: { name: 'X', customFields: [{ key: 'tier', text: 'x' }] } }],
      [CUSTOMERS, { filter: { customFields: [{ key: 'tier', isSet: true }] } }],
    ] as const) {
      expect(errorCode(await kontor.gql(query, variables, tenant.token)), query).toBe('MODULE_DISABLED');
    }
    // Editing the customer meanwhile keeps its value.
    ok(await kontor.gql(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id } }`, { input: { id: kept.id, name: 'Kept SA' } }, tenant.token));
    ok(await kontor.gql(SET_OPTION, { input: { key: 'CRM.customFields', enabled: true } }, tenant.token));
    expect(ok(await kontor.gql<{ customer: { name: string; customFields: ValueView[] } }>(`query($id: ID!) { customer(id: $id) { name ${VALUES} } }`, { id: kept.id }, tenant.token)).customer).toMatchObject({ name: 'Kept SA', customFields: [{ key: 'tier', text: 'gold' }] });
  });
});
