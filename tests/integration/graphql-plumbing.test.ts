import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKontorSchema, printSdl } from '../../api/src/graphql/schema.js';
import { errorCode, ok, signUp, startKontor, type Kontor, type SignedUp } from '../support/harness.js';
import { statementsOfRequest } from '../support/statements.js';

describe('GraphQL plumbing', () => {
  let kontor: Kontor;
  let owner: SignedUp;
  const statements: string[] = [];

  beforeAll(async () => {
    kontor = await startKontor({ workers: false, onQuery: (line) => statements.push(line) });
    owner = await signUp(kontor);
    for (let c = 0; c < 10; c++) {
      const customer = ok(await kontor.gql<{ createCustomer: { id: string } }>(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: { name: `Co ${c}` } }, owner.token)).createCustomer;
      const position = ok(await kontor.gql<{ createPosition: { id: string } }>(`mutation($input: CreatePositionInput!) { createPosition(input: $input) { id } }`, { input: { name: `Role ${c}` } }, owner.token)).createPosition;
      for (let p = 0; p < 3; p++) {
        const input = { firstName: `P${c}-${p}`, customerId: customer.id, positionId: position.id, emails: [{ address: `p${c}-${p}@example.test` }, { address: `p${c}-${p}@home.test`, type: 'HOME' }] };
        ok(await kontor.gql(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input }, owner.token));
      }
    }
  });
  afterAll(() => kontor.close());

  async function countStatements(query: string): Promise<number> {
    return (await statementsOfRequest(statements, async () => ok(await kontor.gql(query, {}, owner.token)))).length;
  }

  it('loads nested fields of a list in batches: the SQL count does not grow with the page', async () => {
    const fields = 'firstName customer { name owner { email } } position { name } emails { address } phones { number }';
    const small = await countStatements(`{ contacts(first: 3) { edges { node { ${fields} } } } }`);
    const large = await countStatements(`{ contacts(first: 30) { totalCount edges { node { ${fields} } } } }`);
    // begin + session/set_config, tenant state, the page, (count), customers, positions, contact points, commit
    expect(small).toBeLessThanOrEqual(8);
    expect(large).toBe(small + 1);
    // One query each for every customer, position and address of the page, whatever its size.
    expect(statements.filter((s) => s.includes('from crm_customers t'))).toHaveLength(1);
    expect(statements.filter((s) => s.includes('from crm_positions p'))).toHaveLength(1);
    expect(statements.filter((s) => s.includes('from crm_contact_points'))).toHaveLength(1);
  });

  it('batches nested lists: contacts of every customer in one query, counts in one more', async () => {
    const nested = (first: number) => `{ customers(first: ${first}) { edges { node { name contacts(first: 2) { totalCount edges { node { firstName customer { name } } } } } } } }`;
    const two = await countStatements(nested(2));
    const ten = await countStatements(nested(10));
    expect(ten).toBe(two);
    const result = ok(await kontor.gql<{ customers: { edges: { node: { name: string; contacts: { totalCount: number; edges: { node: { customer: { name: string } } }[] } } }[] } }>(nested(10), {}, owner.token));
    expect(result.customers.edges).toHaveLength(10);
    for (const { node } of result.customers.edges) {
      expect(node.contacts.totalCount).toBe(3);
      expect(node.contacts.edges).toHaveLength(2);
      expect(node.contacts.edges.every((e) => e.node.customer.name === node.name)).toBe(true);
    }
  });

  it('runs every database session in UTC, whatever the server’s default, so timestamp cursors mean the same everywhere', async () => {
    const em = kontor.app.orm.em.fork({ useContext: false });
    expect(await em.execute(`show timezone`)).toEqual([{ TimeZone: 'UTC' }]);
    // The sentinel that sorts undated tasks last reads back as a cursor key in UTC.
    expect(await em.execute(`select '0001-01-01T00:00:00Z'::timestamptz::text as key`)).toEqual([{ key: '0001-01-01 00:00:00+00' }]);
  });

  it('refuses a query deeper than the limit before running it', async () => {
    const deep = `{ customers { edges { node { contacts { edges { node { customer { contacts { edges { node { customer { name } } } } } } } } } } } }`;
    const result = await kontor.gql(deep, {}, owner.token);
    expect(result.errors?.[0]?.message).toMatch(/exceeds maximum operation depth/);
  });

  it('refuses a query whose cost is above the complexity limit', async () => {
    const costly = `{ customers(first: 200) { edges { node { contacts(first: 200) { edges { node { firstName customer { name } } } } } } } }`;
    const result = await kontor.gql(costly, {}, owner.token);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/too complex/);
    expect(result.status).toBe(400);
  });

  it('costs the same query text again for other variables: a cheap page first does not let a costly one through', async () => {
    const query = `query($outer: Int, $inner: Int) { customers(first: $outer) { edges { node { contacts(first: $inner) { edges { node { firstName } } } } } } }`;
    for (let i = 0; i < 2; i++) expect(errorCode(await kontor.gql(query, { outer: 5, inner: 5 }, owner.token))).toBeUndefined();
    const costly = await kontor.gql(query, { outer: 200, inner: 200 }, owner.token);
    expect(errorCode(costly)).toBe('BAD_USER_INPUT');
    expect(costly.errors?.[0]?.message).toMatch(/too complex/);
    // And the cheap one still passes after the costly one was refused.
    expect(errorCode(await kontor.gql(query, { outer: 5, inner: 5 }, owner.token))).toBeUndefined();
  });

  it('never sends stack traces or SQL to clients, and tags each response with a request id', async () => {
    const response = await fetch(`${kontor.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}`, 'x-request-id': 'trace-me-123' },
      body: JSON.stringify({ query: '{ contacts(filter: { search: "x" }, first: 0) { totalCount } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-me-123');
    const body = await response.text();
    expect(body).not.toMatch(/stacktrace|select |at .*\.js:/i);
    const malformed = await fetch(`${kontor.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(malformed.status).toBe(400);
  });

  it('answers health and readiness probes', async () => {
    expect((await fetch(`${kontor.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${kontor.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', queue: 'ok' } });
  });

  it('schema/schema.graphql is exactly what the code generates (run `npm run schema:print` after an API change)', async () => {
    const committed = await readFile('schema/schema.graphql', 'utf8');
    expect(printSdl(await buildKontorSchema())).toBe(committed);
  });
});
