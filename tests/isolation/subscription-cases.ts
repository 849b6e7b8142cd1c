/**
 * Tenant isolation rows of marketing's subscription lists and their members (see isolation-cases.ts
 * for the shapes). The public side (form, confirmation, unsubscribe links, SMS STOP) names its
 * company through signed or secret tokens, not a principal: subscriptions.test.ts aims those at
 * another company.
 */
import { ok, type Kontor } from '../support/harness.js';
import { arr, ref, str, tracesOf, type IsolationCase, type ListView } from './isolation-cases.js';

const LIST_FIELDS = `id name description doubleOptIn formUrl memberCount subscribedCount pendingCount`;
const MEMBER_FIELDS = `id status source joinedAt contact { id lastName email }`;

async function created(kontor: Kontor, token: string, mutation: string, input: Record<string, unknown>, select = 'id', type = `${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input`): Promise<unknown> {
  return ok(await kontor.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { ${select} } }`, { input }, token))[mutation];
}

function lists(data: unknown): ListView {
  return { ids: arr(data, 'subscriptionLists').map((list) => str(list, 'id')) };
}

export const subscriptionListCase: IsolationCase = {
  entity: 'SubscriptionList',
  modules: ['CRM', 'MARKETING'],
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const list = await created(kontor, token, 'createSubscriptionList', { name: `List ${marker}`, description: `About ${marker}` }, 'id formUrl');
    const id = str(list, 'id');
    const formToken = str(list, 'formUrl').slice(-32);
    const contactId = str(await created(kontor, token, 'createContact', { firstName: 'Member', lastName: marker, email: `${marker}@example.test` }), 'id');
    await created(kontor, token, 'addListMembers', { listId: id, contactIds: [contactId] }, 'added', 'ListMembersInput');
    const page = ok(await kontor.gql(`query($id: ID!) { listMembers(listId: $id) { edges { node { id } } } }`, { id }, token));
    const memberId = str(page, 'listMembers', 'edges', 0, 'node', 'id');
    return { id, marker, listed: [id], refs: { contactId, memberId }, traces: tracesOf([marker, formToken], [id, contactId, memberId]) };
  },
  async snapshot({ kontor }, tenant, seed) {
    return ok(
      await kontor.gql(`query($id: ID!) { subscriptionList(id: $id) { ${LIST_FIELDS} } listMembers(listId: $id) { totalCount edges { node { ${MEMBER_FIELDS} } } } }`, { id: seed.id }, tenant.owner.token),
    );
  },
  fetch: {
    needs: 'MARKETING:read',
    query: `query($id: ID!) { subscriptionList(id: $id) { ${LIST_FIELDS} } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'MARKETING:read',
    query: `{ subscriptionLists { ${LIST_FIELDS} } }`,
    variables: () => ({}),
    searchable: false,
    read: lists,
  },
  update: {
    needs: 'MARKETING:write',
    query: `mutation($input: UpdateSubscriptionListInput!) { updateSubscriptionList(input: $input) { ${LIST_FIELDS} } }`,
    variables: (target) => ({ input: { id: target.id, name: `Hijacked ${target.marker}`, doubleOptIn: false, newFormAddress: true } }),
  },
  remove: {
    needs: 'MARKETING:write',
    query: `mutation($input: DeleteSubscriptionListInput!) { deleteSubscriptionList(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [
    {
      name: "reads A's list's members (listMembers listId)",
      needs: 'MARKETING:read',
      query: `query($id: ID!) { listMembers(listId: $id) { totalCount edges { node { ${MEMBER_FIELDS} } } } }`,
      variables: (target) => ({ id: target.id }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "pages A's list's members with a status filter (listMembers filter)",
      needs: 'MARKETING:read',
      query: `query($id: ID!) { listMembers(listId: $id, first: 1, filter: { status: SUBSCRIBED }) { totalCount pageInfo { endCursor } edges { node { id } } } }`,
      variables: (target) => ({ id: target.id }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "puts its own person on A's list (addListMembers listId)",
      needs: 'MARKETING:write',
      query: `mutation($input: ListMembersInput!) { addListMembers(input: $input) { added list { id memberCount } } }`,
      variables: (target, w) => ({ input: { listId: target.id, contactIds: [ref(w.seedB, 'contactId')] } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "puts A's person on its own list (addListMembers contactIds)",
      needs: 'MARKETING:write',
      query: `mutation($input: ListMembersInput!) { addListMembers(input: $input) { added alreadySubscribed list { id memberCount } } }`,
      variables: (target, w) => ({ input: { listId: w.seedB.id, contactIds: [ref(target, 'contactId')] } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "takes A's person off A's list (removeListMembers)",
      needs: 'MARKETING:write',
      query: `mutation($input: ListMembersInput!) { removeListMembers(input: $input) { removed list { id memberCount } } }`,
      variables: (target) => ({ input: { listId: target.id, contactIds: [ref(target, 'contactId')] } }),
      expect: { kind: 'NOT_FOUND' },
      // Taking B's own member off would change B's seed for the next run.
      control: false,
    },
    {
      name: "takes A's person off its own list (removeListMembers contactIds)",
      needs: 'MARKETING:write',
      query: `mutation($input: ListMembersInput!) { removeListMembers(input: $input) { removed } }`,
      variables: (target, w) => ({ input: { listId: w.seedB.id, contactIds: [ref(target, 'contactId')] } }),
      expect: { kind: 'NOT_FOUND' },
      control: false,
    },
  ],
};
