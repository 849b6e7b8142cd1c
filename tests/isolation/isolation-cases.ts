/**
 * The table of tenant isolation cases. Every tenant-owned entity reachable through GraphQL has one
 * row here; a module that adds an entity adds a row (and `entities.test.ts` runs it unchanged).
 *
 * A case knows how to create records in a tenant, and which operations may reach one record by id
 * (fetch, update, delete), list and filter records, or reference a record from another entity
 * (probes); operations on the caller's own account that name no record (self) must change only the
 * caller's. The test runs each operation as tenant B aimed at tenant A's records and expects
 * NOT_FOUND or an empty list; it also runs the same operations aimed at B's own records, so a
 * refusal can only come from isolation, never from a mistyped query or an id of the wrong type.
 */
import { sendTaskReminder } from '../../api/src/crm/task-reminder.service.js';
import type { Permission } from '../../api/src/platform/auth/permissions.js';
import { ok, PASSWORD, signUp, uniqueEmail, type Kontor, type SignedUp } from '../support/harness.js';

// ---------------------------------------------------------------------------------------------
// Shapes

/**
 * What an operation requires of its caller: a permission, being signed in, being a person (not an
 * API key), or being a signed-in person acting on their own account (sessions, profile).
 */
export type Need = Permission | 'authenticated' | 'person' | 'session';

/**
 * How an operation answers a principal that may not use it at all: FORBIDDEN, except the operations
 * on a person's own account, which answer an API key UNAUTHENTICATED as changePassword and
 * logOutEverywhere do (a key is not a signed-in person).
 */
export function refusalOf(need: Need): 'FORBIDDEN' | 'UNAUTHENTICATED' {
  return need === 'session' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
}

export interface IsolationEnv {
  kontor: Kontor;
  /** The text of the first email sent to `to` (waits for the mailing worker). */
  mailTo(to: string): Promise<string>;
}

/** One tenant of the test: its owner, and an API key of the tenant used as a second principal. */
export interface TenantFixture {
  label: string;
  owner: SignedUp;
  /** Raw database ids, for traces. */
  tenantUuid: string;
  key: { id: string; token: string; modules: string[] };
}

/** Records a case created in one tenant. */
export interface Seed {
  /** Global id of the record the operations aim at. */
  id: string;
  /** Distinctive text inside the record, found by the list's search. */
  marker: string;
  /** Global ids the case's list query shows in this tenant (exactly, and nothing else). */
  listed: string[];
  /** Related ids and tokens: the record's company, a cursor, a session of a member, ... */
  refs: Record<string, string>;
  /** Strings that must never appear in another tenant's responses (ids raw and global, texts). */
  traces: string[];
}

export interface World {
  env: IsolationEnv;
  a: TenantFixture;
  b: TenantFixture;
  /** The record of A that B aims at. */
  seedA: Seed;
  /** B's own record: target of the control runs. */
  seedB: Seed;
}

/** An operation aimed at one record: as B at A's record it must answer NOT_FOUND. */
export interface Operation {
  needs: Need;
  query: string;
  /** Variables aimed at `target`: A's seed when B attacks, B's own seed in the control run. */
  variables(target: Seed, w: World): Record<string, unknown>;
}

/** What a list query returned: record ids in order, and the total count when the list has one. */
export interface ListView {
  ids: string[];
  totalCount?: number;
}

export interface ListOperation {
  needs: Need;
  query: string;
  /** Variables without a filter, or searching for `search`; null when the list cannot filter. */
  variables(search: string | null): Record<string, unknown>;
  searchable: boolean;
  read(data: unknown): ListView;
}

/**
 * A reference or nested path. `NOT_FOUND`: B aiming at A must be refused. `LIST`: B aiming at A
 * must get an empty list (totalCount 0 when read); aiming at B's own records, exactly `own(seedB)`.
 * `COUNT`: a number that must count or change none of A's records: an aggregate (B's own figure
 * either way) or a mutation answering how many records it changed (0 when aimed at A); `theirs`
 * is what B aiming at A must read, `own` what B aiming at its own records must read.
 */
export type ProbeExpectation =
  | { kind: 'NOT_FOUND' }
  | { kind: 'LIST'; read(data: unknown): ListView; own(seedB: Seed): string[] }
  | { kind: 'COUNT'; read(data: unknown): number; theirs(seedB: Seed): number; own(seedB: Seed): number };

export interface Probe extends Operation {
  name: string;
  expect: ProbeExpectation;
  /** Whether the same probe aimed at B's own records succeeds (default true); false when B's own target cannot accept it. */
  control?: boolean;
  /**
   * A NOT_FOUND probe whose service checks the reference as an input field: B aiming at A is refused
   * BAD_USER_INPUT naming exactly that field (the answer an id that never existed gets), not NOT_FOUND.
   */
  refusal?: { code: 'BAD_USER_INPUT'; path: string[] };
}

/**
 * An operation on the caller's own account that names no record (updateProfile): B cannot aim it at
 * A at all. It must change B's own record (`changed` reads which) and leave A's snapshot as it was.
 */
export interface SelfOperation {
  name: string;
  needs: Need;
  query: string;
  variables(w: World): Record<string, unknown>;
  /** Global id of the record the operation changed, read from its answer. */
  changed(data: unknown): string;
  /** The record it must have changed: B's own. */
  own(w: World): string;
}

/**
 * A public HTTP route (a signed link, a provider's webhook) aimed at A's records from B's side: B's
 * own link, token or callback rewritten to name A's records. It must answer `status` without a trace
 * of A, and change nothing of A (the snapshot tells). Run once: no principal signs these requests.
 */
export interface HttpProbe {
  name: string;
  /** Sends the request aimed at `target`: A's seed in the attack, B's own in the control. */
  send(target: Seed, w: World): Promise<Response>;
  /** What B gets aimed at A. */
  status: number;
  /** Aimed at B's own records (the control): what must follow; absent, no control runs. */
  control?(response: Response, w: World): Promise<void>;
}

export interface IsolationCase {
  entity: string;
  /** Modules the tenants need switched on (default: the sign-up default, CRM). */
  modules?: string[];
  create(env: IsolationEnv, tenant: TenantFixture, marker: string): Promise<Seed>;
  /** The record as its own tenant sees it; compared before and after B's attempts. */
  snapshot(env: IsolationEnv, tenant: TenantFixture, seed: Seed): Promise<unknown>;
  fetch?: Operation;
  list: ListOperation;
  update?: Operation;
  remove?: Operation;
  probes: Probe[];
  self?: SelfOperation[];
  /** Public routes (no principal) that name records by a token or an address. */
  http?: HttpProbe[];
}

/** Who acts for tenant B. */
export interface Principal {
  label: string;
  token(tenant: TenantFixture): string;
  permits(need: Need, tenant: TenantFixture): boolean;
}

export const principals: Principal[] = [
  { label: "the owner's session", token: (t) => t.owner.token, permits: () => true },
  {
    label: 'a READ_WRITE API key',
    token: (t) => t.key.token,
    // Keys carry `<MODULE>:read|write` for their modules and nothing of the platform (people, keys, settings).
    permits: (need, t) => need === 'authenticated' || t.key.modules.some((m) => need === `${m}:read` || need === `${m}:write`),
  },
];

// ---------------------------------------------------------------------------------------------
// Reading untyped GraphQL data without `any`

