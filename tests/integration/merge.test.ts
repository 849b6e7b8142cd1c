import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signUp, startKontor, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';

interface ContactView {
  id: string;
  firstName: string;
  lastName: string | null;
  emails: { address: string; type: string }[];
  phones: { number: string }[];
  tags: string[];
  emailConsent: string;
  smsConsent: string;
  customer: { id: string } | null;
  position: { id: string } | null;
  customFields: { key: string; text: string | null }[];
  consentHistory: { status: string; source: string }[];
}

const CONTACT = 'id firstName lastName emails { address type } phones { number } tags emailConsent smsConsent customer { id } position { id } customFields { key text } consentHistory { status source }';
const MERGE_CONTACTS = `mutation($input: MergeContactsInput!) { mergeContacts(input: $input) { ${CONTACT} } }`;
const MERGE_CUSTOMERS = `mutation($input: MergeCustomersInput!) { mergeCustomers(input: $input) { id name domain email tags contacts { totalCount } counterparties { legalName } customFields { key text } } }`;

function problem(result: GqlResult<unknown>): Record<string, unknown> {
  const extensions = result.errors?.[0]?.extensions ?? {};
  return { code: extensions.code, path: extensions.path, reason: extensions.reason };
}

describe('CRM duplicates and merge', () => {
  let kontor: Kontor;
  let owner: SignedUp;
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, token = owner.token): Promise<T> => ok(await kontor.gql<T>(query, variables, token));
  const contact = async (input: Record<string, unknown>) => (await gql<{ createContact: { id: string } }>(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input })).createContact.id;
  const customer = async (input: Record<string, unknown>) => (await gql<{ createCustomer: { id: string } }>(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input })).createCustomer.id;

  beforeAll(async () => {
    kontor = await startKontor({ workers: false });
    owner = await signUp(kontor);
    await gql(`mutation { createCustomField(input: { entity: CONTACT, key: "nickname", label: "Nickname", type: TEXT }) { id } }`);
    await gql(`mutation { createCustomField(input: { entity: CUSTOMER, key: "segment_code", label: "Code", type: TEXT }) { id } }`);
  });
  afterAll(() => kontor.close());

  it('finds people sharing an address, a number, or a name at the same customer', async () => {
    const tenant = await signUp(kontor);
    const t = tenant.token;
    const acme = (await gql<{ createCustomer: { id: string } }>(`mutation { createCustomer(input: { name: "Acme" }) { id } }`, {}, t)).createCustomer.id;
    const make = async (input: Record<string, unknown>) => (await gql<{ createContact: { id: string } }>(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input }, t)).createContact.id;
    const a = await make({ firstName: 'Ana', lastName: 'Pop', email: 'ana@example.test', customerId: acme });
    const b = await make({ firstName: 'ANA', lastName: 'pop', emails: [{ address: 'other@example.test' }, { address: 'ana@example.test', type: 'HOME' }], customerId: acme });
    const c = await make({ firstName: 'Cy', phone: '+40721000001' });
    const d = await make({ firstName: 'Dee', phone: '+40721000001' });
    await make({ firstName: 'Ana', lastName: 'Pop' });
    const groups = (await gql<{ contactDuplicates: { reason: string; value: string; contacts: { id: string }[] }[] }>(`{ contactDuplicates { reason value contacts { id } } }`, {}, t)).contactDuplicates;
    expect(groups.map((g) => [g.reason, g.value.toLowerCase(), g.contacts.map((x) => x.id)])).toEqual(
      expect.arrayContaining([
        ['EMAIL', 'ana@example.test', [a, b]],
        ['PHONE', '+40721000001', [c, d]],
        ['NAME', 'ana pop', [a, b]],
      ]),
    );
    // The Ana Pop without a customer is somebody else until something else matches.
    expect(groups).toHaveLength(3);
    // Another tenant sees none of it.
    expect((await gql<{ contactDuplicates: unknown[] }>(`{ contactDuplicates { value } }`)).contactDuplicates.filter((g) => JSON.stringify(g).includes('ana@example.test'))).toEqual([]);
  });

  it('merges people: target values win, gaps are filled, every address, tag and piece of history moves', async () => {
    const acme = await customer({ name: 'Merge Acme' });
    const buyer = (await gql<{ createPosition: { id: string } }>(`mutation { createPosition(input: { name: "Merge buyer" }) { id } }`)).createPosition.id;
    const target = await contact({ firstName: 'Ana', email: 'ana@merge.test', tags: ['vip'], customFields: [{ key: 'nickname', text: 'Annie' }] });
    const source = await contact({
      firstName: 'Ana-Maria',
      lastName: 'Pop',
      emails: [{ address: 'ana@merge.test' }, { address: 'ana.home@merge.test', type: 'HOME' }],
      phone: '+40721000123',
      tags: ['VIP', 'newsletter'],
      customerId: acme,
      positionId: buyer,
      emailConsent: 'GRANTED',
      consentSource: 'web form',
      customFields: [{ key: 'nickname', text: 'Mia' }],
    });
    const second = await contact({ firstName: 'A.', smsConsent: 'DENIED', consentSource: 'phone call' });
    // History on the sources.
    const call = (await gql<{ logInteraction: { id: string } }>(`mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`, { input: { kind: 'CALL', direction: 'INBOUND', contactId: source } })).logInteraction.id;
    const task = (await gql<{ createTask: { id: string } }>(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { title: 'Call Ana back', subjectType: 'CONTACT', subjectId: second } })).createTask.id;

    const merged = (await gql<{ mergeContacts: ContactView }>(MERGE_CONTACTS, { input: { targetId: target, sourceIds: [source, second] } })).mergeContacts;
    expect(merged).toMatchObject({
      id: target,
      firstName: 'Ana',
      lastName: 'Pop',
      emails: [{ address: 'ana@merge.test', type: 'WORK' }, { address: 'ana.home@merge.test', type: 'HOME' }],
      phones: [{ number: '+40721000123' }],
      tags: ['vip', 'newsletter'],
      customer: { id: acme },
      position: { id: buyer },
      customFields: [{ key: 'nickname', text: 'Annie' }],
      emailConsent: 'GRANTED',
      smsConsent: 'DENIED',
    });
    expect(merged.consentHistory.map((e) => e.source).sort()).toEqual(['phone call', 'web form']);
    for (const id of [source, second]) expect(errorCode(await kontor.gql(`query($id: ID!) { contact(id: $id) { id } }`, { id }, owner.token))).toBe('NOT_FOUND');
    const timeline = (await gql<{ timeline: { edges: { node: { interaction: { id: string } | null; task: { id: string } | null } }[] } }>(
      `query($s: TimelineSubject!) { timeline(subject: $s) { edges { node { interaction { id } task { id } } } } }`,
      { s: { type: 'CONTACT', id: target } },
    )).timeline;
    expect(timeline.edges.map((e) => e.node.interaction?.id ?? e.node.task?.id)).toEqual(expect.arrayContaining([call, task]));
  });

  it('refuses merging a record into itself, twice, too many or unknown ones, and changes nothing', async () => {
    const a = await contact({ firstName: 'Solo' });
    const b = await contact({ firstName: 'Other' });
    expect(problem(await kontor.gql(MERGE_CONTACTS, { input: { targetId: a, sourceIds: [] } }, owner.token))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'sourceIds'], reason: 'REQUIRED' });
    expect(problem(await kontor.gql(MERGE_CONTACTS, { input: { targetId: a, sourceIds: [a] } }, owner.token))).toMatchObject({ path: ['input', 'sourceIds', '0'], reason: 'INVALID' });
    expect(problem(await kontor.gql(MERGE_CONTACTS, { input: { targetId: a, sourceIds: [b, b] } }, owner.token))).toMatchObject({ path: ['input', 'sourceIds', '1'], reason: 'INVALID' });
    expect(problem(await kontor.gql(MERGE_CONTACTS, { input: { targetId: a, sourceIds: Array.from({ length: 21 }, () => b) } }, owner.token))).toMatchObject({ reason: 'TOO_MANY' });
    const stranger = await signUp(kontor);
    const theirs = (await gql<{ createContact: { id: string } }>(`mutation { createContact(input: { firstName: "Theirs" }) { id } }`, {}, stranger.token)).createContact.id;
    expect(errorCode(await kontor.gql(MERGE_CONTACTS, { input: { targetId: a, sourceIds: [b, theirs] } }, owner.token))).toBe('NOT_FOUND');
    expect(errorCode(await kontor.gql(MERGE_CONTACTS, { input: { targetId: theirs, sourceIds: [b] } }, owner.token))).toBe('NOT_FOUND');
    for (const id of [a, b]) ok(await kontor.gql(`query($id: ID!) { contact(id: $id) { id } }`, { id }, owner.token));
    ok(await kontor.gql(`query($id: ID!) { contact(id: $id) { id } }`, { id: theirs }, stranger.token));
  });

  it('finds and merges customers: people, legal entities and history move to the target', async () => {
    const tenant = await signUp(kontor);
    const t = tenant.token;
    await gql(`mutation { createCustomField(input: { entity: CUSTOMER, key: "segment_code", label: "Code", type: TEXT }) { id } }`, {}, t);
    const make = async (input: Record<string, unknown>) => (await gql<{ createCustomer: { id: string } }>(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input }, t)).createCustomer.id;
    const target = await make({ name: 'Delta SRL', tags: ['north'] });
    const source = await make({ name: 'Delta Trading', domain: 'delta.example', email: 'office@delta.example', tags: ['NORTH', 'wholesale'], customFields: [{ key: 'segment_code', text: 'D1' }] });
    const referred = await make({ name: 'Friend of Delta', source: { referredById: source } });
    for (const customerId of [target, source]) {
      ok(await kontor.gql(`mutation($input: CreateCounterpartyInput!) { createCounterparty(input: $input) { id } }`, { input: { customerId, legalName: `Delta ${customerId.slice(-4)} SRL`, taxId: 'RO999' } }, t));
    }
    ok(await kontor.gql(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input: { firstName: 'Staff', customerId: source } }, t));
    const groups = (await gql<{ customerDuplicates: { reason: string; customers: { id: string }[] }[] }>(`{ customerDuplicates { reason customers { id } } }`, {}, t)).customerDuplicates;
    expect(groups.find((g) => g.reason === 'TAX_ID')?.customers.map((c) => c.id)).toEqual([target, source]);

    const merged = (
      await gql<{ mergeCustomers: { id: string; name: string; domain: string; email: string; tags: string[]; contacts: { totalCount: number }; counterparties: { legalName: string }[]; customFields: { key: string; text: string }[] } }>(
        MERGE_CUSTOMERS,
        { input: { targetId: target, sourceIds: [source] } },
        t,
      )
    ).mergeCustomers;
    expect(merged).toMatchObject({ id: target, name: 'Delta SRL', domain: 'delta.example', email: 'office@delta.example', tags: ['north', 'wholesale'], contacts: { totalCount: 1 }, customFields: [{ key: 'segment_code', text: 'D1' }] });
    expect(merged.counterparties).toHaveLength(2);
    const friend = (await gql<{ customer: { source: { referredBy: { id: string } | null } } }>(`query($id: ID!) { customer(id: $id) { source { referredBy { id } } } }`, { id: referred }, t)).customer;
    expect(friend.source.referredBy?.id).toBe(target);
    expect(errorCode(await kontor.gql(`query($id: ID!) { customer(id: $id) { id } }`, { id: source }, t))).toBe('NOT_FOUND');
  });

  it('a viewer finds duplicates but cannot merge', async () => {
    const key = (await gql<{ createApiKey: { secret: string } }>(`mutation { createApiKey(input: { name: "ro", modules: [CRM], access: READ }) { secret } }`)).createApiKey.secret;
    ok(await kontor.gql(`{ contactDuplicates { value } }`, {}, key));
    const a = await contact({ firstName: 'Kept' });
    const b = await contact({ firstName: 'Kept too' });
    expect(errorCode(await kontor.gql(MERGE_CONTACTS, { input: { targetId: a, sourceIds: [b] } }, key))).toBe('FORBIDDEN');
  });
});
