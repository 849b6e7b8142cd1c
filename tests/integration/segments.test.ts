import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signUp, startKontor, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';

interface SegmentView {
  id: string;
  name: string;
  entity: string;
  filter: Record<string, unknown>;
  count: number;
  createdBy: { email: string } | null;
}

const SEGMENT = 'id name entity filter count createdBy { email }';
const CREATE = `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { ${SEGMENT} } }`;
const UPDATE = `mutation($input: UpdateSegmentInput!) { updateSegment(input: $input) { ${SEGMENT} } }`;
const GET = `query($id: ID!) { segment(id: $id) { ${SEGMENT} contacts(first: 200) { totalCount edges { node { firstName } } } } }`;
const GET_CUSTOMERS = `query($id: ID!) { segment(id: $id) { ${SEGMENT} customers(first: 200) { totalCount edges { node { name } } } } }`;
const CONTACTS = `query($filter: ContactFilter) { contacts(filter: $filter, first: 200) { totalCount edges { node { firstName } } } }`;

function problem(result: GqlResult<unknown>): Record<string, unknown> {
  const extensions = result.errors?.[0]?.extensions ?? {};
  return { code: extensions.code, path: extensions.path, reason: extensions.reason };
}

describe('CRM segments: saved filters evaluated live', () => {
  let kontor: Kontor;
  let owner: SignedUp;
  const ids: Record<string, string> = {};

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => ok(await kontor.gql<T>(query, variables, owner.token));
  const members = async (id: string): Promise<string[]> => {
    const segment = (await gql<{ segment: SegmentView & { contacts: { totalCount: number; edges: { node: { firstName: string } }[] } } }>(GET, { id })).segment;
    expect(segment.contacts.totalCount).toBe(segment.count);
    return segment.contacts.edges.map((e) => e.node.firstName).sort();
  };

  beforeAll(async () => {
    kontor = await startKontor({ workers: false });
    owner = await signUp(kontor);
    await gql(`mutation { createCustomField(input: { entity: CONTACT, key: "language", label: "Language", type: SELECT, options: [{ key: "ro", label: "Romanian" }, { key: "en", label: "English" }] }) { id } }`);
    await gql(`mutation { createCustomField(input: { entity: CUSTOMER, key: "employees", label: "Employees", type: NUMBER }) { id } }`);
    const customer = async (input: Record<string, unknown>) => (await gql<{ createCustomer: { id: string } }>(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input })).createCustomer.id;
    ids.bigClient = await customer({ name: 'Big Client', lifecycleStage: 'CUSTOMER', tags: ['key account'], source: { channel: 'EVENT' }, customFields: [{ key: 'employees', number: '500' }] });
    ids.smallLead = await customer({ name: 'Small Lead', lifecycleStage: 'LEAD', source: { channel: 'PAID_SEARCH' }, customFields: [{ key: 'employees', number: '3' }] });
    const contact = async (input: Record<string, unknown>) => (await gql<{ createContact: { id: string } }>(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input })).createContact.id;
    ids.ana = await contact({ firstName: 'Ana', email: 'ana@big.example', customerId: ids.bigClient, emailConsent: 'GRANTED', consentSource: 'form', customFields: [{ key: 'language', options: ['ro'] }] });
    ids.ben = await contact({ firstName: 'Ben', email: 'ben@big.example', customerId: ids.bigClient, customFields: [{ key: 'language', options: ['en'] }] });
    ids.cara = await contact({ firstName: 'Cara', email: 'cara@small.example', customerId: ids.smallLead, emailConsent: 'GRANTED', consentSource: 'form', tags: ['newsletter'] });
    ids.dan = await contact({ firstName: 'Dan', phone: '+40721000009' });
    // Ana talked to us recently, Cara long ago.
    await gql(`mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`, { input: { kind: 'CALL', direction: 'INBOUND', contactId: ids.ana } });
    await gql(`mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`, { input: { kind: 'MEETING', contactId: ids.cara, occurredAt: '2024-01-10T10:00:00.000Z' } });
  });
  afterAll(() => kontor.close());

  it('saves a contact segment on fields, consent, custom fields and the customer, and lists and counts its members', async () => {
    const segment = (
      await gql<{ createSegment: SegmentView }>(CREATE, {
        input: { name: ' Key accounts, email OK ', entity: 'CONTACT', contactFilter: { emailConsent: 'GRANTED', customer: { lifecycleStages: ['CUSTOMER'], tags: ['KEY ACCOUNT'] } } },
      })
    ).createSegment;
    expect(segment).toMatchObject({ name: 'Key accounts, email OK', entity: 'CONTACT', count: 1, createdBy: { email: owner.email } });
    expect(segment.filter).toEqual({ emailConsent: 'GRANTED', customer: { lifecycleStages: ['CUSTOMER'], tags: ['KEY ACCOUNT'] } });
    expect(await members(segment.id)).toEqual(['Ana']);

    const romanian = (await gql<{ createSegment: SegmentView }>(CREATE, { input: { name: 'Romanian speakers', entity: 'CONTACT', contactFilter: { customFields: [{ key: 'language', equals: 'ro' }] } } })).createSegment;
    expect(await members(romanian.id)).toEqual(['Ana']);
    const bigCompanies = (await gql<{ createSegment: SegmentView }>(CREATE, { input: { name: 'At big companies', entity: 'CONTACT', contactFilter: { customer: { customFields: [{ key: 'employees', min: '100' }] } } } })).createSegment;
    expect(await members(bigCompanies.id)).toEqual(['Ana', 'Ben']);
  });

  it('is live: a change to a record moves it in or out at once', async () => {
    const segment = (await gql<{ createSegment: SegmentView }>(CREATE, { input: { name: 'Newsletter', entity: 'CONTACT', contactFilter: { tags: ['newsletter'] } } })).createSegment;
    expect(await members(segment.id)).toEqual(['Cara']);
    await gql(`mutation($input: UpdateContactInput!) { updateContact(input: $input) { id } }`, { input: { id: ids.dan, tags: ['Newsletter'] } });
    expect(await members(segment.id)).toEqual(['Cara', 'Dan']);
    await gql(`mutation($input: UpdateContactInput!) { updateContact(input: $input) { id } }`, { input: { id: ids.cara, tags: [] } });
    expect(await members(segment.id)).toEqual(['Dan']);
  });

  it('filters on the last interaction date', async () => {
    const quiet = (await gql<{ createSegment: SegmentView }>(CREATE, { input: { name: 'Gone quiet', entity: 'CONTACT', contactFilter: { lastInteractionBefore: '2025-01-01T00:00:00.000Z' } } })).createSegment;
    expect(await members(quiet.id)).toEqual(['Cara']);
    const recent = (await gql<{ createSegment: SegmentView }>(CREATE, { input: { name: 'Recent', entity: 'CONTACT', contactFilter: { lastInteractionAfter: '2025-01-01T00:00:00.000Z' } } })).createSegment;
    expect(await members(recent.id)).toEqual(['Ana']);
    // Dates survive storage: the saved filter reads back as written.
    expect(recent.filter).toEqual({ lastInteractionAfter: '2025-01-01T00:00:00.000Z' });
    const never = (await gql<{ createSegment: SegmentView }>(CREATE, { input: { name: 'Never contacted', entity: 'CONTACT', contactFilter: { hasInteractions: false } } })).createSegment;
    expect(await members(never.id)).toEqual(['Ben', 'Dan']);
  });

  it('serves as a saved view in lists, with more conditions on top', async () => {
    const segment = (await gql<{ createSegment: SegmentView }>(CREATE, { input: { name: 'With email', entity: 'CONTACT', contactFilter: { hasEmail: true } } })).createSegment;
    const view = await gql<{ contacts: { totalCount: number; edges: { node: { firstName: string } }[] } }>(CONTACTS, { filter: { segmentId: segment.id, search: 'big.example' } });
    expect(view.contacts.edges.map((e) => e.node.firstName).sort()).toEqual(['Ana', 'Ben']);
    expect(view.contacts.totalCount).toBe(2);
  });

  it('saves customer segments and lists their customers', async () => {
    const segment = (await gql<{ createSegment: SegmentView }>(CREATE, { input: { name: 'Paid leads', entity: 'CUSTOMER', customerFilter: { sourceChannels: ['PAID_SEARCH'], lifecycleStages: ['LEAD'] } } })).createSegment;
    const read = (await gql<{ segment: { count: number; customers: { edges: { node: { name: string } }[] } } }>(GET_CUSTOMERS, { id: segment.id })).segment;
    expect(read.count).toBe(1);
    expect(read.customers.edges.map((e) => e.node.name)).toEqual(['Small Lead']);
    expect((await gql<{ segments: { name: string }[] }>(`{ segments(entity: CUSTOMER) { name } }`)).segments.map((s) => s.name)).toEqual(['Paid leads']);
    // A customer segment is no contact filter.
    expect(errorCode(await kontor.gql(CONTACTS, { filter: { segmentId: segment.id } }, owner.token))).toBe('NOT_FOUND');
  });

  it('refuses a segment that could not be evaluated, and changes one whole', async () => {
    const cases: [Record<string, unknown>, unknown[], string][] = [
      [{ name: 'X', entity: 'CONTACT' }, ['input', 'contactFilter'], 'REQUIRED'],
      [{ name: 'X', entity: 'CONTACT', customerFilter: { kinds: ['PERSON'] } }, ['input', 'customerFilter'], 'INVALID'],
      [{ name: '', entity: 'CONTACT', contactFilter: { hasEmail: true } }, ['input', 'name'], 'REQUIRED'],
      [{ name: 'X', entity: 'CONTACT', contactFilter: { customFields: [{ key: 'language', equals: 'de' }] } }, ['input', 'contactFilter', 'customFields', '0', 'equals'], 'INVALID_OPTION'],
      [{ name: 'X', entity: 'CONTACT', contactFilter: { customer: { customFields: [{ key: 'nope', isSet: true }] } } }, ['input', 'contactFilter', 'customer', 'customFields', '0', 'key'], 'UNKNOWN_FIELD'],
      [{ name: 'X', entity: 'CONTACT', contactFilter: { customerId: 'garbage' } }, ['input', 'contactFilter', 'customerId'], 'INVALID'],
    ];
    for (const [input, path, reason] of cases) expect(problem(await kontor.gql(CREATE, { input }, owner.token)), JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', path, reason });
    const base = (await gql<{ createSegment: SegmentView }>(CREATE, { input: { name: 'Base', entity: 'CONTACT', contactFilter: { hasEmail: true } } })).createSegment;
    expect(problem(await kontor.gql(CREATE, { input: { name: 'Nested', entity: 'CONTACT', contactFilter: { segmentId: base.id } } }, owner.token))).toMatchObject({ path: ['input', 'contactFilter', 'segmentId'], reason: 'INVALID' });
    const changed = (await gql<{ updateSegment: SegmentView }>(UPDATE, { input: { id: base.id, name: 'Phone only', contactFilter: { hasEmail: false } } })).updateSegment;
    expect(changed).toMatchObject({ name: 'Phone only', filter: { hasEmail: false } });
    expect(await members(base.id)).toEqual(['Dan']);
    expect(problem(await kontor.gql(UPDATE, { input: { id: base.id, customerFilter: { kinds: ['PERSON'] } } }, owner.token))).toMatchObject({ path: ['input', 'customerFilter'], reason: 'INVALID' });
    await gql(`mutation($input: DeleteSegmentInput!) { deleteSegment(input: $input) }`, { input: { id: base.id } });
    expect(errorCode(await kontor.gql(GET, { id: base.id }, owner.token))).toBe('NOT_FOUND');
  });

  it('keeps a custom field its segments use, and lets it go once they are gone', async () => {
    const tenant = await signUp(kontor);
    const language = ok(await kontor.gql<{ createCustomField: { id: string } }>(`mutation { createCustomField(input: { entity: CUSTOMER, key: "region_code", label: "Region", type: TEXT }) { id } }`, {}, tenant.token)).createCustomField;
    const segment = ok(
      await kontor.gql<{ createSegment: SegmentView }>(CREATE, { input: { name: 'North', entity: 'CONTACT', contactFilter: { customer: { customFields: [{ key: 'region_code', equals: 'N' }] } } } }, tenant.token),
    ).createSegment;
    expect(problem(await kontor.gql(`mutation($input: DeleteCustomFieldInput!) { deleteCustomField(input: $input) }`, { input: { id: language.id } }, tenant.token))).toMatchObject({ code: 'CONFLICT', reason: 'IN_USE' });
    ok(await kontor.gql(`mutation($input: DeleteSegmentInput!) { deleteSegment(input: $input) }`, { input: { id: segment.id } }, tenant.token));
    ok(await kontor.gql(`mutation($input: DeleteCustomFieldInput!) { deleteCustomField(input: $input) }`, { input: { id: language.id } }, tenant.token));
  });

  it('goes with the segments feature, and comes back as it was', async () => {
    const tenant = await signUp(kontor);
    const segment = ok(await kontor.gql<{ createSegment: SegmentView }>(CREATE, { input: { name: 'All', entity: 'CONTACT', contactFilter: {} } }, tenant.token)).createSegment;
    const setOption = (enabled: boolean) => kontor.gql(`mutation($input: SetFeatureOptionInput!) { setFeatureOption(input: $input) { key } }`, { input: { key: 'CRM.segments', enabled } }, tenant.token);
    ok(await setOption(false));
    expect(errorCode(await kontor.gql(`{ segments { id } }`, {}, tenant.token))).toBe('MODULE_DISABLED');
    expect(errorCode(await kontor.gql(CONTACTS, { filter: { segmentId: segment.id } }, tenant.token))).toBe('MODULE_DISABLED');
    ok(await setOption(true));
    expect(ok(await kontor.gql<{ segment: { name: string; count: number } }>(`query($id: ID!) { segment(id: $id) { name count } }`, { id: segment.id }, tenant.token)).segment).toEqual({ name: 'All', count: 0 });
  });
});
