import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { toGlobalId } from '../../api/src/graphql/global-id.js';
import { closeClient, postJson } from './http-client.js';
import { BENCH_TENANT_PREFIX } from './seed.js';
import { fmt, summarise, type LatencySummary } from './stats.js';

/**
 * The CRM at scale: one tenant with a million people among a thousand other tenants. Measures, one
 * request at a time, the first page of a filtered and sorted contact list and a segment's count, each
 * through the API and as the same SQL on a bare connection (the application role, row-level
 * security on, the tenant set in a transaction), interleaved so both see the same caches.
 */

export interface ScaleSettings {
  contacts: number;
  tenants: number;
  contactsPerOtherTenant: number;
  pageRuns: number;
  countRuns: number;
}

export interface ScaleContext {
  graphqlUrl: string;
  ownerUrl: string;
  appUrl: string;
  tenantId: string;
  userId: string;
  token: string;
  say: (line?: string) => void;
  /** Samples the server's CPU while `fn` runs and reports where the time went (BENCH_PROFILE). */
  profile?: (label: string, fn: () => Promise<unknown>) => Promise<void>;
}

export interface ScaleResult {
  page: { api: LatencySummary; bare: LatencySummary };
  /** An authenticated request that reads nothing: what every API call costs before its own work. */
  fixed: LatencySummary;
  count: { api: LatencySummary; bare: LatencySummary; members: number };
}

export const TARGET_PAGE_P50_MS = 30;
export const TARGET_COUNT_MS = 1000;
export const TARGET_API_OVER_BARE = 2;

/** The list a salesperson opens: consenting VIPs by name. */
const PAGE_QUERY = `query($filter: ContactFilter, $orderBy: ContactOrder) {
  contacts(first: 50, filter: $filter, orderBy: $orderBy) { edges { node { id fullName email phone customer { name } } } }
}`;
const PAGE_VARIABLES = { filter: { emailConsent: 'GRANTED', tags: ['vip'] }, orderBy: { field: 'NAME', direction: 'ASC' } };
/** The same page as contact.service.ts, tags.ts and keyset.ts write it, then its customers as the loader reads them. */
const PAGE_SQL = `select t.*, (lower(t.first_name || ' ' || coalesce(t.last_name, '')))::text as "__sort_key" from crm_contacts t
  where (t.tenant_id = $1) and (crm_lower_tags(t.tags) @> $2::text[]) and (t.email_consent = $3)
  order by lower(t.first_name || ' ' || coalesce(t.last_name, '')) asc, t.id asc limit 51`;
const PAGE_CUSTOMERS_SQL = `select t.*, u.id as u_id, u.email as u_email, u.name as u_name, r.name as referrer_name from crm_customers t
  left join memberships om on om.tenant_id = t.tenant_id and om.user_id = t.owner_id
  left join users u on u.id = om.user_id
  left join crm_customers r on r.tenant_id = t.tenant_id and r.id = t.referred_by_id
  where t.tenant_id = $1 and t.id = any($2::uuid[])`;
/** A campaign audience: consenting VIPs whose customer is a customer (not a lead). */
const SEGMENT_FILTER = { emailConsent: 'GRANTED', tags: ['vip'], customer: { lifecycleStages: ['CUSTOMER'] } };
const COUNT_SQL = `select count(*)::int as n from crm_contacts t
  where (t.tenant_id = $1) and (crm_lower_tags(t.tags) @> $2::text[]) and (t.email_consent = $3)
    and (t.customer_id in (select t.id from crm_customers t where t.tenant_id = $1 and (t.lifecycle_stage in ('CUSTOMER'))))`;

