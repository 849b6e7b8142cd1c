/**
 * Isolation rows of marketing events and their attendance (see isolation-cases.ts for the shapes).
 */
import { ok, type Kontor } from '../support/harness.js';
import { arr, ref, str, tracesOf, type IsolationCase, type ListView } from './isolation-cases.js';

const EVENT_FIELDS = `id name kind startsOn endsOn location cost { amount currency } notes registered attended`;

async function created(kontor: Kontor, token: string, mutation: string, input: Record<string, unknown>): Promise<string> {
  const type = `${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input`;
  return str(ok(await kontor.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input }, token)), mutation, 'id');
}

function events(data: unknown): ListView {
  return { ids: arr(data, 'marketingEvents', 'edges').map((edge) => str(edge, 'node', 'id')) };
}

export const marketingEventCase: IsolationCase = {
  entity: 'MarketingEvent',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const customerId = await created(kontor, token, 'createCustomer', { name: `Visitor ${marker}` });
    const contactId = await created(kontor, token, 'createContact', { firstName: 'Guest', lastName: marker, customerId });
    const id = await created(kontor, token, 'createMarketingEvent', { name: `Fair ${marker}`, kind: 'EXHIBITION', startsOn: '2026-04-01', location: `Hall ${marker}`, cost: { amount: '500', currency: 'EUR' } });
    ok(await kontor.gql(`mutation($input: AddEventAttendeesInput!) { addEventAttendees(input: $input) { registered } }`, { input: { eventId: id, contactIds: [contactId] } }, token));
    const dealId = await created(kontor, token, 'createDeal', { title: `Deal ${marker}`, customerId, source: { eventId: id } });
    ok(await kontor.gql(`mutation($input: CloseDealInput!) { closeDeal(input: $input) { id } }`, { input: { id: dealId, won: false, reason: `Lost ${marker}` } }, token));
    const pipelineId = str(ok(await kontor.gql(`query($id: ID!) { deal(id: $id) { pipeline { id } } }`, { id: dealId }, token)), 'deal', 'pipeline', 'id');
    return { id, marker, listed: [id], refs: { contactId, customerId, dealId, pipelineId }, traces: tracesOf([marker], [id, contactId, customerId, dealId]) };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    const event = ok(await kontor.gql(`query($id: ID!) { marketingEvent(id: $id) { ${EVENT_FIELDS} attendees { totalCount edges { node { attended contact { id } } } } } }`, { id: seed.id }, token));
    const guest = ok(await kontor.gql(`query($id: ID!) { contact(id: $id) { events { attended event { id name } } } }`, { id: ref(seed, 'contactId') }, token));
    const deal = ok(await kontor.gql(`query($id: ID!) { deal(id: $id) { source { event { id name } } } }`, { id: ref(seed, 'dealId') }, token));
    return { event, guest, deal };
  },
  fetch: {
    needs: 'CRM:read',
    query: `query($id: ID!) { marketingEvent(id: $id) { ${EVENT_FIELDS} } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'CRM:read',
    query: `query($filter: MarketingEventFilter) { marketingEvents(filter: $filter, first: 200) { edges { cursor node { ${EVENT_FIELDS} } } } }`,
    variables: (search) => (search === null ? {} : { filter: { search } }),
    searchable: true,
    read: events,
  },
  update: {
    needs: 'CRM:write',
    query: `mutation($input: UpdateMarketingEventInput!) { updateMarketingEvent(input: $input) { ${EVENT_FIELDS} } }`,
    variables: (target) => ({ input: { id: target.id, name: 'Hijacked', cost: null } }),
  },
  remove: {
    needs: 'CRM:write',
    query: `mutation($input: DeleteMarketingEventInput!) { deleteMarketingEvent(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [
    {
      name: "reads A's event's attendees (marketingEvent(id:) { attendees })",
      needs: 'CRM:read',
      query: `query($id: ID!) { marketingEvent(id: $id) { attendees { totalCount edges { node { contact { id lastName } } } } } }`,
      variables: (target) => ({ id: target.id }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: 'registers its own person at A\'s event (addEventAttendees eventId)',
      needs: 'CRM:write',
      query: `mutation($input: AddEventAttendeesInput!) { addEventAttendees(input: $input) { registered } }`,
      variables: (target, w) => ({ input: { eventId: target.id, contactIds: [ref(w.seedB, 'contactId')] } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "registers A's person at its own event (addEventAttendees contactIds)",
      needs: 'CRM:write',
      query: `mutation($input: AddEventAttendeesInput!) { addEventAttendees(input: $input) { registered } }`,
      variables: (target, w) => ({ input: { eventId: w.seedB.id, contactIds: [ref(target, 'contactId')] } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "removes A's person from A's event (removeEventAttendee)",
      needs: 'CRM:write',
      query: `mutation($input: RemoveEventAttendeeInput!) { removeEventAttendee(input: $input) { registered } }`,
      variables: (target) => ({ input: { eventId: target.id, contactId: ref(target, 'contactId') } }),
      expect: { kind: 'NOT_FOUND' },
      // Removing B's own attendance would change B's seed for the next principal's run.
      control: false,
    },
    {
      name: "credits its own deal to A's event (createDeal source.eventId)",
      needs: 'CRM:write',
      query: `mutation($input: CreateDealInput!) { createDeal(input: $input) { id source { event { id name } } } }`,
      variables: (target, w) => ({ input: { title: 'Spy deal', customerId: ref(w.seedB, 'customerId'), source: { eventId: target.id } } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "narrows a report to A's event (dealsBySource(filter: { eventIds }))",
      needs: 'CRM:read',
      query: `query($ids: [ID!]) { dealsBySource(filter: { from: "2026-01-01T00:00:00Z", to: "2027-12-31T00:00:00Z", eventIds: $ids }) { created event { id name } } }`,
      variables: (target) => ({ ids: [target.id] }),
      expect: { kind: 'COUNT', read: (data) => arr(data, 'dealsBySource').length, theirs: () => 0, own: () => 1 },
    },
    {
      name: "reads the funnel of A's pipeline (salesFunnel(filter: { pipelineId }))",
      needs: 'CRM:read',
      query: `query($id: ID) { salesFunnel(filter: { from: "2025-06-01T00:00:00Z", to: "2027-12-31T00:00:00Z", pipelineId: $id }) { created lost stages { reached } } }`,
      variables: (target) => ({ id: ref(target, 'pipelineId') }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "narrows won and lost to A's pipeline (wonLostReport(filter: { pipelineId }))",
      needs: 'CRM:read',
      query: `query($id: ID) { wonLostReport(filter: { from: "2025-06-01T00:00:00Z", to: "2027-12-31T00:00:00Z", pipelineId: $id }) { stages { stageName lost } lostReasons { reason count } } }`,
      variables: (target) => ({ id: ref(target, 'pipelineId') }),
      expect: { kind: 'COUNT', read: (data) => arr(data, 'wonLostReport', 'lostReasons').length, theirs: () => 0, own: () => 1 },
    },
    {
      name: 'counts activity and deals per member (managerPerformance): only its own members and deals',
      needs: 'CRM:read',
      query: `query($ids: [ID!]) { managerPerformance(filter: { from: "2025-06-01T00:00:00Z", to: "2027-12-31T00:00:00Z", eventIds: $ids }) { manager { id email } dealsCreated lost } }`,
      variables: (target) => ({ ids: [target.id] }),
      expect: { kind: 'COUNT', read: (data) => arr(data, 'managerPerformance').reduce<number>((n, row) => n + Number((row as { lost: number }).lost), 0), theirs: () => 0, own: () => 1 },
    },
    {
      name: 'lists the tags in use (crmTags): only its own',
      needs: 'CRM:read',
      query: `{ crmTags }`,
      variables: () => ({}),
      expect: { kind: 'COUNT', read: (data) => arr(data, 'crmTags').length, theirs: () => 0, own: () => 0 },
    },
    {
      name: 'finds duplicates (contactDuplicates, customerDuplicates): only its own',
      needs: 'CRM:read',
      query: `{ contactDuplicates { value contacts { id } } customerDuplicates { value customers { id } } }`,
      variables: () => ({}),
      expect: { kind: 'COUNT', read: (data) => arr(data, 'contactDuplicates').length + arr(data, 'customerDuplicates').length, theirs: () => 0, own: () => 0 },
    },
  ],
};
