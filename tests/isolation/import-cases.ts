/**
 * Tenant isolation rows for CSV imports and exports, built like the rows of isolation-cases.ts,
 * which runs them unchanged: B cannot read, list, page through or run A's imports (NOT_FOUND or an
 * empty list), and the same operations on B's own imports succeed. The files are uploaded over
 * HTTP as a client does, and run by calling the import job directly (the suite works the mailing
 * queue only). Once a tenant's people are imported, its exports are read as its owner and as its
 * API key: they list exactly its own people and customers and carry nothing of a tenant seeded
 * before it (B's seed runs after A's, so B's exports are checked against A's traces).
 */
import { parse } from 'csv-parse/sync';
import { runImportJob } from '../../api/src/crm/import-runner.service.js';
import { ok, type Kontor } from '../support/harness.js';
import { arr, num, ref, str, tracesOf, uuidOf, type IsolationCase, type ListView, type TenantFixture } from './isolation-cases.js';

const IMPORT_FIELDS = `id entity fileName delimiter headers sampleRows status dryRun total processed created updated skipped failed errorCount failureMessage
  mapping { column field customFieldKey } suggestedMapping { column field customFieldKey } dedupeBy onDuplicate consentSource createdBy { id email }
  createdAt startedAt finishedAt errors(first: 50) { totalCount edges { cursor node { row column columnName field path reason message } } }`;
const IMPORTS = `query($after: String) { imports(first: 200, after: $after) { totalCount edges { cursor node { id fileName status } } } }`;
const RUN = `mutation($input: RunImportInput!) { runImport(input: $input) { id status dryRun } }`;
const MAPPING = [
  { column: 0, field: 'FIRST_NAME' },
  { column: 1, field: 'LAST_NAME' },
  { column: 2, field: 'EMAIL' },
  { column: 3, field: 'CUSTOMER' },
];

function connection(data: unknown, field: string, withCount = true): ListView {
  const ids = arr(data, field, 'edges').map((edge) => str(edge, 'node', 'id'));
  return withCount ? { ids, totalCount: num(data, field, 'totalCount') } : { ids };
}

/** Uploads a file as the tenant's owner, as a client does; the import's global id. */
async function upload(kontor: Kontor, token: string, csv: string, name: string): Promise<string> {
  const response = await fetch(`${kontor.url}/crm/imports?entity=CONTACT&name=${encodeURIComponent(name)}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: csv });
  const body = (await response.json()) as { id?: unknown };
  if (response.status !== 201 || typeof body.id !== 'string') throw new Error(`upload failed: ${response.status} ${JSON.stringify(body)}`);
  return body.id;
}

/** Starts a run and does its job right away (no import worker runs in this suite). */
async function runNow(kontor: Kontor, tenant: TenantFixture, id: string, dryRun: boolean): Promise<void> {
  ok(await kontor.gql(RUN, { input: { id, mapping: MAPPING, dryRun } }, tenant.owner.token));
  const outcome = await runImportJob(kontor.app, { tenantId: tenant.tenantUuid, importId: uuidOf(id, 'Import'), run: 1 }, `isolation-${id}`);
  if (outcome !== 'done') throw new Error(`the import job ended ${outcome}`);
}

/** The traces of every tenant seeded so far, by tenant: a later tenant's exports must hold none of them. */
const seeded = new Map<string, string[]>();

/** Reads the tenant's exports with `token`: exactly its own people and customers, nothing of another tenant. */
async function checkExports(kontor: Kontor, tenant: TenantFixture, token: string, marker: string): Promise<void> {
  for (const [list, expected] of [
    ['contacts', [`Ana ${marker}`]],
    ['customers', [`Employer ${marker}`]],
  ] as const) {
    const response = await fetch(`${kontor.url}/crm/exports/${list}.csv`, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`export of ${list} answered ${response.status}: ${text}`);
    const rows = parse(text, { bom: true, relax_column_count: true }) as string[][];
    const names = rows.slice(1).map((row) => (list === 'contacts' ? `${row[0]} ${row[1]}` : (row[0] ?? '')));
    if (JSON.stringify(names) !== JSON.stringify(expected)) throw new Error(`tenant ${tenant.label}'s ${list} export lists ${JSON.stringify(names)}, not ${JSON.stringify(expected)}`);
    for (const [other, traces] of seeded) {
      if (other === tenant.tenantUuid) continue;
      const leaked = traces.filter((trace) => text.includes(trace));
      if (leaked.length > 0) throw new Error(`tenant ${tenant.label}'s ${list} export carries another tenant's ${leaked.join(', ')}`);
    }
  }
}

