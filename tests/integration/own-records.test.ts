import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signUp, startKontor, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';
import { join, recordingMailbox, type Member } from '../support/members.js';

function problem(result: GqlResult<unknown>): Record<string, unknown> {
  const extensions = result.errors?.[0]?.extensions ?? {};
  return { code: extensions.code, path: extensions.path, reason: extensions.reason };
}

const SETTINGS = `mutation($input: UpdateTenantSettingsInput!) { updateTenantSettings(input: $input) { settings { ownRecordsOnlyRoles } } }`;

/**
 * A role limited to its own records: the database itself (restrictive row-level security) shows
 * such a member only the customers, people and deals they own and what hangs off them, through every
 * query, count and reference, while everyone else sees the whole company.
 */
describe('CRM: roles limited to their own records', () => {
  let kontor: Kontor;
  let owner: SignedUp;
  let ana: Member;
  let ben: Member;
  const ids: Record<string, string> = {};
  const { workers, mailText } = recordingMailbox();

  const gql = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => ok(await kontor.gql<T>(query, variables, token));
  const create = async (mutation: string, input: Record<string, unknown>, token = owner.token): Promise<string> => {
    const data = await gql<Record<string, { id: string }>>(`mutation($input: ${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`, { input }, token);
    const created = data[mutation];
    if (!created) throw new Error(mutation);
    return created.id;
  };
  const names = async (query: string, field: string, token: string): Promise<{ names: string[]; total: number }> => {
    const data = await gql<Record<string, { totalCount: number; edges: { node: { name?: string; firstName?: string; title?: string } }[] }>>(query, {}, token);
    const list = data[field];
    if (!list) throw new Error(field);
    return { names: list.edges.map((e) => e.node.name ?? e.node.firstName ?? e.node.title ?? '').sort(), total: list.totalCount };
  };
  const CUSTOMERS = `{ customers(first: 200) { totalCount edges { node { name } } } }`;
  const CONTACTS = `{ contacts(first: 200) { totalCount edges { node { firstName } } } }`;
  const DEALS = `{ deals(first: 200) { totalCount edges { node { title } } } }`;
  const INTERACTIONS = `{ interactions(first: 200) { totalCount edges { node { subject } } } }`;

  beforeAll(async () => {
    kontor = await startKontor({ workers });
    owner = await signUp(kontor);
    ana = await join(kontor, owner, 'AGENT', mailText);
    ben = await join(kontor, owner, 'AGENT', mailText);
    ids.anaCo = await create('createCustomer', { name: 'Ana Co', ownerId: ana.userId });
    ids.benCo = await create('createCustomer', { name: 'Ben Co', ownerId: ben.userId });
    ids.nobodyCo = await create('createCustomer', { name: 'Nobody Co', ownerId: null });
    ids.atAnaCo = await create('createContact', { firstName: 'AtAnaCo', customerId: ids.anaCo, ownerId: null });
    ids.anasLead = await create('createContact', { firstName: 'AnasLead', ownerId: ana.userId });
    ids.atBenCo = await create('createContact', { firstName: 'AtBenCo', customerId: ids.benCo, ownerId: null });
    ids.anaDeal = await create('createDeal', { title: 'Ana deal', customerId: ids.anaCo, ownerId: ana.userId });
    ids.benDeal = await create('createDeal', { title: 'Ben deal', customerId: ids.benCo, ownerId: ben.userId });
    await create('logInteraction', { kind: 'NOTE', body: 'about Ana Co', subject: 'Ana note', customerId: ids.anaCo });
    await create('logInteraction', { kind: 'NOTE', body: 'about Ben Co', subject: 'Ben note', contactId: ids.atBenCo });
    await create('createCounterparty', { customerId: ids.benCo, legalName: 'Ben Co Legal SRL', taxId: 'RO777' });
    await gql(SETTINGS, { input: { ownRecordsOnlyRoles: ['AGENT'] } }, owner.token);
  });
  afterAll(() => kontor.close());

  it('shows a limited member only what they own, and what hangs off it, in lists and counts', async () => {
    expect(await names(CUSTOMERS, 'customers', ana.token)).toEqual({ names: ['Ana Co'], total: 1 });
    expect(await names(CONTACTS, 'contacts', ana.token)).toEqual({ names: ['AnasLead', 'AtAnaCo'], total: 2 });
    expect(await names(DEALS, 'deals', ana.token)).toEqual({ names: ['Ana deal'], total: 1 });
    const interactions = await gql<{ interactions: { totalCount: number; edges: { node: { subject: string } }[] } }>(INTERACTIONS, {}, ana.token);
    expect(interactions.interactions.edges.map((e) => e.node.subject)).toEqual(['Ana note']);
    expect(interactions.interactions.totalCount).toBe(1);
    expect((await gql<{ counterparties: { totalCount: number } }>(`{ counterparties { totalCount } }`, {}, ana.token)).counterparties.totalCount).toBe(0);
    expect(await names(CUSTOMERS, 'customers', ben.token)).toEqual({ names: ['Ben Co'], total: 1 });
    // Those who run the company see it whole.
    expect((await names(CUSTOMERS, 'customers', owner.token)).total).toBe(3);
    expect((await names(CONTACTS, 'contacts', owner.token)).total).toBe(3);
  });

  it("answers NOT_FOUND for someone else's record by id, by reference and in nested fields", async () => {
    for (const [query, variables] of [
      [`query($id: ID!) { customer(id: $id) { name } }`, { id: ids.benCo }],
      [`query($id: ID!) { contact(id: $id) { firstName } }`, { id: ids.atBenCo }],
      [`query($id: ID!) { deal(id: $id) { title } }`, { id: ids.benDeal }],
      [`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id } }`, { input: { id: ids.benCo, name: 'Taken' } }],
      [`mutation($input: DeleteContactInput!) { deleteContact(input: $input) }`, { input: { id: ids.atBenCo } }],
      [`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input: { firstName: 'Spy', customerId: ids.benCo } }],
      [`mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`, { input: { kind: 'NOTE', body: 'x', contactId: ids.atBenCo } }],
      [`mutation($input: MergeCustomersInput!) { mergeCustomers(input: $input) { id } }`, { input: { targetId: ids.anaCo, sourceIds: [ids.benCo] } }],
    ] as const) {
      expect(errorCode(await kontor.gql(query, variables, ana.token)), query).toBe('NOT_FOUND');
    }
    // Ben's things are still there, untouched.
    expect((await gql<{ customer: { name: string } }>(`query($id: ID!) { customer(id: $id) { name } }`, { id: ids.benCo }, owner.token)).customer.name).toBe('Ben Co');
    // A segment counts only what the member may see.
    const segment = await create('createSegment', { name: 'Everyone', entity: 'CONTACT', contactFilter: {} }, ana.token);
    expect((await gql<{ segment: { count: number } }>(`query($id: ID!) { segment(id: $id) { count } }`, { id: segment }, ana.token)).segment.count).toBe(2);
    expect((await gql<{ segment: { count: number } }>(`query($id: ID!) { segment(id: $id) { count } }`, { id: segment }, owner.token)).segment.count).toBe(3);
  });

  it('lets a limited member create records for themselves only', async () => {
    const mine = await gql<{ createCustomer: { name: string; owner: { id: string } } }>(`mutation { createCustomer(input: { name: "Ana New" }) { name owner { id } } }`, {}, ana.token);
    expect(mine.createCustomer.owner.id).toBe(ana.userId);
    for (const [mutation, input] of [
      ['createCustomer', { name: 'For Ben', ownerId: ben.userId }],
      ['createCustomer', { name: 'For nobody', ownerId: null }],
      ['createContact', { firstName: 'For Ben', ownerId: ben.userId }],
      ['createDeal', { title: 'For Ben', customerId: ids.anaCo, ownerId: ben.userId }],
    ] as const) {
      const type = `${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input`;
      expect(problem(await kontor.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input }, ana.token)), JSON.stringify(input)).toMatchObject({
        code: 'BAD_USER_INPUT',
        path: ['input', 'ownerId'],
        reason: 'OWN_RECORDS_ONLY',
      });
    }
    expect(problem(await kontor.gql(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id } }`, { input: { id: ids.anaCo, ownerId: ben.userId } }, ana.token))).toMatchObject({ reason: 'OWN_RECORDS_ONLY' });
  });

  it('is set by owners and admins, never for them, and lifts on the next request', async () => {
    expect(problem(await kontor.gql(SETTINGS, { input: { ownRecordsOnlyRoles: ['AGENT', 'ADMIN'] } }, owner.token))).toMatchObject({ path: ['input', 'ownRecordsOnlyRoles', '1'], reason: 'INVALID' });
    expect(errorCode(await kontor.gql(SETTINGS, { input: { ownRecordsOnlyRoles: [] } }, ana.token))).toBe('FORBIDDEN');
    expect((await gql<{ me: { tenant: { settings: { ownRecordsOnlyRoles: string[] } } } }>(`{ me { tenant { settings { ownRecordsOnlyRoles } } } }`, {}, owner.token)).me.tenant.settings.ownRecordsOnlyRoles).toEqual(['AGENT']);
    await gql(SETTINGS, { input: { ownRecordsOnlyRoles: [] } }, owner.token);
    expect((await names(CUSTOMERS, 'customers', ana.token)).total).toBe(4);
    await gql(SETTINGS, { input: { ownRecordsOnlyRoles: ['AGENT'] } }, owner.token);
    expect((await names(CUSTOMERS, 'customers', ana.token)).total).toBe(2);
    // An API key is the company's own integration: never limited.
    const key = (await gql<{ createApiKey: { secret: string } }>(`mutation { createApiKey(input: { name: "sync", modules: [CRM], access: READ }) { secret } }`, {}, owner.token)).createApiKey.secret;
    expect((await names(CUSTOMERS, 'customers', key)).total).toBe(4);
  });
});