/** The value at `path` inside `value`; fails with the path when the shape is not what was asked. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(current)) throw new Error(`expected an array at ${path.join('.')}, got ${JSON.stringify(current)}`);
      current = current[step];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) throw new Error(`expected an object at ${path.join('.')}, got ${JSON.stringify(current)}`);
      current = (current as Record<string, unknown>)[step];
    }
  }
  return current;
}

export function str(value: unknown, ...path: (string | number)[]): string {
  const found = at(value, ...path);
  if (typeof found !== 'string') throw new Error(`expected a string at ${path.join('.')}, got ${JSON.stringify(found)}`);
  return found;
}

export function num(value: unknown, ...path: (string | number)[]): number {
  const found = at(value, ...path);
  if (typeof found !== 'number') throw new Error(`expected a number at ${path.join('.')}, got ${JSON.stringify(found)}`);
  return found;
}

export function arr(value: unknown, ...path: (string | number)[]): unknown[] {
  const found = at(value, ...path);
  if (!Array.isArray(found)) throw new Error(`expected an array at ${path.join('.')}, got ${JSON.stringify(found)}`);
  return found;
}

/** A connection's node ids and totalCount (when selected). */
function connection(data: unknown, field: string, withCount = true): ListView {
  const ids = arr(data, field, 'edges').map((edge) => str(edge, 'node', 'id'));
  return withCount ? { ids, totalCount: num(data, field, 'totalCount') } : { ids };
}

// ---------------------------------------------------------------------------------------------
// Ids

/** The database uuid inside an opaque GraphQL id (base64url of `<Type>:<uuid>`). */
export function uuidOf(globalId: string, type?: string): string {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^(\w+):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(decoded);
  if (!match?.[1] || !match[2]) throw new Error(`not a global id: ${globalId}`);
  if (type && match[1] !== type) throw new Error(`expected a ${type} id, got ${match[1]}`);
  return match[2];
}

/** A related id or token of a seed; fails loudly when the case did not record it. */
export function ref(seed: Seed, name: string): string {
  const value = seed.refs[name];
  if (value === undefined) throw new Error(`seed ${seed.id} has no ref ${name}`);
  return value;
}

/** A record's traces: its distinctive text, and each id both opaque and raw. */
export function tracesOf(texts: string[], globalIds: string[]): string[] {
  return [...texts, ...globalIds, ...globalIds.map((id) => uuidOf(id))];
}

// ---------------------------------------------------------------------------------------------
// Fixtures

