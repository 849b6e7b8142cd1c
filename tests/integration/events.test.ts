import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signUp, startKontor, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';

function problem(result: GqlResult<unknown>): Record<string, unknown> {
  const extensions = result.errors?.[0]?.extensions ?? {};
  return { code: extensions.code, path: extensions.path, reason: extensions.reason };
}

const EVENT = 'id name kind startsOn endsOn location cost { amount currency } notes registered attended';
const CREATE_EVENT = `mutation($input: CreateMarketingEventInput!) { createMarketingEvent(input: $input) { ${EVENT} } }`;
const ATTEND = `mutation($input: AddEventAttendeesInput!) { addEventAttendees(input: $input) { registered attended } }`;
const CREATE_DEAL = `mutation($input: CreateDealInput!) { createDeal(input: $input) { id source { channel event { id name } } } }`;

/** The year now is in: events "this year" are inside the attribution window of a deal made today. */
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('CRM marketing events and attribution', () => {
  let kontor: Kontor;
  let owner: SignedUp;
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, token = owner.token): Promise<T> => ok(await kontor.gql<T>(query, variables, token));
  const id = async (mutation: string, input: Record<string, unknown>, token = owner.token): Promise<string> => {
    const type = `${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input`;
    const data = await gql<Record<string, { id: string }>>(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input }, token);
    return data[mutation]?.id ?? '';
  };

  beforeAll(async () => {
    kontor = await startKontor({ workers: false });
    owner = await signUp(kontor);
  });
  afterAll(() => kontor.close());

  it('keeps events with their cost, checks them, and lists them newest first', async () => {
    const fair = (await gql<{ createMarketingEvent: Record<string, unknown> }>(CREATE_EVENT, {
      input: { name: ' Food Expo ', kind: 'EXHIBITION', startsOn: daysAgo(30), endsOn: daysAgo(28), location: 'Bucharest', cost: { amount: '1200.50', currency: 'EUR' } },
    })).createMarketingEvent;
    expect(fair).toMatchObject({ name: 'Food Expo', kind: 'EXHIBITION', location: 'Bucharest', cost: { amount: '1200.5', currency: 'EUR' }, registered: 0, attended: 0 });
    await gql(CREATE_EVENT, { input: { name: 'Webinar', kind: 'WEBINAR', startsOn: daysAgo(2) } });
    const refusals: [Record<string, unknown>, unknown[], string][] = [
      [{ name: 'X', kind: 'SEMINAR', startsOn: '2026-05-02', endsOn: '2026-05-01' }, ['input', 'endsOn'], 'INVALID_DATE_RANGE'],
      [{ name: 'X', kind: 'SEMINAR', startsOn: '2026-05-02', cost: { amount: '10.123', currency: 'EUR' } }, ['input', 'cost', 'amount'], 'TOO_MANY_DECIMALS'],
      [{ name: ' ', kind: 'SEMINAR', startsOn: '2026-05-02' }, ['input', 'name'], 'REQUIRED'],
    ];
    for (const [input, path, reason] of refusals) expect(problem(await kontor.gql(CREATE_EVENT, { input }, owner.token)), JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', path, reason });
    const listed = (await gql<{ marketingEvents: { totalCount: number; edges: { node: { name: string } }[] } }>(`{ marketingEvents { totalCount edges { node { name } } } }`)).marketingEvents;
    expect(listed.edges.map((e) => e.node.name)).toEqual(['Webinar', 'Food Expo']);
    const exhibitions = (await gql<{ marketingEvents: { edges: { node: { name: string } }[] } }>(`{ marketingEvents(filter: { kinds: [EXHIBITION], search: "buch" }) { edges { node { name } } } }`)).marketingEvents;
    expect(exhibitions.edges.map((e) => e.node.name)).toEqual(['Food Expo']);
  });

  it('registers people, once each, and shows the events on their cards', async () => {
    const tenant = await signUp(kontor);
    const t = tenant.token;
    const customer = await id('createCustomer', { name: 'Visitor Co' }, t);
    const ana = await id('createContact', { firstName: 'Ana', customerId: customer }, t);
    const ion = await id('createContact', { firstName: 'Ion' }, t);
    const event = await id('createMarketingEvent', { name: 'Seminar', kind: 'SEMINAR', startsOn: daysAgo(10) }, t);
    expect((await gql<{ addEventAttendees: { registered: number; attended: number } }>(ATTEND, { input: { eventId: event, contactIds: [ana, ion, ana], attended: false } }, t)).addEventAttendees).toEqual({ registered: 2, attended: 0 });
    expect((await gql<{ addEventAttendees: { registered: number; attended: number } }>(ATTEND, { input: { eventId: event, contactIds: [ana] } }, t)).addEventAttendees).toEqual({ registered: 2, attended: 1 });
    const people = (await gql<{ marketingEvent: { attendees: { totalCount: number; edges: { node: { contact: { firstName: string }; attended: boolean } }[] } } }>(
      `query($id: ID!) { marketingEvent(id: $id) { attendees { totalCount edges { node { attended contact { firstName } } } } } }`,
      { id: event },
      t,
    )).marketingEvent.attendees;
    expect(people.edges.map((e) => [e.node.contact.firstName, e.node.attended])).toEqual([['Ana', true], ['Ion', false]]);
    const card = (await gql<{ customer: { events: { event: { name: string }; attended: boolean }[] }; contact: { events: { event: { id: string } }[] } }>(
      `query($c: ID!, $p: ID!) { customer(id: $c) { events { attended event { name } } } contact(id: $p) { events { event { id } } } }`,
      { c: customer, p: ion },
      t,
    ));
    expect(card.customer.events).toEqual([{ attended: true, event: { name: 'Seminar' } }]);
    expect(card.contact.events).toEqual([{ event: { id: event } }]);
    // Someone of another company cannot be registered; nothing is written.
    const theirs = await id('createContact', { firstName: 'Theirs' }, owner.token);
    expect(errorCode(await kontor.gql(ATTEND, { input: { eventId: event, contactIds: [theirs] } }, t))).toBe('NOT_FOUND');
    ok(await kontor.gql(`mutation($input: RemoveEventAttendeeInput!) { removeEventAttendee(input: $input) { registered } }`, { input: { eventId: event, contactId: ion } }, t));
    expect(errorCode(await kontor.gql(`mutation($input: RemoveEventAttendeeInput!) { removeEventAttendee(input: $input) { registered } }`, { input: { eventId: event, contactId: ion } }, t))).toBe('NOT_FOUND');
  });

  it('credits a new deal to the event its person came to, reports it against the cost, and forgets it with the event', async () => {
    const tenant = await signUp(kontor);
    const t = tenant.token;
    const customer = await id('createCustomer', { name: 'Expo Lead SRL', source: { channel: 'EVENT' } }, t);
    const ana = await id('createContact', { firstName: 'Ana', customerId: customer }, t);
    const expo = await id('createMarketingEvent', { name: 'Expo', kind: 'EXHIBITION', startsOn: daysAgo(20), cost: { amount: '1000', currency: 'EUR' } }, t);
    const older = await id('createMarketingEvent', { name: 'Older fair', kind: 'EXHIBITION', startsOn: daysAgo(200) }, t);
    const future = await id('createMarketingEvent', { name: 'Next fair', kind: 'EXHIBITION', startsOn: daysAgo(-30) }, t);
    for (const event of [expo, older, future]) await gql(ATTEND, { input: { eventId: event, contactIds: [ana] } }, t);

    const credited = (await gql<{ createDeal: { id: string; source: { channel: string; event: { id: string; name: string } | null } } }>(CREATE_DEAL, { input: { title: 'From the expo', customerId: customer, contactId: ana, amount: { amount: '2500', currency: 'EUR' } } }, t)).createDeal;
    expect(credited.source).toEqual({ channel: 'EVENT', event: { id: expo, name: 'Expo' } });
    const explicit = (await gql<{ createDeal: { source: { channel: string | null; event: unknown } } }>(CREATE_DEAL, { input: { title: 'Referral', customerId: customer, source: { channel: 'REFERRAL' } } }, t)).createDeal;
    expect(explicit.source).toEqual({ channel: 'REFERRAL', event: null });
    const stranger = await signUp(kontor);
    const theirEvent = await id('createMarketingEvent', { name: 'Theirs', kind: 'OTHER', startsOn: today }, stranger.token);
    expect(errorCode(await kontor.gql(CREATE_DEAL, { input: { title: 'X', customerId: customer, source: { eventId: theirEvent } } }, t))).toBe('NOT_FOUND');

    ok(await kontor.gql(`mutation($input: CloseDealInput!) { closeDeal(input: $input) { id } }`, { input: { id: credited.id, won: true } }, t));
    const filter = { from: new Date(Date.now() - 365 * 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const report = (await gql<{ eventPerformance: { event: { name: string }; registered: number; attended: number; deals: number; won: number; wonAmount: { amount: string }[]; returnOnCost: string | null }[] }>(
      `query($filter: ReportFilter!) { eventPerformance(filter: $filter) { event { name } registered attended deals won wonAmount { amount } returnOnCost } }`,
      { filter },
      t,
    )).eventPerformance;
    expect(report).toEqual([
      { event: { name: 'Older fair' }, registered: 1, attended: 1, deals: 0, won: 0, wonAmount: [], returnOnCost: null },
      { event: { name: 'Expo' }, registered: 1, attended: 1, deals: 1, won: 1, wonAmount: [{ amount: '2500' }], returnOnCost: '2.5' },
    ]);
    const sources = (await gql<{ dealsBySource: { event: { name: string } | null; created: number }[] }>(`query($filter: ReportFilter!) { dealsBySource(filter: $filter) { event { name } created } }`, { filter }, t)).dealsBySource;
    expect(sources).toEqual(expect.arrayContaining([{ event: { name: 'Expo' }, created: 1 }, { event: null, created: 1 }]));
    // Every report narrows to an event's deals.
    const pipeline = (await gql<{ pipelines: { id: string }[] }>(`{ pipelines { id } }`, {}, t)).pipelines[0]?.id;
    const funnel = (await gql<{ salesFunnel: { created: number; won: number } }>(`query($filter: ReportFilter!) { salesFunnel(filter: $filter) { created won } }`, { filter: { ...filter, pipelineId: pipeline, eventIds: [expo] } }, t)).salesFunnel;
    expect(funnel).toEqual({ created: 1, won: 1 });

    ok(await kontor.gql(`mutation($input: DeleteMarketingEventInput!) { deleteMarketingEvent(input: $input) }`, { input: { id: expo } }, t));
    const after = (await gql<{ deal: { title: string; source: { channel: string; event: unknown } } }>(`query($id: ID!) { deal(id: $id) { title source { channel event { id } } } }`, { id: credited.id }, t)).deal;
    expect(after).toEqual({ title: 'From the expo', source: { channel: 'EVENT', event: null } });
  });

  it('keeps custom fields on deals: validated, filterable and sortable', async () => {
    const tenant = await signUp(kontor);
    const t = tenant.token;
    await gql(`mutation { createCustomField(input: { entity: DEAL, key: "licences", label: "Licences", type: NUMBER }) { id } }`, {}, t);
    const customer = await id('createCustomer', { name: 'Seats Co' }, t);
    const make = (title: string, licences: string | null) =>
      gql<{ createDeal: { customFields: { key: string; number: string }[] } }>(
        `mutation($input: CreateDealInput!) { createDeal(input: $input) { customFields { key number } } }`,
        { input: { title, customerId: customer, customFields: licences === null ? [] : [{ key: 'licences', number: licences }] } },
        t,
      );
    expect((await make('Ten seats', '10')).createDeal.customFields).toEqual([{ key: 'licences', number: '10' }]);
    await make('Fifty seats', '50');
    await make('No count', null);
    expect(problem(await kontor.gql(`mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }`, { input: { title: 'Bad', customerId: customer, customFields: [{ key: 'licences', number: '2.5' }] } }, t))).toMatchObject({
      path: ['input', 'customFields', '0', 'number'],
      reason: 'INVALID',
    });
    const titles = async (variables: Record<string, unknown>) =>
      (await gql<{ deals: { edges: { node: { title: string } }[] } }>(`query($filter: DealFilter, $orderBy: DealOrder) { deals(filter: $filter, orderBy: $orderBy) { edges { node { title } } } }`, variables, t)).deals.edges.map((e) => e.node.title);
    expect(await titles({ filter: { customFields: [{ key: 'licences', min: '20' }] } })).toEqual(['Fifty seats']);
    expect(await titles({ orderBy: { field: 'CUSTOM_FIELD', customFieldKey: 'licences', direction: 'ASC' } })).toEqual(['Ten seats', 'Fifty seats', 'No count']);
  });
});