async function gql<T>(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await postJson(url, JSON.stringify({ query, variables }), { authorization: `Bearer ${token}` });
  const body = JSON.parse(response.text) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * Bulk data in SQL as the owner: customers and people of the measured tenant, and the neighbours.
 * Distributions: 40 % of people consented to email, 10 % tagged VIP, two thirds at a customer, a
 * quarter of customers in the CUSTOMER stage.
 */
async function seed(ctx: ScaleContext, settings: ScaleSettings): Promise<void> {
  const client = new pg.Client({ connectionString: ctx.ownerUrl });
  await client.connect();
  try {
    const customers = Math.max(1, Math.round(settings.contacts / 10));
    await client.query('begin');
    await client.query(
      `insert into crm_customers (tenant_id, id, created_at, updated_at, kind, name, lifecycle_stage, tags, custom_fields)
       select $1, gen_random_uuid(), now() - make_interval(secs => i), now(), 'ORGANIZATION', 'Customer ' || i,
              (array['LEAD', 'PROSPECT', 'CUSTOMER', 'FORMER'])[1 + i % 4]::crm_lifecycle_stage, '{}', '{}'
         from generate_series(1, $2::int) as i`,
      [ctx.tenantId, customers],
    );
    // Numbered customers to spread people over (a join, not a lookup per row).
    await client.query(`create temp table bench_customers on commit drop as select row_number() over (order by id) as n, id from crm_customers where tenant_id = ${client.escapeLiteral(ctx.tenantId)}`);
    await client.query('create index on bench_customers (n)');
    await client.query('analyze bench_customers');
    await client.query(
      `insert into crm_contacts (tenant_id, id, created_at, updated_at, first_name, last_name, email, phone, customer_id, email_consent, sms_consent, tags, custom_fields)
       select $1, gen_random_uuid(), now() - make_interval(secs => i), now(),
              (array['Ana', 'Bogdan', 'Chloé', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ioana', 'Jonas', 'Katarzyna', 'Luca', 'Mara', 'Nils', 'Oana', 'Pablo'])[1 + i % 16],
              (array['Popescu', 'Müller', 'Rossi', 'Novak', 'García', 'Dubois', 'Kowalski', 'Jensen', 'Ionescu', 'Smith', 'Tanaka', 'Silva', 'Horvat'])[1 + (i / 16) % 13] || ' ' || (i % 997),
              case when i % 10 <> 9 then 'person' || i || '@people.example' end,
              case when i % 4 <> 3 then '+4915' || lpad((10000000 + i)::text, 9, '0') end,
              case when i % 3 <> 2 then c.id end,
              (case when i % 5 < 2 then 'GRANTED' when i % 10 = 9 then 'DENIED' else 'UNKNOWN' end)::crm_consent_status,
              'UNKNOWN',
              case when i % 10 = 0 then array['VIP', 'newsletter'] when i % 3 = 0 then array['newsletter'] else '{}' end,
              '{}'
         from generate_series(1, $2::int) as i left join bench_customers c on c.n = 1 + i % $3`,
      [ctx.tenantId, settings.contacts, customers],
    );
    await client.query(`insert into tenants (id, name, created_at) select gen_random_uuid(), $1 || 'neighbour ' || i, now() from generate_series(1, $2::int) as i`, [
      `${BENCH_TENANT_PREFIX}scale `,
      settings.tenants,
    ]);
    await client.query(
      `insert into crm_contacts (tenant_id, id, created_at, updated_at, first_name, last_name, email, email_consent, sms_consent, tags, custom_fields)
       select t.id, gen_random_uuid(), now() - make_interval(secs => i), now(), 'Neighbour', 'Person ' || i, 'n' || i || '@neighbour.example',
              (case when i % 2 = 0 then 'GRANTED' else 'UNKNOWN' end)::crm_consent_status, 'UNKNOWN',
              case when i % 10 = 0 then array['VIP'] else '{}' end, '{}'
         from tenants t cross join generate_series(1, $2::int) as i where t.name like $1`,
      [`${BENCH_TENANT_PREFIX}scale %`, settings.contactsPerOtherTenant],
    );
    await client.query('commit');
    await client.query('vacuum (analyze) crm_customers, crm_contacts');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** One bare round trip set: BEGIN, the tenant, the statements, COMMIT, on a connection of the application role. */
async function bareTransaction<T>(client: pg.Client, ctx: ScaleContext, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    await client.query("select set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)", [ctx.tenantId, ctx.userId]);
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export async function runScaleBench(ctx: ScaleContext, settings: ScaleSettings): Promise<ScaleResult> {
  let t = performance.now();
  await seed(ctx, settings);
  ctx.say(`  seeded ${settings.contacts.toLocaleString('en')} people and ${Math.round(settings.contacts / 10).toLocaleString('en')} customers in the measured tenant, and ${settings.tenants.toLocaleString('en')} other tenants with ${settings.contactsPerOtherTenant} people each, in ${fmt((performance.now() - t) / 1000)} s`);

  const segment = await gql<{ createSegment: { id: string } }>(ctx.graphqlUrl, ctx.token, `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, {
    input: { name: 'Consenting VIPs at customers', entity: 'CONTACT', contactFilter: SEGMENT_FILTER },
  });
  const client = new pg.Client({ connectionString: ctx.appUrl });
  await client.connect();
  try {
    // The same answers both ways, or the comparison means nothing.
    const apiPage = await gql<{ contacts: { edges: { node: { id: string } }[] } }>(ctx.graphqlUrl, ctx.token, PAGE_QUERY, PAGE_VARIABLES);
    const barePage = await bareTransaction(client, ctx, async () => (await client.query<{ id: string }>(PAGE_SQL, [ctx.tenantId, '{vip}', 'GRANTED'])).rows);
    if (apiPage.contacts.edges.length !== 50 || barePage.length !== 51) throw new Error(`the page is not full: ${apiPage.contacts.edges.length} / ${barePage.length}`);
    if (apiPage.contacts.edges.some((edge, i) => edge.node.id !== toGlobalId('Contact', barePage[i]?.id ?? ''))) throw new Error('the pages differ');
    const countOf = async () => (await gql<{ segment: { count: number } }>(ctx.graphqlUrl, ctx.token, `query($id: ID!) { segment(id: $id) { count } }`, { id: segment.createSegment.id })).segment.count;
    const apiCount = await countOf();
    const bareCount = await bareTransaction(client, ctx, async () => (await client.query<{ n: number }>(COUNT_SQL, [ctx.tenantId, '{vip}', 'GRANTED'])).rows[0]?.n ?? -1);
    if (apiCount !== bareCount) throw new Error(`the counts differ: API ${apiCount}, bare ${bareCount}`);
    ctx.say(`  checked: the API and the bare SQL return the same first page and the same count (${apiCount.toLocaleString('en')} members)`);

    t = performance.now();
    const page = { api: new Float64Array(settings.pageRuns), bare: new Float64Array(settings.pageRuns) };
    const fixed = new Float64Array(settings.pageRuns);
    for (let i = 0; i < settings.pageRuns; i++) {
      fixed[i] = await timed(() => gql(ctx.graphqlUrl, ctx.token, '{ __typename }', {}));
      page.api[i] = await timed(() => gql(ctx.graphqlUrl, ctx.token, PAGE_QUERY, PAGE_VARIABLES));
      page.bare[i] = await timed(() =>
        bareTransaction(client, ctx, async () => {
          const rows = (await client.query<{ customer_id: string | null }>(PAGE_SQL, [ctx.tenantId, '{vip}', 'GRANTED'])).rows.slice(0, 50);
          await client.query(PAGE_CUSTOMERS_SQL, [ctx.tenantId, [...new Set(rows.flatMap((r) => (r.customer_id ? [r.customer_id] : [])))]]);
        }),
      );
    }
    const count = { api: new Float64Array(settings.countRuns), bare: new Float64Array(settings.countRuns) };
    for (let i = 0; i < settings.countRuns; i++) {
      count.api[i] = await timed(countOf);
      count.bare[i] = await timed(() => bareTransaction(client, ctx, () => client.query(COUNT_SQL, [ctx.tenantId, '{vip}', 'GRANTED'])));
    }
    ctx.say(`  measured ${settings.pageRuns} pages and ${settings.countRuns} counts each way, interleaved, in ${fmt((performance.now() - t) / 1000)} s`);
    if (ctx.profile) {
      // A separate window, not counted above: where an API page's time goes beyond the SQL.
      await ctx.profile('scale-page', async () => {
        for (let i = 0; i < settings.pageRuns; i++) await gql(ctx.graphqlUrl, ctx.token, PAGE_QUERY, PAGE_VARIABLES);
      });
    }
    return { page: { api: summarise(page.api), bare: summarise(page.bare) }, fixed: summarise(fixed), count: { api: summarise(count.api), bare: summarise(count.bare), members: apiCount } };
  } finally {
    await client.end();
    closeClient();
  }
}
