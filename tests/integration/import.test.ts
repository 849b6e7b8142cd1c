import { createPostgresBackend, Queue, type Job, type PostgresConnectionOptions, type PostgresQueueBackend } from 'bullmq';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IMPORT_QUEUE, importJobId, type ImportRunHooks } from '../../api/src/crm/import-runner.service.js';
import { fromGlobalId } from '../../api/src/graphql/global-id.js';
import { importProcessor } from '../../workers/import.job.js';
import { postgresConnection, type TenantJobData } from '../../workers/queues.js';
import { errorCode, ok, signUp, startKontor, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';
import { join, recordingMailbox } from '../support/members.js';

// ---------------------------------------------------------------------------------------------
// Documents and shapes

interface MappingView {
  column: number;
  field: string;
  customFieldKey: string | null;
}
interface RowErrorView {
  row: number;
  column: number | null;
  columnName: string | null;
  field: string | null;
  customFieldKey: string | null;
  path: string[];
  reason: string;
  message: string;
}
interface ImportView {
  id: string;
  entity: string;
  fileName: string;
  delimiter: string;
  headers: string[];
  sampleRows: string[][];
  status: string;
  dryRun: boolean;
  total: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  errorCount: number;
  failureMessage: string | null;
  suggestedMapping: MappingView[];
  mapping: MappingView[];
  errors: { totalCount: number; edges: { node: RowErrorView }[] };
}

const IMPORT = `query($id: ID!) { import(id: $id) {
  id entity fileName delimiter headers sampleRows status dryRun total processed created updated skipped failed errorCount failureMessage
  suggestedMapping { column field customFieldKey } mapping { column field customFieldKey }
  errors(first: 200) { totalCount edges { node { row column columnName field customFieldKey path reason message } } }
} }`;
const IMPORTS = `query($first: Int, $after: String) { imports(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id fileName } } } }`;
const RUN = `mutation($input: RunImportInput!) { runImport(input: $input) { id status dryRun mapping { column field customFieldKey } } }`;
const CONTACT_FIELDS = `id firstName lastName emails { address type } phones { number type } tags emailConsent smsConsent
  address { country region city postalCode line1 line2 } customer { name } position { name }
  customFields { key text number date boolean options } consentHistory { channel status source recordedBy { email } }`;
const CONTACTS = `query($filter: ContactFilter) { contacts(filter: $filter, first: 20, orderBy: { field: NAME, direction: ASC }) { totalCount edges { node { ${CONTACT_FIELDS} } } } }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const CREATE_COUNTERPARTY = `mutation($input: CreateCounterpartyInput!) { createCounterparty(input: $input) { id } }`;
const CREATE_FIELD = `mutation($input: CreateCustomFieldInput!) { createCustomField(input: $input) { key } }`;
const CUSTOMERS = `query($filter: CustomerFilter) { customers(filter: $filter, first: 20) { totalCount edges { node {
  id name kind lifecycleStage domain email phone tags source { channel utmSource } customFields { key text number options }
  counterparties { legalName taxId registrationNumber bankAccounts { iban } }
} } } }`;
const SET_MODULE = `mutation($input: SetModuleEnabledInput!) { setModuleEnabled(input: $input) { key enabled } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;

interface ContactView {
  id: string;
  firstName: string;
  lastName: string | null;
  emails: { address: string; type: string }[];
  phones: { number: string; type: string }[];
  tags: string[];
  emailConsent: string;
  smsConsent: string;
  address: Record<string, string | null>;
  customer: { name: string } | null;
  position: { name: string } | null;
  customFields: { key: string; text: string | null; number: string | null; date: string | null; boolean: boolean | null; options: string[] }[];
  consentHistory: { channel: string; status: string; source: string; recordedBy: { email: string } | null }[];
}

function problem(result: GqlResult<unknown>): Record<string, unknown> {
  const extensions = result.errors?.[0]?.extensions ?? {};
  return { code: extensions.code, path: extensions.path, reason: extensions.reason };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` people, one a row: First name, Last name, Email. */
function peopleCsv(count: number, tag: string): string {
  const rows = Array.from({ length: count }, (_, i) => `Person${i},${tag},${tag}-${i}@example.test`);
  return ['First name,Last name,Email', ...rows].join('\n');
}

const NAME_EMAIL: MappingView[] = [
  { column: 0, field: 'FIRST_NAME', customFieldKey: null },
  { column: 1, field: 'LAST_NAME', customFieldKey: null },
  { column: 2, field: 'EMAIL', customFieldKey: null },
];

describe('CSV import and export of people and customers', () => {
  let kontor: Kontor;
  let owner: SignedUp;
  let db: pg.Client;
  /** What the import worker does after each committed batch; tests set it. */
  let afterBatch: ImportRunHooks['afterBatch'] = undefined;
  const hooks: ImportRunHooks = { afterBatch: (progress) => afterBatch?.(progress) };

  const startWorkers = () => kontor.workers.start({ [IMPORT_QUEUE]: importProcessor(kontor.app, hooks) }, 4);

  async function upload(token: string | null, body: string | Buffer, query = 'entity=CONTACT&name=people.csv'): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${kontor.url}/crm/imports?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function uploaded(token: string, body: string | Buffer, query?: string): Promise<string> {
    const answer = await upload(token, body, query);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return String(answer.body.id);
  }

  const view = async (id: string, token = owner.token): Promise<ImportView> => ok(await kontor.gql<{ import: ImportView }>(IMPORT, { id }, token)).import;

  async function run(token: string, input: Record<string, unknown>): Promise<void> {
    ok(await kontor.gql(RUN, { input }, token));
  }

  async function finished(id: string, token = owner.token): Promise<ImportView> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const current = await view(id, token);
      if (current.status === 'DONE' || current.status === 'FAILED') return current;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${current.status} after 30 s`);
      await sleep(50);
    }
  }

  async function runToEnd(token: string, id: string, input: Record<string, unknown>): Promise<ImportView> {
    await run(token, { id, ...input });
    return finished(id, token);
  }

  const contacts = async (token: string, filter: Record<string, unknown> = {}): Promise<ContactView[]> =>
    ok(await kontor.gql<{ contacts: { edges: { node: ContactView }[] } }>(CONTACTS, { filter }, token)).contacts.edges.map((e) => e.node);

  /** Rows of a tenant table, counted as the owner (row-level security does not hide anything from it). */
  async function count(table: string, tenant: SignedUp, where = 'true', params: unknown[] = []): Promise<number> {
    const result = await db.query<{ n: number }>(`select count(*)::int as n from ${table} where tenant_id = $1 and (${where})`, [fromGlobalId('Tenant', tenant.tenantId, ['t']), ...params]);
    return result.rows[0]?.n ?? -1;
  }

  async function apiKey(token: string, modules: string[], access: 'READ' | 'READ_WRITE'): Promise<string> {
    return ok(await kontor.gql<{ createApiKey: { secret: string } }>(CREATE_KEY, { input: { name: `key ${modules.join()}`, modules, access } }, token)).createApiKey.secret;
  }

  beforeAll(async () => {
    kontor = await startKontor({ workers: false });
    startWorkers();
    owner = await signUp(kontor);
    db = new pg.Client({ connectionString: inject('ownerUrl') });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await kontor?.close();
  });

  // -------------------------------------------------------------------------------------------
  describe('upload', () => {
    it('stores a comma file as a DRAFT with its header, first rows and row count', async () => {
      const tenant = await signUp(kontor);
      const id = await uploaded(tenant.token, peopleCsv(7, 'Comma'), 'entity=CONTACT&name=my%20people.csv');
      const stored = await view(id, tenant.token);
      expect(stored).toMatchObject({ entity: 'CONTACT', fileName: 'my people.csv', delimiter: ',', headers: ['First name', 'Last name', 'Email'], status: 'DRAFT', total: 7, processed: 0 });
      expect(stored.sampleRows).toEqual(Array.from({ length: 5 }, (_, i) => [`Person${i}`, 'Comma', `Comma-${i}@example.test`]));
      const listed = ok(await kontor.gql<{ imports: { totalCount: number; edges: { node: { id: string } }[] } }>(IMPORTS, {}, tenant.token)).imports;
      expect(listed.edges.map((e) => e.node.id)).toEqual([id]);
    });

    it("reads Excel's semicolons and tabs, strips the BOM, keeps quoted delimiters, quotes and line breaks", async () => {
      const semicolon = '\uFEFFFirst name;Notes;Email\r\n"Ana";"one; two ""three""\r\nfour";ana@example.test\r\n\r\nIon;;ion@example.test\r\n';
      const stored = await view(await uploaded(owner.token, semicolon));
      expect(stored.delimiter).toBe(';');
      expect(stored.headers).toEqual(['First name', 'Notes', 'Email']);
      // The blank line is not a row.
      expect(stored.total).toBe(2);
      expect(stored.sampleRows).toEqual([
        ['Ana', 'one; two "three"\r\nfour', 'ana@example.test'],
        ['Ion', '', 'ion@example.test'],
      ]);
      const tabs = await view(await uploaded(owner.token, 'First name\tEmail, private\nAna\tana@example.test\nPipe 5" long\tx@example.test\n'));
      // A quote inside an unquoted value is kept as typed.
      expect(tabs).toMatchObject({ delimiter: '\t', headers: ['First name', 'Email, private'], sampleRows: [['Ana', 'ana@example.test'], ['Pipe 5" long', 'x@example.test']] });
    });

    it('refuses a file that is not CSV (400, nothing stored), a file over 20 MB (413), a caller without CRM:write', async () => {
      const tenant = await signUp(kontor);
      const cases: [string | Buffer, RegExp][] = [
        ['', /empty/],
        ['   \n  \n', /empty/],
        ['First name,Email\n', /no rows/],
        ['\nFirst name,Email\nAna,a@example.test\n', /first line/],
        ['First name,Email\n"Ana,ana@example.test\nIon,ion@example.test\n', /never closed/],
        [Buffer.from('First name,Email\nJos\xe9,jose@example.test\n', 'latin1'), /UTF-8/],
      ];
      for (const [body, message] of cases) {
        const answer = await upload(tenant.token, body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        const error = (answer.body.errors as { message: string; extensions: Record<string, unknown> }[])[0];
        expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CSV', path: ['file'] });
        expect(error?.message).toMatch(message);
      }
      expect((await upload(tenant.token, peopleCsv(1, 'x'), 'entity=DEAL')).status).toBe(400);
      const big = await upload(tenant.token, Buffer.alloc(20 * 1024 * 1024 + 1, 'a'));
      expect(big.status).toBe(413);
      expect(big.body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_LARGE' } }] });
      expect(await count('crm_imports', tenant)).toBe(0);

      expect((await upload(null, peopleCsv(1, 'x'))).status).toBe(401);
      expect((await upload('kts_not-a-session', peopleCsv(1, 'x'))).status).toBe(401);
      const readOnly = await apiKey(tenant.token, ['CRM'], 'READ');
      const refused = await upload(readOnly, peopleCsv(1, 'x'));
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
      // A partner's key with write access uploads like a member.
      const partner = await apiKey(tenant.token, ['CRM'], 'READ_WRITE');
      expect((await upload(partner, peopleCsv(2, 'Partner'))).status).toBe(201);
      expect(await count('crm_imports', tenant)).toBe(1);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('mapping', () => {
    it('suggests fields from English headers and custom fields by key or label, ignoring case, accents and punctuation', async () => {
      const tenant = await signUp(kontor);
      ok(await kontor.gql(CREATE_FIELD, { input: { entity: 'CONTACT', key: 'shoe_size', label: 'Shoe size', type: 'NUMBER' } }, tenant.token));
      ok(await kontor.gql(CREATE_FIELD, { input: { entity: 'CONTACT', key: 'pref', label: 'Préférence', type: 'TEXT' } }, tenant.token));
      const headers = ['FIRST NAME', 'Surname', 'E-Mail', 'Email 2', 'Mobile', 'Job title', 'Company', 'Tags', 'Cíty', 'ZIP', 'shoe_size', 'preference', 'Favourite colour', 'Notes', 'Name'];
      const id = await uploaded(tenant.token, `${headers.join(',')}\n${headers.map(() => 'x').join(',')}\n`);
      expect((await view(id, tenant.token)).suggestedMapping).toEqual([
        { column: 0, field: 'FIRST_NAME', customFieldKey: null },
        { column: 1, field: 'LAST_NAME', customFieldKey: null },
        { column: 2, field: 'EMAIL', customFieldKey: null },
        { column: 3, field: 'EMAIL_2', customFieldKey: null },
        { column: 4, field: 'PHONE', customFieldKey: null },
        { column: 5, field: 'POSITION', customFieldKey: null },
        { column: 6, field: 'CUSTOMER', customFieldKey: null },
        { column: 7, field: 'TAGS', customFieldKey: null },
        { column: 8, field: 'ADDRESS_CITY', customFieldKey: null },
        { column: 9, field: 'ADDRESS_POSTAL_CODE', customFieldKey: null },
        { column: 10, field: 'CUSTOM_FIELD', customFieldKey: 'shoe_size' },
        { column: 11, field: 'CUSTOM_FIELD', customFieldKey: 'pref' },
        // "Name" would be the full name, but the file has a first and a last name.
      ]);
      const customers = await uploaded(tenant.token, 'Company name,VAT number,Website,utm_source\nAcme,RO1,acme.ro,x\n', 'entity=CUSTOMER&name=c.csv');
      expect((await view(customers, tenant.token)).suggestedMapping.map((m) => m.field)).toEqual(['NAME', 'TAX_ID', 'DOMAIN', 'UTM_SOURCE']);
    });

    it('refuses a mapping that does not fit the file or the company, field by field', async () => {
      const tenant = await signUp(kontor);
      ok(await kontor.gql(CREATE_FIELD, { input: { entity: 'CONTACT', key: 'level', label: 'Level', type: 'TEXT' } }, tenant.token));
      const id = await uploaded(tenant.token, 'First name,Last name,Email,Consent\nAna,Pop,ana@example.test,yes\n');
      const m = (column: number, field: string, customFieldKey: string | null = null) => ({ column, field, customFieldKey });
      const cases: [Record<string, unknown>, unknown[], string][] = [
        [{ mapping: [m(0, 'FIRST_NAME'), m(4, 'EMAIL')] }, ['input', 'mapping', '1', 'column'], 'UNKNOWN_COLUMN'],
        [{ mapping: [m(0, 'FIRST_NAME'), m(0, 'LAST_NAME')] }, ['input', 'mapping', '1', 'column'], 'MAPPED_TWICE'],
        [{ mapping: [m(0, 'FIRST_NAME'), m(1, 'EMAIL'), m(2, 'EMAIL')] }, ['input', 'mapping', '2', 'field'], 'MAPPED_TWICE'],
        [{ mapping: [m(1, 'LAST_NAME'), m(2, 'EMAIL')] }, ['input', 'mapping'], 'REQUIRED'],
        [{ mapping: [m(0, 'FULL_NAME'), m(1, 'LAST_NAME')] }, ['input', 'mapping', '0', 'field'], 'INVALID'],
        [{ mapping: [m(0, 'FIRST_NAME'), m(1, 'TAX_ID')] }, ['input', 'mapping', '1', 'field'], 'INVALID'],
        [{ mapping: [m(0, 'FIRST_NAME'), m(1, 'CUSTOM_FIELD', 'nope')] }, ['input', 'mapping', '1', 'customFieldKey'], 'UNKNOWN_FIELD'],
        [{ mapping: [m(0, 'FIRST_NAME'), m(1, 'CUSTOM_FIELD')] }, ['input', 'mapping', '1', 'customFieldKey'], 'REQUIRED'],
        [{ mapping: [m(0, 'FIRST_NAME'), m(3, 'EMAIL_CONSENT')] }, ['input', 'consentSource'], 'REQUIRED'],
        [{ mapping: [m(0, 'FIRST_NAME'), m(2, 'EMAIL')], dedupeBy: ['TAX_ID'] }, ['input', 'dedupeBy', '0'], 'INVALID'],
        [{ mapping: [m(0, 'FIRST_NAME'), m(2, 'EMAIL')], dedupeBy: ['PHONE'] }, ['input', 'dedupeBy', '0'], 'REQUIRED'],
        [{ mapping: [m(0, 'FIRST_NAME')], defaultCountry: 'XX' }, ['input', 'defaultCountry'], 'INVALID_COUNTRY'],
      ];
      for (const [input, path, reason] of cases) {
        expect(problem(await kontor.gql(RUN, { input: { id, ...input } }, tenant.token)), JSON.stringify(input)).toEqual({ code: 'BAD_USER_INPUT', path, reason });
      }
      // Nothing started: still a draft.
      expect((await view(id, tenant.token)).status).toBe('DRAFT');
      const readOnly = await apiKey(tenant.token, ['CRM'], 'READ');
      expect(errorCode(await kontor.gql(RUN, { input: { id, mapping: [m(0, 'FIRST_NAME')] } }, readOnly))).toBe('FORBIDDEN');
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('runs', () => {
    const CSV = [
      'First name,Last name,Email,Phone,Position,Company,Country,Postal code,Level,Tags',
      // line 2: fine
      'Ana,Pop,ana@example.test,+40721000001,Buyer,Acme,Romania,400001,3,"vip, export"',
      // line 3: not an email
      'Bad,Email,not-an-email,,,,,,,',
      // line 4: a number without its country, and no default country
      'Bad,Phone,bad.phone@example.test,0721 000 002,,,,,,',
      // line 5: no first name
      ',Nameless,nameless@example.test,,,,,,,',
      // line 6: a postal code Romania does not have, found after its new position and customer were made
      'Bad,Postal,postal@example.test,,Ghost role,Ghost SRL,RO,12,,',
      // line 7: two problems at once: an email and a level that is not a number
      'Two,Problems,two@,,,,,,many,',
      // line 8: fine, same customer and position as line 2 (ignoring case)
      'Ion,Rusu,ion@example.test,+40721000003,buyer,ACME,NO,0150,,',
    ].join('\n');
    const mapping = [
      ...NAME_EMAIL,
      { column: 3, field: 'PHONE', customFieldKey: null },
      { column: 4, field: 'POSITION', customFieldKey: null },
      { column: 5, field: 'CUSTOMER', customFieldKey: null },
      { column: 6, field: 'ADDRESS_COUNTRY', customFieldKey: null },
      { column: 7, field: 'ADDRESS_POSTAL_CODE', customFieldKey: null },
      { column: 8, field: 'CUSTOM_FIELD', customFieldKey: 'level' },
      { column: 9, field: 'TAGS', customFieldKey: null },
    ];
    let tenant: SignedUp;
    let id: string;

    beforeAll(async () => {
      tenant = await signUp(kontor);
      ok(await kontor.gql(CREATE_FIELD, { input: { entity: 'CONTACT', key: 'level', label: 'Level', type: 'NUMBER' } }, tenant.token));
      id = await uploaded(tenant.token, CSV);
    });

    it('a dry run checks every row as a real run would, lists the problems by line and column, and writes nothing', async () => {
      const done = await runToEnd(tenant.token, id, { mapping, dryRun: true });
      expect(done).toMatchObject({ status: 'DONE', dryRun: true, total: 7, processed: 7, created: 2, updated: 0, skipped: 0, failed: 5, errorCount: 6 });
      const errors = done.errors.edges.map((e) => e.node);
      expect(errors.map((e) => [e.row, e.column, e.columnName, e.field, e.reason, e.path])).toEqual([
        [3, 2, 'Email', 'EMAIL', 'INVALID_EMAIL', ['input', 'emails', '0', 'address']],
        [4, 3, 'Phone', 'PHONE', 'INVALID_PHONE', ['input', 'phones', '0', 'number']],
        [5, 0, 'First name', 'FIRST_NAME', 'REQUIRED', ['input', 'firstName']],
        [6, 7, 'Postal code', 'ADDRESS_POSTAL_CODE', 'INVALID_POSTAL_CODE', ['input', 'address', 'postalCode']],
        [7, 2, 'Email', 'EMAIL', 'INVALID_EMAIL', ['input', 'emails', '0', 'address']],
        [7, 8, 'Level', 'CUSTOM_FIELD', 'INVALID_NUMBER', ['input', 'customFields', '0']],
      ]);
      expect(errors[5]?.customFieldKey).toBe('level');
      expect(errors[1]?.message).toMatch(/country code/);
      // Nothing at all was kept: no people, no customer or position made on the way, no points, no history.
      for (const table of ['crm_contacts', 'crm_customers', 'crm_positions', 'crm_contact_points', 'crm_consent_events']) expect(await count(table, tenant), table).toBe(0);
    });

    it('the same file run for real writes every valid row and nothing of an invalid one', async () => {
      const done = await runToEnd(tenant.token, id, { mapping });
      expect(done).toMatchObject({ status: 'DONE', dryRun: false, processed: 7, created: 2, failed: 5, errorCount: 6 });
      const people = await contacts(tenant.token);
      expect(people.map((p) => [p.firstName, p.lastName])).toEqual([
        ['Ana', 'Pop'],
        ['Ion', 'Rusu'],
      ]);
      expect(people[0]).toMatchObject({
        emails: [{ address: 'ana@example.test', type: 'WORK' }],
        phones: [{ number: '+40721000001', type: 'MOBILE' }],
        position: { name: 'Buyer' },
        customer: { name: 'Acme' },
        tags: ['vip', 'export'],
        address: { country: 'RO', postalCode: '400001' },
        customFields: [{ key: 'level', number: '3' }],
      });
      expect(people[1]).toMatchObject({ position: { name: 'Buyer' }, customer: { name: 'Acme' }, address: { country: 'NO', postalCode: '0150' } });
      // Counted as the owner: the refused rows left nothing behind, not even the position or customer they named.
      expect(await count('crm_contacts', tenant)).toBe(2);
      expect(await count('crm_contact_points', tenant)).toBe(4);
      expect(await count('crm_customers', tenant)).toBe(1);
      expect(await count('crm_positions', tenant)).toBe(1);
      expect(await count('crm_positions', tenant, "name = 'Ghost role'")).toBe(0);
      expect(await count('crm_customers', tenant, "name = 'Ghost SRL'")).toBe(0);
      // Imported for real once: a second run would write the rows again.
      expect(problem(await kontor.gql(RUN, { input: { id, mapping } }, tenant.token))).toEqual({ code: 'CONFLICT', path: ['input', 'id'], reason: 'ALREADY_IMPORTED' });
    });

    it('a row refused after the service built its entities leaves nothing for a later row to flush', async () => {
      const other = await signUp(kontor);
      // Required: createContact builds the person and their points, then refuses the missing value.
      ok(await kontor.gql(CREATE_FIELD, { input: { entity: 'CONTACT', key: 'badge', label: 'Badge', type: 'TEXT', required: true } }, other.token));
      const file = 'First name,Email,Phone,Badge\nNo,no.badge@example.test,+40721000010,\nYes,yes.badge@example.test,+40721000011,B-1\n';
      const done = await runToEnd(other.token, await uploaded(other.token, file), {
        mapping: [
          { column: 0, field: 'FIRST_NAME' },
          { column: 1, field: 'EMAIL' },
          { column: 2, field: 'PHONE' },
          { column: 3, field: 'CUSTOM_FIELD', customFieldKey: 'badge' },
        ],
      });
      expect(done).toMatchObject({ created: 1, failed: 1 });
      expect(done.errors.edges[0]?.node).toMatchObject({ row: 2, column: 3, field: 'CUSTOM_FIELD', customFieldKey: 'badge', reason: 'REQUIRED' });
      expect(await count('crm_contacts', other)).toBe(1);
      expect(await count('crm_contact_points', other)).toBe(2);
      expect(await count('crm_contact_points', other, "value in ('no.badge@example.test', '+40721000010')")).toBe(0);
    });

    it('reads custom values by type (decimal comma, European dates, yes/no, options by key or label), consent with its source', async () => {
      const other = await signUp(kontor);
      const fields = [
        { key: 'visits', label: 'Visits', type: 'NUMBER' },
        { key: 'spend', label: 'Spend', type: 'DECIMAL' },
        { key: 'since', label: 'Since', type: 'DATE' },
        { key: 'vip', label: 'VIP', type: 'BOOLEAN' },
        { key: 'tier', label: 'Tier', type: 'SELECT', options: [{ key: 'gold', label: 'Gold' }, { key: 'silver', label: 'Silver' }] },
        { key: 'games', label: 'Games', type: 'MULTI_SELECT', options: [{ key: 'chess', label: 'Chess' }, { key: 'go', label: 'Go' }] },
        { key: 'note', label: 'Note', type: 'TEXT' },
      ];
      for (const field of fields) ok(await kontor.gql(CREATE_FIELD, { input: { entity: 'CONTACT', ...field } }, other.token));
      const file = [
        'Name;Email;Visits;Spend;Since;VIP;Tier;Games;Note;Newsletter;SMS',
        'Ana Maria Pop;ana@example.test;1 234;12,5;31.12.2026;x;Gold;chess, Go;hello;yes;no',
        'Ion;ion@example.test;7;3.25;2026-01-02;no;silver;go;;;',
        'Bad Values;bad@example.test;1.5;1,2,3;31/02/2026;maybe;Bronze;chess;;;',
      ].join('\n');
      const id = await uploaded(other.token, file);
      const suggested = (await view(id, other.token)).suggestedMapping;
      expect(suggested.map((m) => m.customFieldKey ?? m.field)).toEqual(['FULL_NAME', 'EMAIL', 'visits', 'spend', 'since', 'vip', 'tier', 'games', 'note', 'EMAIL_CONSENT']);
      const mapping = [...suggested, { column: 10, field: 'SMS_CONSENT', customFieldKey: null }];
      const done = await runToEnd(other.token, id, { mapping, consentSource: 'Trade fair 2026' });
      expect(done).toMatchObject({ created: 2, failed: 1 });
      expect(done.errors.edges.map((e) => [e.node.row, e.node.customFieldKey, e.node.reason])).toEqual([
        [4, 'spend', 'INVALID_NUMBER'],
        [4, 'since', 'INVALID_DATE'],
        [4, 'vip', 'INVALID_BOOLEAN'],
        [4, 'tier', 'INVALID_OPTION'],
      ]);
      const [ana, ion] = await contacts(other.token);
      expect(ana).toMatchObject({ firstName: 'Ana Maria', lastName: 'Pop', emailConsent: 'GRANTED', smsConsent: 'DENIED' });
      expect(ana?.customFields).toEqual([
        { key: 'visits', text: null, number: '1234', date: null, boolean: null, options: [] },
        { key: 'spend', text: null, number: '12.5', date: null, boolean: null, options: [] },
        { key: 'since', text: null, number: null, date: '2026-12-31', boolean: null, options: [] },
        { key: 'vip', text: null, number: null, date: null, boolean: true, options: [] },
        { key: 'tier', text: null, number: null, date: null, boolean: null, options: ['gold'] },
        { key: 'games', text: null, number: null, date: null, boolean: null, options: ['chess', 'go'] },
        { key: 'note', text: 'hello', number: null, date: null, boolean: null, options: [] },
      ]);
      // The consent history says how it was given and who recorded it (the member who ran the import).
      expect(ana?.consentHistory.map((e) => [e.channel, e.status, e.source, e.recordedBy?.email])).toEqual(
        expect.arrayContaining([
          ['EMAIL', 'GRANTED', 'Trade fair 2026', other.email],
          ['SMS', 'DENIED', 'Trade fair 2026', other.email],
        ]),
      );
      expect(ion).toMatchObject({ emailConsent: 'UNKNOWN', consentHistory: [] });
      expect(ion?.customFields.find((f) => f.key === 'tier')?.options).toEqual(['silver']);
      // 1.5 is not a whole number: refused by the service's own check.
      const visits = await runToEnd(other.token, await uploaded(other.token, 'First name,Visits\nHalf,1.5\n'), { mapping: [{ column: 0, field: 'FIRST_NAME' }, { column: 1, field: 'CUSTOM_FIELD', customFieldKey: 'visits' }] });
      expect(visits.errors.edges[0]?.node).toMatchObject({ row: 2, column: 1, customFieldKey: 'visits', path: ['input', 'customFields', '0', 'number'] });
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('duplicates', () => {
    it('people by email or phone, against existing people and earlier rows of the file: SKIP counts them, UPDATE fills in', async () => {
      const tenant = await signUp(kontor);
      ok(await kontor.gql(CREATE_CONTACT, { input: { firstName: 'Ana', lastName: 'Old', email: 'ana@example.test', phone: '+40721000001', tags: ['kept'] } }, tenant.token));
      const file = [
        'First name,Last name,Email,Email 2,Phone,Tags',
        'Ana,,ANA@example.test,ana.home@example.test,,new',
        'Bob,Stone,bob@example.test,,0722 000 002,',
        // The same person as the row above, by phone (written another way).
        'Robert,Stone,,,+40 722 000 002,',
        // Ana again, by phone only, written without the country code.
        'Anna,Newer,,,0721 000 001,',
      ].join('\n');
      const mapping = [
        { column: 0, field: 'FIRST_NAME' },
        { column: 1, field: 'LAST_NAME' },
        { column: 2, field: 'EMAIL' },
        { column: 3, field: 'EMAIL_2' },
        { column: 4, field: 'PHONE' },
        { column: 5, field: 'TAGS' },
      ];
      const skip = await runToEnd(tenant.token, await uploaded(tenant.token, file), { mapping, dedupeBy: ['EMAIL', 'PHONE'], onDuplicate: 'SKIP', defaultCountry: 'RO', dryRun: true });
      expect(skip).toMatchObject({ created: 1, skipped: 3, failed: 0 });
      const skipped = await runToEnd(tenant.token, await uploaded(tenant.token, file), { mapping, dedupeBy: ['EMAIL', 'PHONE'], onDuplicate: 'SKIP', defaultCountry: 'RO' });
      expect(skipped).toMatchObject({ created: 1, skipped: 3, failed: 0 });
      expect((await contacts(tenant.token)).map((p) => `${p.firstName} ${p.lastName}`)).toEqual(['Ana Old', 'Bob Stone']);

      const updated = await runToEnd(tenant.token, await uploaded(tenant.token, file), { mapping, dedupeBy: ['EMAIL', 'PHONE'], onDuplicate: 'UPDATE', defaultCountry: 'RO' });
      expect(updated).toMatchObject({ created: 0, updated: 4, failed: 0 });
      const [ana, bob] = await contacts(tenant.token);
      // Only non-empty values: Ana's last name stays until a row gives one; emails and tags are added.
      expect(ana).toMatchObject({ firstName: 'Anna', lastName: 'Newer', tags: ['kept', 'new'] });
      expect(ana?.emails.map((e) => e.address)).toEqual(['ana@example.test', 'ana.home@example.test']);
      expect(ana?.phones.map((p) => p.number)).toEqual(['+40721000001']);
      expect(bob).toMatchObject({ firstName: 'Robert', lastName: 'Stone' });
      expect(await count('crm_contacts', tenant)).toBe(2);
    });

    it('a member limited to their own records imports within them: someone else\'s person is not theirs to find or update', async () => {
      const tenant = await signUp(kontor);
      const { workers: mailing, mailText } = recordingMailbox();
      kontor.workers.start(mailing, 1);
      const agent = await join(kontor, tenant, 'AGENT', mailText);
      ok(await kontor.gql(CREATE_CONTACT, { input: { firstName: 'Theirs', email: 'theirs@example.test' } }, tenant.token));
      ok(await kontor.gql(`mutation($input: UpdateTenantSettingsInput!) { updateTenantSettings(input: $input) { settings { ownRecordsOnlyRoles } } }`, { input: { ownRecordsOnlyRoles: ['AGENT'] } }, tenant.token));
      const id = await uploaded(agent.token, 'First name,Email\nMine,theirs@example.test\n');
      const done = await runToEnd(agent.token, id, { mapping: [{ column: 0, field: 'FIRST_NAME' }, { column: 1, field: 'EMAIL' }], dedupeBy: ['EMAIL'], onDuplicate: 'UPDATE' });
      expect(done).toMatchObject({ created: 1, updated: 0, failed: 0 });
      expect((await contacts(tenant.token)).map((p) => p.firstName)).toEqual(['Mine', 'Theirs']);
      expect((await contacts(agent.token)).map((p) => p.firstName)).toEqual(['Mine']);
    });

    it('customers by tax id (of a counterparty), email or phone; UPDATE fills in the customer and its counterparty', async () => {
      const tenant = await signUp(kontor);
      const acme = ok(await kontor.gql<{ createCustomer: { id: string } }>(CREATE_CUSTOMER, { input: { name: 'Acme SRL', email: 'office@acme.ro' } }, tenant.token)).createCustomer.id;
      ok(await kontor.gql(CREATE_COUNTERPARTY, { input: { customerId: acme, legalName: 'Acme Trading SRL', taxId: 'RO 123456' } }, tenant.token));
      const file = [
        'Name,Kind,Lifecycle stage,Email,Tax ID,Registration number,IBAN,Source channel,UTM source',
        'Acme (renamed),,customer,,ro123456,J12/1/2020,RO49AAAA1B31007593840000,Paid search,google',
        'Beta AS,Organization,Prospect,post@beta.no,NO999,,,,',
        'Beta duplicate,,,POST@beta.no,,,,,',
        'Gamma,private,,gamma@example.test,,,,Referral,',
        'Delta,alien,,,,,,,',
      ].join('\n');
      const id = await uploaded(tenant.token, file, 'entity=CUSTOMER&name=customers.csv');
      const suggested = (await view(id, tenant.token)).suggestedMapping;
      expect(suggested.map((m) => m.field)).toEqual(['NAME', 'KIND', 'LIFECYCLE_STAGE', 'EMAIL', 'TAX_ID', 'REGISTRATION_NUMBER', 'IBAN', 'SOURCE_CHANNEL', 'UTM_SOURCE']);
      const done = await runToEnd(tenant.token, id, { mapping: suggested, dedupeBy: ['TAX_ID', 'EMAIL'], onDuplicate: 'UPDATE' });
      expect(done).toMatchObject({ created: 2, updated: 2, failed: 1 });
      expect(done.errors.edges[0]?.node).toMatchObject({ row: 6, column: 1, field: 'KIND', reason: 'INVALID_OPTION' });
      interface CustomerRow {
        name: string;
        kind: string;
        lifecycleStage: string;
        email: string | null;
        source: { channel: string | null; utmSource: string | null };
        counterparties: { legalName: string; taxId: string | null; registrationNumber: string | null; bankAccounts: { iban: string }[] }[];
      }
      const all = ok(await kontor.gql<{ customers: { edges: { node: CustomerRow }[] } }>(CUSTOMERS, {}, tenant.token)).customers.edges.map((e) => e.node);
      const byName = new Map(all.map((c) => [c.name, c]));
      expect([...byName.keys()].sort()).toEqual(['Acme (renamed)', 'Beta duplicate', 'Gamma']);
      expect(byName.get('Acme (renamed)')).toMatchObject({
        lifecycleStage: 'CUSTOMER',
        email: 'office@acme.ro',
        source: { channel: 'PAID_SEARCH', utmSource: 'google' },
        counterparties: [{ legalName: 'Acme Trading SRL', taxId: 'RO123456', registrationNumber: 'J12/1/2020', bankAccounts: [{ iban: 'RO49AAAA1B31007593840000' }] }],
      });
      // Beta was created by its row and updated by the next (matched by email, ignoring case).
      expect(byName.get('Beta duplicate')).toMatchObject({ lifecycleStage: 'PROSPECT', counterparties: [{ legalName: 'Beta AS', taxId: 'NO999' }] });
      expect(byName.get('Gamma')).toMatchObject({ kind: 'PERSON', source: { channel: 'REFERRAL' }, counterparties: [] });
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('the job', () => {
    it('commits progress batch by batch, so import(id) shows it live; a run under way cannot be started again', async () => {
      const tenant = await signUp(kontor);
      const id = await uploaded(tenant.token, peopleCsv(450, 'Live'));
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      let reached: (progress: { processed: number }) => void = () => undefined;
      const firstBatch = new Promise<{ processed: number }>((resolve) => (reached = resolve));
      afterBatch = async (progress) => {
        if (progress.processed === 200) {
          reached(progress);
          await held;
        }
      };
      try {
        await run(tenant.token, { id, mapping: NAME_EMAIL });
        expect((await firstBatch).processed).toBe(200);
        expect(await view(id, tenant.token)).toMatchObject({ status: 'RUNNING', total: 450, processed: 200, created: 200 });
        expect(await count('crm_contacts', tenant)).toBe(200);
        expect(problem(await kontor.gql(RUN, { input: { id, mapping: NAME_EMAIL } }, tenant.token))).toEqual({ code: 'CONFLICT', path: ['input', 'id'], reason: 'IMPORT_RUNNING' });
      } finally {
        release();
        afterBatch = undefined;
      }
      expect(await finished(id, tenant.token)).toMatchObject({ status: 'DONE', processed: 450, created: 450 });
    });

    it('a run that crashes after a batch resumes at the first unfinished batch: no row twice, none left out', async () => {
      const tenant = await signUp(kontor);
      const id = await uploaded(tenant.token, peopleCsv(450, 'Crash'));
      let crashes = 0;
      afterBatch = (progress) => {
        if (progress.processed === 200 && crashes === 0) {
          crashes += 1;
          throw new Error('the worker died');
        }
      };
      try {
        await run(tenant.token, { id, mapping: NAME_EMAIL, dedupeBy: [] });
        const done = await finished(id, tenant.token);
        expect(crashes).toBe(1);
        expect(done).toMatchObject({ status: 'DONE', processed: 450, created: 450, failed: 0 });
      } finally {
        afterBatch = undefined;
      }
      expect(await count('crm_contacts', tenant)).toBe(450);
      const distinct = await db.query<{ n: number }>(`select count(distinct value)::int as n from crm_contact_points where tenant_id = $1`, [fromGlobalId('Tenant', tenant.tenantId, ['t'])]);
      expect(distinct.rows[0]?.n).toBe(450);
    });

    it('a dry run that crashes starts over and still counts every row once', async () => {
      const tenant = await signUp(kontor);
      const id = await uploaded(tenant.token, peopleCsv(450, 'DryCrash'));
      let crashes = 0;
      afterBatch = (progress) => {
        if (progress.processed === 400 && crashes === 0) {
          crashes += 1;
          throw new Error('the worker died');
        }
      };
      try {
        await run(tenant.token, { id, mapping: NAME_EMAIL, dryRun: true });
        expect(await finished(id, tenant.token)).toMatchObject({ status: 'DONE', dryRun: true, processed: 450, created: 450 });
      } finally {
        afterBatch = undefined;
      }
      expect(crashes).toBe(1);
      expect(await count('crm_contacts', tenant)).toBe(0);
    });

    it('waits (postponed, not failed) while the CRM is off, and runs once it is back on', async () => {
      const tenant = await signUp(kontor);
      const id = await uploaded(tenant.token, peopleCsv(3, 'Paused'));
      const config = kontor.app.jobs.config;
      const queue = new Queue<TenantJobData, unknown, string, TenantJobData, unknown, string, PostgresQueueBackend, PostgresConnectionOptions>(
        IMPORT_QUEUE,
        { connection: postgresConnection(config) },
        createPostgresBackend,
      );
      await kontor.workers.close();
      try {
        await run(tenant.token, { id, mapping: NAME_EMAIL });
        ok(await kontor.gql(SET_MODULE, { input: { module: 'CRM', enabled: false } }, tenant.token));
        startWorkers();
        const jobId = importJobId(fromGlobalId('Import', id, ['id']), 1);
        const job = async (): Promise<Job<TenantJobData>> => {
          const found = await queue.getJob(jobId);
          if (!found) throw new Error(`no job ${jobId}`);
          return found;
        };
        await expect.poll(async () => {
          const current = await job();
          return current.processedOn ? await current.getState() : 'not yet';
        }, { timeout: 20_000, interval: 100 }).toBe('delayed');
        ok(await kontor.gql(SET_MODULE, { input: { module: 'CRM', enabled: true } }, tenant.token));
        expect((await view(id, tenant.token)).status).toBe('QUEUED');
        expect(await count('crm_contacts', tenant)).toBe(0);
        await (await job()).promote();
        expect(await finished(id, tenant.token)).toMatchObject({ status: 'DONE', created: 3 });
      } finally {
        await queue.close();
      }
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('export', () => {
    let tenant: SignedUp;

    async function download(path: string, params: Record<string, unknown>, token: string | null = tenant.token): Promise<{ status: number; headers: Headers; text: string }> {
      const query = new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
      const response = await fetch(`${kontor.url}${path}?${query.toString()}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      // Read as bytes: text() would drop the byte-order mark.
      return { status: response.status, headers: response.headers, text: Buffer.from(await response.arrayBuffer()).toString('utf8') };
    }

    const records = (text: string): string[][] => parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true });

    beforeAll(async () => {
      tenant = await signUp(kontor);
      ok(await kontor.gql(CREATE_FIELD, { input: { entity: 'CONTACT', key: 'tier', label: 'Tier', type: 'SELECT', options: [{ key: 'gold', label: 'Gold' }, { key: 'silver', label: 'Silver' }] } }, tenant.token));
      ok(await kontor.gql(CREATE_FIELD, { input: { entity: 'CONTACT', key: 'since', label: 'Customer since', type: 'DATE' } }, tenant.token));
      ok(await kontor.gql(CREATE_FIELD, { input: { entity: 'CUSTOMER', key: 'employees', label: 'Employees', type: 'NUMBER' } }, tenant.token));
      const acme = ok(await kontor.gql<{ createCustomer: { id: string } }>(CREATE_CUSTOMER, {
        input: { name: 'Acme SRL', domain: 'acme.ro', email: 'office@acme.ro', tags: ['b2b'], address: { country: 'RO', city: 'Cluj-Napoca', postalCode: '400001' }, source: { channel: 'EVENT', utmSource: 'fair' }, customFields: [{ key: 'employees', number: '12' }] },
      }, tenant.token)).createCustomer.id;
      ok(await kontor.gql(CREATE_COUNTERPARTY, { input: { customerId: acme, legalName: 'Acme Trading SRL', taxId: 'RO123', registrationNumber: 'J1/2/3', bankAccounts: [{ iban: 'RO49AAAA1B31007593840000' }] } }, tenant.token));
      ok(await kontor.gql(CREATE_CUSTOMER, { input: { kind: 'PERSON', name: 'Private Person' } }, tenant.token));
      const person = (input: Record<string, unknown>) => kontor.gql(CREATE_CONTACT, { input }, tenant.token).then(ok);
      await person({
        firstName: 'Ana',
        lastName: 'Pop',
        emails: [{ address: 'ana@example.test', type: 'WORK' }, { address: 'ana.home@example.test', type: 'HOME' }, { address: 'ana.third@example.test', type: 'OTHER' }],
        phones: [{ number: '+40721000001', type: 'MOBILE' }],
        customerId: acme,
        tags: ['vip', 'export'],
        address: { country: 'RO', city: 'Cluj-Napoca', postalCode: '400001', line1: 'Strada 1' },
        emailConsent: 'GRANTED',
        consentSource: 'form',
        customFields: [{ key: 'tier', options: ['gold'] }, { key: 'since', date: '2025-05-01' }],
      });
      await person({ firstName: 'Ion', lastName: 'Rusu', email: 'ion@example.test', tags: ['vip'], customFields: [{ key: 'tier', options: ['silver'] }] });
      await person({ firstName: 'Zoe', lastName: '=HYPERLINK("x")', email: 'zoe@example.test' });
    });

    it('streams every matching person, in the list order, with a BOM, every email and phone, consent and custom fields', async () => {
      const answer = await download('/crm/exports/contacts.csv', { filter: { tags: ['VIP'] }, orderBy: { field: 'NAME', direction: 'DESC' } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="people-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(answer.text.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = records(answer.text);
      expect(header).toEqual([
        'First name', 'Last name', 'Email', 'Email 2', 'Other emails', 'Phone', 'Phone 2', 'Other phones', 'Position', 'Customer', 'Tags',
        'Country', 'Region', 'City', 'Postal code', 'Address line 1', 'Address line 2', 'Email consent', 'SMS consent', 'Tier', 'Customer since', 'Created at',
      ]);
      expect(rows.map((r) => r[0])).toEqual(['Ion', 'Ana']);
      expect(rows[1]?.slice(0, 21)).toEqual([
        'Ana', 'Pop', 'ana@example.test', 'ana.home@example.test', 'ana.third@example.test', '+40721000001', '', '', '', 'Acme SRL', 'vip, export',
        'RO', '', 'Cluj-Napoca', '400001', 'Strada 1', '', 'GRANTED', 'UNKNOWN', 'Gold', '2025-05-01',
      ]);
      expect(new Date(rows[1]?.[21] ?? '').getTime()).not.toBeNaN();
      // A value a spreadsheet would run as a formula is written inert.
      const all = records((await download('/crm/exports/contacts.csv', {})).text);
      expect(all.find((r) => r[0] === 'Zoe')?.[1]).toBe(`'=HYPERLINK("x")`);
      expect(all).toHaveLength(4);
    });

    it('exports a segment, and customers with their counterparty and custom fields', async () => {
      const segment = ok(await kontor.gql<{ createSegment: { id: string } }>(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, {
        input: { name: 'Gold people', entity: 'CONTACT', contactFilter: { customFields: [{ key: 'tier', equals: 'gold' }] } },
      }, tenant.token)).createSegment.id;
      expect(records((await download('/crm/exports/contacts.csv', { filter: { segmentId: segment } })).text).slice(1).map((r) => r[0])).toEqual(['Ana']);

      const answer = await download('/crm/exports/customers.csv', { filter: { kinds: ['ORGANIZATION'] } });
      expect(answer.status).toBe(200);
      const [header, ...rows] = records(answer.text);
      expect(header).toEqual([
        'Name', 'Kind', 'Lifecycle stage', 'Domain', 'Email', 'Phone', 'Tags', 'Country', 'Region', 'City', 'Postal code', 'Address line 1', 'Address line 2',
        'Source channel', 'UTM source', 'UTM medium', 'UTM campaign', 'Legal name', 'Tax ID', 'Registration number', 'IBAN', 'Employees', 'Created at',
      ]);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.slice(0, 22)).toEqual([
        'Acme SRL', 'ORGANIZATION', 'LEAD', 'acme.ro', 'office@acme.ro', '', 'b2b', 'RO', '', 'Cluj-Napoca', '400001', '', '',
        'EVENT', 'fair', '', '', 'Acme Trading SRL', 'RO123', 'J1/2/3', 'RO49AAAA1B31007593840000', '12',
      ]);
    });

    it('refuses a bad filter or order with 400 and the path, a caller without CRM:read, and a company with the CRM off', async () => {
      const bad: [Record<string, unknown>, string[], string][] = [
        [{ filter: '{not json' }, ['filter'], 'INVALID'],
        [{ filter: { emailConsent: 'MAYBE' } }, ['filter', 'emailConsent'], 'INVALID'],
        [{ filter: { email: 'not-an-email' } }, ['filter', 'email'], 'INVALID_EMAIL'],
        [{ filter: { customer: { lifecycleStages: ['LEAD', 'SOON'] } } }, ['filter', 'customer', 'lifecycleStages', '1'], 'INVALID'],
        [{ filter: { customerId: 'nope' } }, ['filter', 'customerId'], 'INVALID'],
        [{ filter: { customFields: [{ key: 'unknown', equals: 'x' }] } }, ['filter', 'customFields', '0', 'key'], 'UNKNOWN_FIELD'],
        [{ filter: { shoeSize: 42 } }, ['filter'], 'INVALID'],
        [{ orderBy: { field: 'CUSTOM_FIELD' } }, ['orderBy', 'customFieldKey'], 'REQUIRED'],
      ];
      for (const [params, path, reason] of bad) {
        const answer = await download('/crm/exports/contacts.csv', params);
        expect(answer.status, JSON.stringify(params)).toBe(400);
        expect(JSON.parse(answer.text), JSON.stringify(params)).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', path, reason } }] });
      }
      expect((await download('/crm/exports/customers.csv', { filter: { kinds: ['ROBOT'] } })).status).toBe(400);
      expect((await download('/crm/exports/contacts.csv', {}, null)).status).toBe(401);
      const accounting = await apiKey(tenant.token, ['ACCOUNTING'], 'READ');
      const forbidden = await download('/crm/exports/contacts.csv', {}, accounting);
      expect(forbidden.status).toBe(403);
      expect(JSON.parse(forbidden.text)).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
      const reader = await apiKey(tenant.token, ['CRM'], 'READ');
      expect((await download('/crm/exports/contacts.csv', {}, reader)).status).toBe(200);

      const off = await signUp(kontor);
      ok(await kontor.gql(SET_MODULE, { input: { module: 'CRM', enabled: false } }, off.token));
      const disabled = await download('/crm/exports/contacts.csv', {}, off.token);
      expect(disabled.status).toBe(403);
      expect(JSON.parse(disabled.text)).toMatchObject({ errors: [{ extensions: { code: 'MODULE_DISABLED', module: 'CRM' } }] });
      expect((await upload(off.token, peopleCsv(1, 'x'))).status).toBe(403);
    });

    it('round trip: an exported file uploaded again maps itself and passes a dry run without a single error', async () => {
      for (const [path, entity, unmapped] of [
        ['/crm/exports/contacts.csv', 'CONTACT', ['Other emails', 'Other phones', 'Created at']],
        ['/crm/exports/customers.csv', 'CUSTOMER', ['Created at']],
      ] as const) {
        const exported = await download(path, {});
        const id = await uploaded(tenant.token, exported.text, `entity=${entity}&name=again.csv`);
        const again = await view(id, tenant.token);
        const mappedHeaders = again.suggestedMapping.map((m) => again.headers[m.column]);
        expect(again.headers.filter((h) => !mappedHeaders.includes(h))).toEqual(unmapped);
        const done = await runToEnd(tenant.token, id, { mapping: again.suggestedMapping, consentSource: 'export round trip', dryRun: true });
        expect(done.errors.edges.map((e) => e.node)).toEqual([]);
        expect(done).toMatchObject({ status: 'DONE', failed: 0, processed: again.total });
      }
    });
  });
});