const importCase: IsolationCase = {
  entity: 'Import',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    // Imported for real: a person (and their customer) made from the file; the refused row names the marker too.
    const file = `First name,Last name,Email,Customer\nAna,${marker},${marker}@example.test,Employer ${marker}\nBad,${marker},not-an-email-${marker},\n`;
    const realId = await upload(kontor, token, file, `people ${marker}.csv`);
    await runNow(kontor, tenant, realId, false);
    // The seed: the same file, newer, checked by a dry run (which may be run again).
    const id = await upload(kontor, token, file, `check ${marker}.csv`);
    await runNow(kontor, tenant, id, true);
    const newest = ok(await kontor.gql(IMPORTS, {}, token));
    if (str(newest, 'imports', 'edges', 0, 'node', 'id') !== id) throw new Error('the newest import should come first');
    const people = ok(await kontor.gql(`{ contacts(first: 10) { edges { node { id customer { id } } } } }`, {}, token));
    const contactId = str(people, 'contacts', 'edges', 0, 'node', 'id');
    const customerId = str(people, 'contacts', 'edges', 0, 'node', 'customer', 'id');
    const traces = tracesOf([marker], [id, realId, contactId, customerId]);
    seeded.set(tenant.tenantUuid, traces);
    await checkExports(kontor, tenant, token, marker);
    await checkExports(kontor, tenant, tenant.key.token, marker);
    return { id, marker, listed: [id, realId], refs: { realId, cursor: str(newest, 'imports', 'edges', 0, 'cursor') }, traces };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    const read = async (id: string): Promise<unknown> => ok(await kontor.gql(`query($id: ID!) { import(id: $id) { ${IMPORT_FIELDS} } }`, { id }, token));
    const people = ok(await kontor.gql(`{ contacts(first: 50) { totalCount edges { node { id firstName lastName email } } } }`, {}, token));
    return { seed: await read(seed.id), real: await read(ref(seed, 'realId')), list: ok(await kontor.gql(IMPORTS, {}, token)), people };
  },
  fetch: {
    needs: 'CRM:read',
    query: `query($id: ID!) { import(id: $id) { id fileName headers sampleRows status errors(first: 10) { edges { node { row message } } } } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'CRM:read',
    query: IMPORTS,
    variables: () => ({}),
    searchable: false,
    read: (data) => connection(data, 'imports'),
  },
  update: {
    needs: 'CRM:write',
    query: RUN,
    // A dry run again: the seed may be run any number of times by its own tenant.
    variables: (target) => ({ input: { id: target.id, mapping: MAPPING, dryRun: true } }),
  },
  probes: [
    {
      name: "runs A's imported file (runImport on a DONE real run)",
      needs: 'CRM:write',
      query: RUN,
      variables: (target) => ({ input: { id: ref(target, 'realId'), mapping: MAPPING, dryRun: true } }),
      expect: { kind: 'NOT_FOUND' },
      // B's own real run is DONE: running it again is a CONFLICT, not a success.
      control: false,
    },
    {
      name: "reads the errors of A's real run (import(id) { errors })",
      needs: 'CRM:read',
      query: `query($id: ID!) { import(id: $id) { errors(first: 10) { totalCount edges { node { row message } } } } }`,
      variables: (target) => ({ id: ref(target, 'realId') }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "passes A's cursor to imports(after:)",
      needs: 'CRM:read',
      query: IMPORTS,
      variables: (target) => ({ after: ref(target, 'cursor') }),
      // After the newest (the seed) comes the real run: A's for A, B's for B.
      expect: { kind: 'LIST', read: (data) => connection(data, 'imports', false), own: (seedB) => [ref(seedB, 'realId')] },
    },
  ],
};

export const importCases: IsolationCase[] = [importCase];