const CREATE_API_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }`;

/** Signs up a tenant and gives it an API key with read and write access to its modules. */
export async function setUpTenant(env: IsolationEnv, label: string, modules?: string[]): Promise<TenantFixture> {
  const owner = await signUp(env.kontor, { companyName: `Tenant ${label}`, email: uniqueEmail(`owner-${label.toLowerCase()}`), ...(modules ? { modules } : {}) });
  const keyModules = modules ?? ['CRM'];
  const created = ok(
    await env.kontor.gql(CREATE_API_KEY, { input: { name: `isolation probe ${label}`, modules: keyModules, access: 'READ_WRITE' } }, owner.token),
  );
  return {
    label,
    owner,
    tenantUuid: uuidOf(owner.tenantId, 'Tenant'),
    key: { id: str(created, 'createApiKey', 'apiKey', 'id'), token: str(created, 'createApiKey', 'secret'), modules: keyModules },
  };
}

/** Everything of a tenant fixture that must never show up in another tenant's responses. */
export function tenantTraces(t: TenantFixture): string[] {
  return [...tracesOf([t.owner.email, t.key.token], [t.owner.tenantId, t.owner.userId, t.key.id])];
}

// ---------------------------------------------------------------------------------------------
// CRM

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;
const UPDATE_CONTACT = `mutation($input: UpdateContactInput!) { updateContact(input: $input) { id firstName lastName customer { id name } position { id name } } }`;
const CONTACT_SNAPSHOT = `query($id: ID!) { contact(id: $id) {
  id firstName lastName fullName email phone createdAt updatedAt emailConsent smsConsent tags
  emails { address type } phones { number type } address { country city postalCode line1 }
  customer { id name } position { id name decisionMaker } consentHistory { channel status source occurredAt }
} }`;
const CUSTOMER_FIELDS = `id kind name lifecycleStage domain email phone tags createdAt updatedAt owner { id email }
  address { country region city postalCode line1 line2 } source { channel utmSource utmMedium utmCampaign referredBy { id name } }`;

async function createCustomer(kontor: Kontor, token: string, input: Record<string, unknown>): Promise<string> {
  return str(ok(await kontor.gql(CREATE_CUSTOMER, { input }, token)), 'createCustomer', 'id');
}

async function createContact(kontor: Kontor, token: string, input: Record<string, unknown>): Promise<string> {
  return str(ok(await kontor.gql(CREATE_CONTACT, { input }, token)), 'createContact', 'id');
}

async function createPosition(kontor: Kontor, token: string, name: string): Promise<string> {
  return str(ok(await kontor.gql(`mutation($input: CreatePositionInput!) { createPosition(input: $input) { id } }`, { input: { name } }, token)), 'createPosition', 'id');
}

const contactCase: IsolationCase = {
  entity: 'Contact',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const customerId = await createCustomer(kontor, token, { name: `Employer ${marker}` });
    const positionId = await createPosition(kontor, token, `Buyer ${marker}`);
    const id = await createContact(kontor, token, {
      firstName: 'Ana',
      lastName: marker,
      emails: [{ address: `${marker}@example.test`, type: 'WORK' }, { address: `${marker}.home@example.test`, type: 'HOME' }],
      phone: '+40721234567',
      positionId,
      customerId,
      tags: [`tag-${marker}`],
      address: { country: 'RO', city: 'Cluj-Napoca', postalCode: '400001', line1: `Strada ${marker} 1` },
      emailConsent: 'GRANTED',
      consentSource: `form ${marker}`,
    });
    // Created after the seed, so it comes first in the default order (newest first).
    const colleagueId = await createContact(kontor, token, { firstName: 'Ion', lastName: `${marker} Colleague`, customerId });
    const first = ok(await kontor.gql(`{ contacts(first: 1) { edges { cursor node { id } } } }`, {}, token));
    if (str(first, 'contacts', 'edges', 0, 'node', 'id') !== colleagueId) throw new Error('the newest contact should come first');
    return {
      id,
      marker,
      listed: [colleagueId, id],
      refs: { customerId, positionId, colleagueId, cursor: str(first, 'contacts', 'edges', 0, 'cursor') },
      traces: tracesOf([marker], [id, colleagueId, customerId, positionId]),
    };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    const seedView = ok(await kontor.gql(CONTACT_SNAPSHOT, { id: seed.id }, token));
    const colleague = ok(await kontor.gql(CONTACT_SNAPSHOT, { id: ref(seed, 'colleagueId') }, token));
    const list = ok(await kontor.gql(`{ contacts { totalCount edges { node { id } } } }`, {}, token));
    return { seedView, colleague, list };
  },
  fetch: {
    needs: 'CRM:read',
    query: `query($id: ID!) { contact(id: $id) { id firstName lastName email emails { address } customer { id name } consentHistory { source } } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'CRM:read',
    query: `query($filter: ContactFilter) { contacts(filter: $filter, first: 200) { totalCount edges { cursor node { id firstName lastName email } } } }`,
    variables: (search) => (search === null ? {} : { filter: { search } }),
    searchable: true,
    read: (data) => connection(data, 'contacts'),
  },
  update: {
    needs: 'CRM:write',
    query: UPDATE_CONTACT,
    variables: (target) => ({ input: { id: target.id, firstName: 'Hijacked', lastName: null, emails: [], tags: [] } }),
  },
  remove: {
    needs: 'CRM:write',
    query: `mutation($input: DeleteContactInput!) { deleteContact(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [
    {
      name: "changes the consent of A's contact (setContactConsent)",
      needs: 'CRM:write',
      query: `mutation($input: SetContactConsentInput!) { setContactConsent(input: $input) { id emailConsent } }`,
      variables: (target) => ({ input: { contactId: target.id, channel: 'EMAIL', status: 'DENIED', source: 'probe' } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "creates a contact of A's customer (createContact customerId)",
      needs: 'CRM:write',
      query: `mutation($input: CreateContactInput!) { createContact(input: $input) { id customer { id name } } }`,
      variables: (target) => ({ input: { firstName: 'Spy', customerId: ref(target, 'customerId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "gives its own contact A's position (updateContact positionId)",
      needs: 'CRM:write',
      query: UPDATE_CONTACT,
      variables: (target, w) => ({ input: { id: w.seedB.id, positionId: ref(target, 'positionId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "moves its own contact to A's customer (updateContact customerId)",
      needs: 'CRM:write',
      query: UPDATE_CONTACT,
      variables: (target, w) => ({ input: { id: w.seedB.id, customerId: ref(target, 'customerId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "passes A's cursor to contacts(after:)",
      needs: 'CRM:read',
      query: `query($after: String) { contacts(after: $after, first: 200) { edges { node { id firstName lastName } } } }`,
      variables: (target) => ({ after: ref(target, 'cursor') }),
      // After the newest contact come the older ones: A's seed for A, B's seed for B.
      expect: { kind: 'LIST', read: (data) => connection(data, 'contacts', false), own: (seedB) => [seedB.id] },
    },
    {
      name: "filters contacts by A's customer (contacts(filter: { customerId }))",
      needs: 'CRM:read',
      query: `query($customerId: ID) { contacts(filter: { customerId: $customerId }, first: 200) { totalCount edges { node { id lastName } } } }`,
      variables: (target) => ({ customerId: ref(target, 'customerId') }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'contacts'), own: (seedB) => seedB.listed },
    },
    {
      name: "filters contacts by A's position (contacts(filter: { positionId }))",
      needs: 'CRM:read',
      query: `query($positionId: ID) { contacts(filter: { positionId: $positionId }, first: 200) { totalCount edges { node { id lastName } } } }`,
      variables: (target) => ({ positionId: ref(target, 'positionId') }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'contacts'), own: (seedB) => [seedB.id] },
    },
    {
      name: "filters contacts by the second email of A's contact",
      needs: 'CRM:read',
      query: `query($email: EmailAddress) { contacts(filter: { email: $email }, first: 200) { totalCount edges { node { id email } } } }`,
      variables: (target) => ({ email: `${target.marker}.home@example.test` }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'contacts'), own: (seedB) => [seedB.id] },
    },
    {
      name: "filters contacts by the tag of A's contact",
      needs: 'CRM:read',
      query: `query($tag: String!) { contacts(filter: { tags: [$tag] }, first: 200) { totalCount edges { node { id tags } } } }`,
      variables: (target) => ({ tag: `tag-${target.marker}` }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'contacts'), own: (seedB) => [seedB.id] },
    },
  ],
};

const customerCase: IsolationCase = {
  entity: 'Customer',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const referrerId = await createCustomer(kontor, token, { name: `Referrer ${marker}` });
    const id = await createCustomer(kontor, token, {
      name: `Firm ${marker}`,
      domain: `${marker}.example.com`,
      email: `office@${marker}.example.com`,
      phone: '+40212345678',
      lifecycleStage: 'PROSPECT',
      tags: [`tag-${marker}`],
      address: { country: 'NO', city: 'Oslo', postalCode: '0150', line1: `Gate ${marker}` },
      source: { channel: 'REFERRAL', utmCampaign: `camp-${marker}`, referredById: referrerId },
    });
    const contactId = await createContact(kontor, token, { firstName: 'Staff', lastName: marker, customerId: id });
    return { id, marker, listed: [id, referrerId], refs: { contactId, referrerId }, traces: tracesOf([marker], [id, contactId, referrerId]) };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    const customer = ok(await kontor.gql(`query($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} contacts { totalCount edges { node { id } } } } }`, { id: seed.id }, token));
    const staff = ok(await kontor.gql(CONTACT_SNAPSHOT, { id: ref(seed, 'contactId') }, token));
    return { customer, staff };
  },
  fetch: {
    needs: 'CRM:read',
    query: `query($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'CRM:read',
    query: `query($filter: CustomerFilter) { customers(filter: $filter, first: 200) { totalCount edges { cursor node { id name domain } } } }`,
    variables: (search) => (search === null ? {} : { filter: { search } }),
    searchable: true,
    read: (data) => connection(data, 'customers'),
  },
  update: {
    needs: 'CRM:write',
    query: `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id name domain } }`,
    variables: (target) => ({ input: { id: target.id, name: 'Hijacked', domain: null, tags: [] } }),
  },
  remove: {
    needs: 'CRM:write',
    query: `mutation($input: DeleteCustomerInput!) { deleteCustomer(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [
    {
      name: "reads A's customer's people through customer(id:) { contacts }",
      needs: 'CRM:read',
      query: `query($id: ID!) { customer(id: $id) { id name contacts { totalCount edges { node { id firstName lastName } } } } }`,
      variables: (target) => ({ id: target.id }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "lists A's customer's people through contacts(filter: { customerId })",
      needs: 'CRM:read',
      query: `query($customerId: ID) { contacts(filter: { customerId: $customerId }, first: 200) { totalCount edges { node { id lastName customer { id name } } } } }`,
      variables: (target) => ({ customerId: target.id }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'contacts'), own: (seedB) => [ref(seedB, 'contactId')] },
    },
    {
      name: "attaches its own contact to A's customer (updateContact customerId)",
      needs: 'CRM:write',
      query: UPDATE_CONTACT,
      variables: (target, w) => ({ input: { id: ref(w.seedB, 'contactId'), customerId: target.id } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "names A's customer as the referrer (createCustomer source.referredById)",
      needs: 'CRM:write',
      query: `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id source { referredBy { id name } } } }`,
      variables: (target) => ({ input: { name: 'Spy', source: { referredById: target.id } } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "filters customers by A's tag (customers(filter: { tags }))",
      needs: 'CRM:read',
      query: `query($tag: String!) { customers(filter: { tags: [$tag] }, first: 200) { totalCount edges { node { id tags } } } }`,
      variables: (target) => ({ tag: `tag-${target.marker}` }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'customers'), own: (seedB) => [seedB.id] },
    },
    {
      name: "adds a counterparty to A's customer (createCounterparty customerId)",
      needs: 'CRM:write',
      query: `mutation($input: CreateCounterpartyInput!) { createCounterparty(input: $input) { id legalName } }`,
      variables: (target) => ({ input: { customerId: target.id, legalName: 'Spy SRL' } }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
};

const COUNTERPARTY_FIELDS = `id customerId legalName taxId registrationNumber validFrom validTo current legalAddress { country city postalCode line1 } bankAccounts { iban bic bankName currency }`;

const counterpartyCase: IsolationCase = {
  entity: 'Counterparty',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const customerId = await createCustomer(kontor, token, { name: `Holder ${marker}` });
    const created = ok(
      await kontor.gql(
        `mutation($input: CreateCounterpartyInput!) { createCounterparty(input: $input) { id } }`,
        {
          input: {
            customerId,
            legalName: `Legal ${marker} SRL`,
            taxId: marker.toUpperCase(),
            registrationNumber: `J40/${marker}`,
            legalAddress: { country: 'RO', city: 'București', postalCode: '010011', line1: `Calea ${marker}` },
            bankAccounts: [{ iban: 'RO49 AAAA 1B31 0075 9384 0000', bic: 'RZBRROBU', bankName: `Bank ${marker}`, currency: 'RON' }],
            validFrom: '2024-01-01',
          },
        },
        token,
      ),
    );
    const id = str(created, 'createCounterparty', 'id');
    return { id, marker, listed: [id], refs: { customerId }, traces: tracesOf([marker], [id, customerId]) };
  },
  async snapshot({ kontor }, tenant, seed) {
    return ok(await kontor.gql(`query($id: ID!) { customer(id: $id) { id counterparties { ${COUNTERPARTY_FIELDS} } } }`, { id: ref(seed, 'customerId') }, tenant.owner.token));
  },
  list: {
    needs: 'CRM:read',
    query: `query($filter: CounterpartyFilter) { counterparties(filter: $filter, first: 200) { totalCount edges { cursor node { ${COUNTERPARTY_FIELDS} } } } }`,
    variables: (search) => (search === null ? {} : { filter: { search } }),
    searchable: true,
    read: (data) => connection(data, 'counterparties'),
  },
  update: {
    needs: 'CRM:write',
    query: `mutation($input: UpdateCounterpartyInput!) { updateCounterparty(input: $input) { ${COUNTERPARTY_FIELDS} } }`,
    variables: (target) => ({ input: { id: target.id, legalName: 'Hijacked', bankAccounts: [] } }),
  },
  remove: {
    needs: 'CRM:write',
    query: `mutation($input: DeleteCounterpartyInput!) { deleteCounterparty(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [
    {
      name: "finds A's counterparty by its tax id (counterparties(filter: { taxId }))",
      needs: 'CRM:read',
      query: `query($taxId: String) { counterparties(filter: { taxId: $taxId }, first: 200) { totalCount edges { node { id legalName } } } }`,
      variables: (target) => ({ taxId: target.marker }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'counterparties'), own: (seedB) => [seedB.id] },
    },
    {
      name: "lists A's customer's counterparties (counterparties(filter: { customerId }))",
      needs: 'CRM:read',
      query: `query($customerId: ID) { counterparties(filter: { customerId: $customerId }, first: 200) { totalCount edges { node { id legalName } } } }`,
      variables: (target) => ({ customerId: ref(target, 'customerId') }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'counterparties'), own: (seedB) => [seedB.id] },
    },
    {
      name: "reads A's counterparties through customer(id:) { counterparties }",
      needs: 'CRM:read',
      query: `query($id: ID!) { customer(id: $id) { id counterparties { ${COUNTERPARTY_FIELDS} } } }`,
      variables: (target) => ({ id: ref(target, 'customerId') }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
};

const POSITIONS = `{ positions { id name decisionMaker contactCount } }`;

const positionCase: IsolationCase = {
  entity: 'Position',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const id = await createPosition(kontor, token, `Director ${marker}`);
    const contactId = await createContact(kontor, token, { firstName: 'Holder', lastName: marker, positionId: id });
    const listed = arr(ok(await kontor.gql(POSITIONS, {}, token)), 'positions').map((p) => str(p, 'id'));
    return { id, marker, listed, refs: { contactId }, traces: tracesOf([marker], [id, contactId]) };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    const positions = ok(await kontor.gql(POSITIONS, {}, token));
    const holder = ok(await kontor.gql(CONTACT_SNAPSHOT, { id: ref(seed, 'contactId') }, token));
    return { positions, holder };
  },
  list: {
    needs: 'CRM:read',
    query: POSITIONS,
    variables: () => ({}),
    searchable: false,
    read: (data) => ({ ids: arr(data, 'positions').map((p) => str(p, 'id')) }),
  },
  update: {
    needs: 'CRM:write',
    query: `mutation($input: UpdatePositionInput!) { updatePosition(input: $input) { id name contactCount } }`,
    variables: (target) => ({ input: { id: target.id, name: `Hijacked ${target.marker}`, decisionMaker: true } }),
  },
  remove: {
    needs: 'CRM:write',
    query: `mutation($input: DeletePositionInput!) { deletePosition(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [
    {
      name: "creates a contact holding A's position (createContact positionId)",
      needs: 'CRM:write',
      query: `mutation($input: CreateContactInput!) { createContact(input: $input) { id position { id name } } }`,
      variables: (target) => ({ input: { firstName: 'Spy', positionId: target.id } }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
};

const CUSTOM_FIELDS = `{ customFields { id entity key label type required position options { key label } } }`;

const customFieldCase: IsolationCase = {
  entity: 'CustomField',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const created = ok(
      await kontor.gql(
        `mutation($input: CreateCustomFieldInput!) { createCustomField(input: $input) { id } }`,
        { input: { entity: 'CONTACT', key: 'hobby', label: `Hobby ${marker}`, type: 'SELECT', options: [{ key: 'chess', label: `Chess ${marker}` }] } },
        token,
      ),
    );
    const id = str(created, 'createCustomField', 'id');
    const contactId = await createContact(kontor, token, { firstName: 'Player', lastName: marker, customFields: [{ key: 'hobby', options: ['chess'] }] });
    return { id, marker, listed: [id], refs: { contactId }, traces: tracesOf([marker], [id, contactId]) };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    const fields = ok(await kontor.gql(CUSTOM_FIELDS, {}, token));
    const player = ok(await kontor.gql(`query($id: ID!) { contact(id: $id) { id customFields { key options } } }`, { id: ref(seed, 'contactId') }, token));
    return { fields, player };
  },
  list: {
    needs: 'CRM:read',
    query: CUSTOM_FIELDS,
    variables: () => ({}),
    searchable: false,
    read: (data) => ({ ids: arr(data, 'customFields').map((f) => str(f, 'id')) }),
  },
  update: {
    needs: 'settings:manage',
    query: `mutation($input: UpdateCustomFieldInput!) { updateCustomField(input: $input) { id label options { key } } }`,
    variables: (target) => ({ input: { id: target.id, label: 'Hijacked', options: [{ key: 'chess', label: 'Hijacked' }, { key: 'go', label: 'Go' }] } }),
  },
  remove: {
    needs: 'settings:manage',
    query: `mutation($input: DeleteCustomFieldInput!) { deleteCustomField(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [],
};

const SEGMENT_FIELDS = `id name entity filter count createdBy { id email }`;

const segmentCase: IsolationCase = {
  entity: 'Segment',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const memberId = await createContact(kontor, token, { firstName: 'Member', lastName: marker, tags: [`tag-${marker}`] });
    const created = ok(
      await kontor.gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, { input: { name: `Segment ${marker}`, entity: 'CONTACT', contactFilter: { tags: [`tag-${marker}`] } } }, token),
    );
    const id = str(created, 'createSegment', 'id');
    return { id, marker, listed: [id], refs: { memberId }, traces: tracesOf([marker], [id, memberId]) };
  },
  async snapshot({ kontor }, tenant, seed) {
    return ok(await kontor.gql(`query($id: ID!) { segment(id: $id) { ${SEGMENT_FIELDS} contacts { totalCount edges { node { id } } } } }`, { id: seed.id }, tenant.owner.token));
  },
  fetch: {
    needs: 'CRM:read',
    query: `query($id: ID!) { segment(id: $id) { ${SEGMENT_FIELDS} } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'CRM:read',
    query: `{ segments { ${SEGMENT_FIELDS} } }`,
    variables: () => ({}),
    searchable: false,
    read: (data) => ({ ids: arr(data, 'segments').map((x) => str(x, 'id')) }),
  },
  update: {
    needs: 'CRM:write',
    query: `mutation($input: UpdateSegmentInput!) { updateSegment(input: $input) { ${SEGMENT_FIELDS} } }`,
    variables: (target) => ({ input: { id: target.id, name: 'Hijacked', contactFilter: {} } }),
  },
  remove: {
    needs: 'CRM:write',
    query: `mutation($input: DeleteSegmentInput!) { deleteSegment(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [
    {
      name: "lists contacts through A's segment (contacts(filter: { segmentId }))",
      needs: 'CRM:read',
      query: `query($id: ID) { contacts(filter: { segmentId: $id }, first: 200) { totalCount edges { node { id lastName } } } }`,
      variables: (target) => ({ id: target.id }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "reads A's segment members and count (segment(id:) { count contacts })",
      needs: 'CRM:read',
      query: `query($id: ID!) { segment(id: $id) { count contacts { totalCount edges { node { id } } } } }`,
      variables: (target) => ({ id: target.id }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Platform: API keys, invitations, members

const API_KEYS = `{ apiKeys { id name prefix modules access createdAt revokedAt } }`;

const apiKeyCase: IsolationCase = {
  entity: 'ApiKey',
  async create({ kontor }, tenant, marker) {
    const created = ok(await kontor.gql(CREATE_API_KEY, { input: { name: `Partner ${marker}`, modules: ['CRM'], access: 'READ' } }, tenant.owner.token));
    const id = str(created, 'createApiKey', 'apiKey', 'id');
    const secret = str(created, 'createApiKey', 'secret');
    // The tenant's own probe key is listed too.
    return { id, marker, listed: [id, tenant.key.id], refs: { secret }, traces: tracesOf([marker, secret], [id]) };
  },
  async snapshot({ kontor }, tenant, seed) {
    const keys = arr(ok(await kontor.gql(API_KEYS, {}, tenant.owner.token)), 'apiKeys');
    const entry = keys.find((k) => str(k, 'id') === seed.id);
    // The key still works, in its own tenant (lastUsedAt changes with this use, so it is not compared).
    const viewer = ok(await kontor.gql(`{ me { tenant { id } permissions } }`, {}, ref(seed, 'secret')));
    return { entry, viewer };
  },
  list: {
    needs: 'apikeys:manage',
    query: API_KEYS,
    variables: () => ({}),
    searchable: false,
    read: (data) => ({ ids: arr(data, 'apiKeys').map((k) => str(k, 'id')) }),
  },
  remove: {
    needs: 'apikeys:manage',
    query: `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { id name revokedAt } }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [],
};

const INVITATIONS = `{ invitations { id email role expiresAt acceptedAt } }`;
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { id email role } }`;

const invitationCase: IsolationCase = {
  entity: 'Invitation',
  async create({ kontor }, tenant, marker) {
    const email = `${marker}@example.test`;
    const id = str(ok(await kontor.gql(INVITE, { input: { email, role: 'MANAGER' } }, tenant.owner.token)), 'inviteUser', 'id');
    return { id, marker, listed: [id], refs: { email }, traces: tracesOf([marker], [id]) };
  },
  async snapshot({ kontor }, tenant, seed) {
    const pending = arr(ok(await kontor.gql(INVITATIONS, {}, tenant.owner.token)), 'invitations');
    return pending.find((i) => str(i, 'id') === seed.id);
  },
  list: {
    needs: 'users:manage',
    query: INVITATIONS,
    variables: () => ({}),
    searchable: false,
    read: (data) => ({ ids: arr(data, 'invitations').map((i) => str(i, 'id')) }),
  },
  remove: {
    needs: 'users:manage',
    query: `mutation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { id email role } }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [],
};

const MEMBERS = `{ members { role user { id email name } } }`;
const SET_ROLE = `mutation($input: SetMemberRoleInput!) { setMemberRole(input: $input) { role user { id email } } }`;
const REMOVE_MEMBER = `mutation($input: RemoveMemberInput!) { removeMember(input: $input) }`;

const memberCase: IsolationCase = {
  entity: 'Member',
  async create(env, tenant, marker) {
    // A second person, so that a leaked role change or removal would actually succeed (the owner is protected as the last owner).
    const email = `${marker}@example.test`;
    ok(await env.kontor.gql(INVITE, { input: { email, role: 'VIEWER' } }, tenant.owner.token));
    const text = await env.mailTo(email);
    const token = /accept-invitation\?token=([\w-]+)/.exec(text)?.[1];
    if (!token) throw new Error(`no invitation link in: ${text}`);
    const accepted = ok(await env.kontor.gql(`mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token user { id } } }`, { input: { token, password: PASSWORD, name: `Member ${marker}` } }));
    const id = str(accepted, 'acceptInvitation', 'user', 'id');
    return {
      id,
      marker,
      listed: [tenant.owner.userId, id],
      refs: { ownerId: tenant.owner.userId, session: str(accepted, 'acceptInvitation', 'token') },
      traces: tracesOf([marker], [id]),
    };
  },
  async snapshot({ kontor }, tenant, seed) {
    const members = arr(ok(await kontor.gql(MEMBERS, {}, tenant.owner.token)), 'members')
      .map((m) => ({ id: str(m, 'user', 'id'), email: str(m, 'user', 'email'), role: str(m, 'role') }))
      .sort((x, y) => x.id.localeCompare(y.id));
    // The member's session in the tenant still works (removeMember would end it).
    const member = ok(await kontor.gql(`{ me { role user { id } tenant { id } } }`, {}, ref(seed, 'session')));
    return { members, member };
  },
  list: {
    needs: 'person',
    query: MEMBERS,
    variables: () => ({}),
    searchable: false,
    read: (data) => ({ ids: arr(data, 'members').map((m) => str(m, 'user', 'id')) }),
  },
  update: {
    needs: 'users:manage',
    query: SET_ROLE,
    variables: (target) => ({ input: { userId: target.id, role: 'ADMIN' } }),
  },
  remove: {
    needs: 'users:manage',
    query: REMOVE_MEMBER,
    variables: (target) => ({ input: { userId: target.id } }),
  },
  probes: [
    {
      name: "re-grants OWNER to A's owner (setMemberRole)",
      needs: 'users:manage',
      query: SET_ROLE,
      variables: (target) => ({ input: { userId: ref(target, 'ownerId'), role: 'OWNER' } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "removes A's owner (removeMember)",
      needs: 'users:manage',
      query: REMOVE_MEMBER,
      variables: (target) => ({ input: { userId: ref(target, 'ownerId') } }),
      expect: { kind: 'NOT_FOUND' },
      // B's own owner is its last owner: removing them is refused (CONFLICT) by design.
      control: false,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Platform: a person's own sessions and profile (sessions has no row-level security: only the
// user filter of the services keeps them apart)

const SESSIONS = `{ sessions { id createdAt lastSeenAt userAgent ip current } }`;
const REVOKE_SESSION = `mutation($input: RevokeSessionInput!) { revokeSession(input: $input) }`;
const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id email name locale } }`;

/** Signs a person in once more, from a browser that names itself `userAgent`; returns the new token. */
async function logInFrom(kontor: Kontor, email: string, userAgent: string): Promise<string> {
  const response = await fetch(`${kontor.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': userAgent },
    body: JSON.stringify({ query: `mutation($input: LogInInput!) { logIn(input: $input) { token } }`, variables: { input: { email, password: PASSWORD } } }),
  });
  return str(ok({ status: response.status, ...((await response.json()) as object) }), 'logIn', 'token');
}

const sessionCase: IsolationCase = {
  entity: 'Session and profile',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    // The owner's name and a second session's browser carry the marker, so either leaking to B shows.
    ok(await kontor.gql(UPDATE_PROFILE, { input: { name: `Owner ${marker}`, locale: 'ro' } }, token));
    const session = await logInFrom(kontor, tenant.owner.email, `Browser ${marker}`);
    const sessions = arr(ok(await kontor.gql(SESSIONS, {}, token)), 'sessions');
    const id = str(sessions.find((s) => at(s, 'userAgent') === `Browser ${marker}`), 'id');
    const ownerSessionId = str(sessions.find((s) => at(s, 'current') === true), 'id');
    return { id, marker, listed: [id, ownerSessionId], refs: { session, ownerSessionId }, traces: tracesOf([marker, session], [id, ownerSessionId]) };
  },
  async snapshot({ kontor }, tenant, seed) {
    // Not lastSeenAt: it moves with use.
    const sessions = arr(ok(await kontor.gql(SESSIONS, {}, tenant.owner.token)), 'sessions')
      .map((s) => ({ id: str(s, 'id'), createdAt: str(s, 'createdAt'), userAgent: at(s, 'userAgent'), current: at(s, 'current') }))
      .sort((x, y) => x.id.localeCompare(y.id));
    // The second session still lets its holder in, and the profile is as A left it.
    const viaSecond = ok(await kontor.gql(`{ me { user { id email name locale } } }`, {}, ref(seed, 'session')));
    return { sessions, viaSecond };
  },
  list: {
    needs: 'session',
    query: SESSIONS,
    variables: () => ({}),
    searchable: false,
    read: (data) => ({ ids: arr(data, 'sessions').map((s) => str(s, 'id')) }),
  },
  remove: {
    needs: 'session',
    query: REVOKE_SESSION,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [
    {
      name: "ends the session A's owner is using (revokeSession)",
      needs: 'session',
      query: REVOKE_SESSION,
      variables: (target) => ({ input: { id: ref(target, 'ownerSessionId') } }),
      expect: { kind: 'NOT_FOUND' },
      // B's owner ending its own current session would sign out the controls that follow.
      control: false,
    },
  ],
  self: [
    {
      name: "changes B's own profile, never A's (updateProfile)",
      needs: 'session',
      query: UPDATE_PROFILE,
      variables: () => ({ input: { name: 'Hijacked', locale: 'el' } }),
      changed: (data) => str(data, 'updateProfile', 'id'),
      own: (w) => w.b.owner.userId,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// CRM tasks, and the notifications their reminders leave

const TASK_FIELDS = `id title notes dueAt completedAt overdue subjectType subjectId subjectName createdAt updatedAt assignee { id email name }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`;
const UPDATE_TASK = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id title subjectType subjectId subjectName } }`;
const COMPLETE_TASK = `mutation($input: CompleteTaskInput!) { completeTask(input: $input) { id title completedAt } }`;
const TASKS_BY_CREATION = `query($after: String) { tasks(after: $after, first: 200, orderBy: { field: CREATED_AT, direction: DESC }) { edges { cursor node { id title } } } }`;
/** A due time far ahead: the reminder job it arms never fires during the run. */
const FAR_AHEAD = '2099-03-01T09:00:00.000Z';

async function createTask(kontor: Kontor, token: string, input: Record<string, unknown>): Promise<string> {
  return str(ok(await kontor.gql(CREATE_TASK, { input }, token)), 'createTask', 'id');
}

/** The sum of `overdueTasks` counts: how many overdue tasks the caller's company has. */
function overdueSum(data: unknown): number {
  return arr(data, 'overdueTasks').reduce<number>((sum, row) => sum + num(row, 'count'), 0);
}

const taskCase: IsolationCase = {
  entity: 'Task',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const contactId = await createContact(kontor, token, { firstName: 'Subject', lastName: marker });
    const customerId = await createCustomer(kontor, token, { name: `Client ${marker}` });
    // The owner's own task about the contact, and an overdue task nobody is assigned to (so no reminder is armed).
    const id = await createTask(kontor, token, { title: `Call ${marker}`, notes: `About ${marker}`, dueAt: FAR_AHEAD, subjectType: 'CONTACT', subjectId: contactId });
    const overdueId = await createTask(kontor, token, { title: `Chase ${marker}`, dueAt: '2020-01-01T09:00:00.000Z', assigneeId: null, subjectType: 'CUSTOMER', subjectId: customerId });
    // Created last, so it comes first newest-first.
    const first = ok(await kontor.gql(TASKS_BY_CREATION, {}, token));
    if (str(first, 'tasks', 'edges', 0, 'node', 'id') !== overdueId) throw new Error('the newest task should come first');
    return {
      id,
      marker,
      listed: [id, overdueId],
      refs: { contactId, customerId, overdueId, ownerId: tenant.owner.userId, cursor: str(first, 'tasks', 'edges', 0, 'cursor') },
      traces: tracesOf([marker], [id, overdueId, contactId, customerId]),
    };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    const task = ok(await kontor.gql(`query($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`, { id: seed.id }, token));
    const overdue = ok(await kontor.gql(`query($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`, { id: ref(seed, 'overdueId') }, token));
    const all = ok(await kontor.gql(`{ tasks(first: 200, filter: { status: ALL }) { totalCount edges { node { id title completedAt } } } }`, {}, token));
    const counts = ok(await kontor.gql(`{ overdueTasks { assignee { id } count oldestDueAt } }`, {}, token));
    return { task, overdue, all, counts };
  },
  fetch: {
    needs: 'CRM:read',
    query: `query($id: ID!) { task(id: $id) { id title notes subjectName assignee { id email } } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'CRM:read',
    query: `query($filter: TaskFilter) { tasks(filter: $filter, first: 200) { totalCount edges { cursor node { id title notes subjectName } } } }`,
    variables: (search) => (search === null ? {} : { filter: { search } }),
    searchable: true,
    read: (data) => connection(data, 'tasks'),
  },
  update: {
    needs: 'CRM:write',
    query: `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id title notes dueAt assignee { id } } }`,
    variables: (target) => ({ input: { id: target.id, title: 'Hijacked', notes: null, dueAt: null } }),
  },
  remove: {
    needs: 'CRM:write',
    query: `mutation($input: DeleteTaskInput!) { deleteTask(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [
    {
      name: "filters tasks by A's contact (tasks(filter: { subjectType, subjectId }))",
      needs: 'CRM:read',
      query: `query($id: ID) { tasks(filter: { subjectType: CONTACT, subjectId: $id }, first: 200) { totalCount edges { node { id title } } } }`,
      variables: (target) => ({ id: ref(target, 'contactId') }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'tasks'), own: (seedB) => [seedB.id] },
    },
    {
      name: "filters tasks by A's owner as assignee (tasks(filter: { assigneeId }))",
      needs: 'CRM:read',
      query: `query($id: ID) { tasks(filter: { assigneeId: $id, status: ALL }, first: 200) { totalCount edges { node { id title } } } }`,
      variables: (target) => ({ id: ref(target, 'ownerId') }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'tasks'), own: (seedB) => [seedB.id] },
    },
    {
      name: "passes A's cursor to tasks(after:)",
      needs: 'CRM:read',
      query: TASKS_BY_CREATION,
      variables: (target) => ({ after: ref(target, 'cursor') }),
      // After the newest task comes the older one: A's seed for A, B's seed for B.
      expect: { kind: 'LIST', read: (data) => connection(data, 'tasks', false), own: (seedB) => [seedB.id] },
    },
    {
      name: 'overdueTasks counts none of A\'s overdue tasks',
      needs: 'CRM:read',
      query: `{ overdueTasks { assignee { id email } count oldestDueAt } }`,
      variables: () => ({}),
      expect: { kind: 'COUNT', read: overdueSum, theirs: () => 1, own: () => 1 },
    },
    {
      name: "creates a task about A's contact (createTask subjectId)",
      needs: 'CRM:write',
      query: `mutation($input: CreateTaskInput!) { createTask(input: $input) { id subjectName } }`,
      variables: (target) => ({ input: { title: 'Spy', subjectType: 'CONTACT', subjectId: ref(target, 'contactId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "points its own task at A's customer (updateTask subjectId)",
      needs: 'CRM:write',
      query: UPDATE_TASK,
      variables: (target, w) => ({ input: { id: w.seedB.id, subjectType: 'CUSTOMER', subjectId: ref(target, 'customerId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "completes A's task (completeTask)",
      needs: 'CRM:write',
      query: COMPLETE_TASK,
      variables: (target) => ({ input: { id: target.id } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "reopens A's task (completeTask done: false)",
      needs: 'CRM:write',
      query: COMPLETE_TASK,
      variables: (target) => ({ input: { id: target.id, done: false } }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
};

const NOTIFICATIONS = `query($after: String) { notifications(after: $after, first: 200) { totalCount edges { cursor node { id kind link readAt params { key value } } } } }`;

const notificationCase: IsolationCase = {
  entity: 'Notification',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    // Two reminders for the owner, sent by the reminder service itself (as its worker would at the due times).
    const taskIds: string[] = [];
    for (const [title, dueAt] of [[`Older ${marker}`, FAR_AHEAD], [`Newer ${marker}`, '2099-03-02T09:00:00.000Z']] as const) {
      const taskId = await createTask(kontor, token, { title, dueAt });
      taskIds.push(taskId);
      const sent = await sendTaskReminder(kontor.app, { tenantId: tenant.tenantUuid, taskId: uuidOf(taskId, 'Task'), dueAt }, false);
      if (sent !== 'sent') throw new Error(`the reminder of ${title} was ${sent}`);
    }
    const page = ok(await kontor.gql(NOTIFICATIONS, {}, token));
    const [newer, older] = arr(page, 'notifications', 'edges').map((edge) => str(edge, 'node', 'id'));
    if (!newer || !older) throw new Error(`expected two notifications, got ${JSON.stringify(page)}`);
    return {
      id: newer,
      marker,
      listed: [newer, older],
      refs: { olderId: older, cursor: str(page, 'notifications', 'edges', 0, 'cursor') },
      traces: tracesOf([marker], [newer, older, ...taskIds]),
    };
  },
  async snapshot({ kontor }, tenant) {
    return ok(await kontor.gql(`{ notifications(first: 200) { totalCount edges { node { id kind link readAt createdAt params { key value } } } } unreadNotificationCount }`, {}, tenant.owner.token));
  },
  list: {
    needs: 'session',
    query: NOTIFICATIONS,
    variables: () => ({}),
    searchable: false,
    read: (data) => connection(data, 'notifications'),
  },
  probes: [
    {
      name: "passes A's cursor to notifications(after:)",
      needs: 'session',
      query: NOTIFICATIONS,
      variables: (target) => ({ after: ref(target, 'cursor') }),
      // totalCount counts the whole list, whatever the cursor: only the page is compared.
      expect: { kind: 'LIST', read: (data) => connection(data, 'notifications', false), own: (seedB) => [ref(seedB, 'olderId')] },
    },
    {
      name: "unreadNotificationCount counts none of A's",
      needs: 'session',
      query: `{ unreadNotificationCount }`,
      variables: () => ({}),
      expect: { kind: 'COUNT', read: (data) => num(data, 'unreadNotificationCount'), theirs: (seedB) => seedB.listed.length, own: (seedB) => seedB.listed.length },
    },
    // After the count above: the control run marks B's own read.
    {
      name: "marks A's notifications read (markNotificationsRead ids)",
      needs: 'session',
      query: `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) }`,
      variables: (target) => ({ input: { ids: [target.id, ref(target, 'olderId')] } }),
      expect: { kind: 'COUNT', read: (data) => num(data, 'markNotificationsRead'), theirs: () => 0, own: (seedB) => seedB.listed.length },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// CRM interactions, and the timelines that show them beside tasks

const INTERACTION_FIELDS = `id kind direction occurredAt durationSeconds outcome subject body contactId contactName customerId customerName createdAt loggedBy { id email name }`;
const LOG_INTERACTION = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
const INTERACTIONS_NEWEST = `query($after: String) { interactions(after: $after, first: 200) { edges { cursor node { id subject } } } }`;
const TIMELINE = `query($subject: TimelineSubject!, $after: String) {
  timeline(subject: $subject, after: $after, first: 50) { totalCount edges { cursor node { kind at interaction { id subject body contactName customerName } task { id title subjectName } } } }
}`;

async function logInteraction(kontor: Kontor, token: string, input: Record<string, unknown>): Promise<string> {
  return str(ok(await kontor.gql(LOG_INTERACTION, { input }, token)), 'logInteraction', 'id');
}

/** A timeline's entries as the ids of their items (an interaction's, or a task's for each of its entries). */
function timelineItems(data: unknown, withCount = true): ListView {
  const ids = arr(data, 'timeline', 'edges').map((edge) => {
    const interaction = at(edge, 'node', 'interaction');
    return interaction === null ? str(edge, 'node', 'task', 'id') : str(interaction, 'id');
  });
  return withCount ? { ids, totalCount: num(data, 'timeline', 'totalCount') } : { ids };
}

const interactionCase: IsolationCase = {
  entity: 'Interaction',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const customerId = await createCustomer(kontor, token, { name: `Customer ${marker}` });
    const contactId = await createContact(kontor, token, { firstName: 'Talked', lastName: marker, customerId });
    // A task about the person, created and completed: two entries of the person's timeline.
    const taskId = await createTask(kontor, token, { title: `Follow up ${marker}`, notes: `Task ${marker}`, subjectType: 'CONTACT', subjectId: contactId });
    ok(await kontor.gql(COMPLETE_TASK, { input: { id: taskId } }, token));
    // The seed: a call with the person (their customer filled in), then a note about the customer alone (the newest).
    const id = await logInteraction(kontor, token, { kind: 'CALL', direction: 'OUTBOUND', outcome: 'REACHED', durationSeconds: 120, subject: `Call ${marker}`, body: `Talked about ${marker}`, contactId });
    const noteId = await logInteraction(kontor, token, { kind: 'NOTE', body: `Note ${marker}`, customerId });
    const newest = ok(await kontor.gql(INTERACTIONS_NEWEST, {}, token));
    if (str(newest, 'interactions', 'edges', 0, 'node', 'id') !== noteId) throw new Error('the newest interaction should come first');
    // The person's timeline: the call, then the task completed, then created.
    const timeline = ok(await kontor.gql(TIMELINE, { subject: { type: 'CONTACT', id: contactId } }, token));
    const items = timelineItems(timeline).ids;
    if (JSON.stringify(items) !== JSON.stringify([id, taskId, taskId])) throw new Error(`unexpected timeline ${JSON.stringify(timeline)}`);
    return {
      id,
      marker,
      listed: [noteId, id],
      refs: {
        noteId,
        contactId,
        customerId,
        taskId,
        cursor: str(newest, 'interactions', 'edges', 0, 'cursor'),
        timelineCursor: str(timeline, 'timeline', 'edges', 0, 'cursor'),
      },
      traces: tracesOf([marker], [id, noteId, contactId, customerId, taskId]),
    };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    const call = ok(await kontor.gql(`query($id: ID!) { interaction(id: $id) { ${INTERACTION_FIELDS} } }`, { id: seed.id }, token));
    const note = ok(await kontor.gql(`query($id: ID!) { interaction(id: $id) { ${INTERACTION_FIELDS} } }`, { id: ref(seed, 'noteId') }, token));
    const all = ok(await kontor.gql(`{ interactions(first: 200) { totalCount edges { cursor node { id } } } }`, {}, token));
    const person = ok(await kontor.gql(TIMELINE, { subject: { type: 'CONTACT', id: ref(seed, 'contactId') } }, token));
    const customer = ok(await kontor.gql(TIMELINE, { subject: { type: 'CUSTOMER', id: ref(seed, 'customerId') } }, token));
    return { call, note, all, person, customer };
  },
  fetch: {
    needs: 'CRM:read',
    query: `query($id: ID!) { interaction(id: $id) { id kind subject body contactName customerName loggedBy { id email } } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'CRM:read',
    query: `{ interactions(first: 200) { totalCount edges { cursor node { id subject body contactName customerName } } } }`,
    variables: () => ({}),
    searchable: false,
    read: (data) => connection(data, 'interactions'),
  },
  remove: {
    needs: 'CRM:write',
    query: `mutation($input: DeleteInteractionInput!) { deleteInteraction(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [
    {
      name: "filters interactions by A's contact (interactions(subject: CONTACT))",
      needs: 'CRM:read',
      query: `query($id: ID!) { interactions(subject: { type: CONTACT, id: $id }, first: 200) { totalCount edges { node { id subject } } } }`,
      variables: (target) => ({ id: ref(target, 'contactId') }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'interactions'), own: (seedB) => [seedB.id] },
    },
    {
      name: "filters interactions by A's customer (interactions(subject: CUSTOMER))",
      needs: 'CRM:read',
      query: `query($id: ID!) { interactions(subject: { type: CUSTOMER, id: $id }, first: 200) { totalCount edges { node { id subject body } } } }`,
      variables: (target) => ({ id: ref(target, 'customerId') }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'interactions'), own: (seedB) => seedB.listed },
    },
    {
      name: "passes A's cursor to interactions(after:)",
      needs: 'CRM:read',
      query: INTERACTIONS_NEWEST,
      variables: (target) => ({ after: ref(target, 'cursor') }),
      // After the newest (the note) comes the call: A's for A, B's for B.
      expect: { kind: 'LIST', read: (data) => connection(data, 'interactions', false), own: (seedB) => [seedB.id] },
    },
    {
      name: "reads A's contact's timeline (timeline(subject: CONTACT))",
      needs: 'CRM:read',
      query: TIMELINE,
      variables: (target) => ({ subject: { type: 'CONTACT', id: ref(target, 'contactId') } }),
      expect: { kind: 'LIST', read: (data) => timelineItems(data), own: (seedB) => [seedB.id, ref(seedB, 'taskId'), ref(seedB, 'taskId')] },
    },
    {
      name: "reads A's customer's timeline (timeline(subject: CUSTOMER))",
      needs: 'CRM:read',
      query: TIMELINE,
      variables: (target) => ({ subject: { type: 'CUSTOMER', id: ref(target, 'customerId') } }),
      expect: { kind: 'LIST', read: (data) => timelineItems(data), own: (seedB) => seedB.listed },
    },
    {
      name: "passes A's timeline cursor to its own contact's timeline(after:)",
      needs: 'CRM:read',
      query: TIMELINE,
      variables: (target, w) => ({ subject: { type: 'CONTACT', id: ref(w.seedB, 'contactId') }, after: ref(target, 'timelineCursor') }),
      // totalCount counts B's whole timeline, whatever the cursor: only the page is compared. After the call: the task's two entries.
      expect: { kind: 'LIST', read: (data) => timelineItems(data, false), own: (seedB) => [ref(seedB, 'taskId'), ref(seedB, 'taskId')] },
    },
    {
      name: "interactions(kind: CALL) counts none of A's calls",
      needs: 'CRM:read',
      query: `{ interactions(kind: CALL) { totalCount } }`,
      variables: () => ({}),
      expect: { kind: 'COUNT', read: (data) => num(data, 'interactions', 'totalCount'), theirs: () => 1, own: () => 1 },
    },
    {
      name: "logs an interaction with A's contact (logInteraction contactId)",
      needs: 'CRM:write',
      query: `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id contactName customerName } }`,
      variables: (target) => ({ input: { kind: 'MEETING', contactId: ref(target, 'contactId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "logs a note about A's customer (logInteraction customerId)",
      needs: 'CRM:write',
      query: `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id customerName } }`,
      variables: (target) => ({ input: { kind: 'NOTE', body: 'Spy', customerId: ref(target, 'customerId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "logs with its own contact but A's customer (logInteraction customerId wins)",
      needs: 'CRM:write',
      query: `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id contactName customerName } }`,
      variables: (target, w) => ({ input: { kind: 'MEETING', contactId: ref(w.seedB, 'contactId'), customerId: ref(target, 'customerId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "deletes A's note (deleteInteraction)",
      needs: 'CRM:write',
      query: `mutation($input: DeleteInteractionInput!) { deleteInteraction(input: $input) }`,
      variables: (target) => ({ input: { id: ref(target, 'noteId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
};

/** The table. Modules append their entities' cases here. */
export const isolationCases: IsolationCase[] = [contactCase, customerCase, counterpartyCase, positionCase, customFieldCase, segmentCase, apiKeyCase, invitationCase, memberCase, sessionCase, taskCase, notificationCase, interactionCase];
