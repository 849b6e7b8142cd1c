import 'reflect-metadata';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { createHttpServer, type KontorHttpServer } from '../../api/src/graphql/http-server.js';
import { fromGlobalId } from '../../api/src/graphql/global-id.js';
import { buildKontorSchema } from '../../api/src/graphql/schema.js';
import type { App } from '../../api/src/platform/app.js';
import { hashPassword } from '../../api/src/platform/auth/password.js';
import { closeApp, createApp } from '../../api/src/platform/bootstrap.js';
import { envInt, loadConfig, type Config } from '../../infra/config.js';
import { resolveDatabase, type ResolvedDatabase } from '../../infra/resolve-database.js';
import { startBaselineServer, type BaselineServer } from './baseline-server.js';
import { runLoad, type LoadResult } from './load.js';
import { profileMainThread, saveProfile, summariseProfile } from './profile.js';
import { runCampaignBench, TARGET_EMAILS_PER_SECOND, TARGET_OVER_BARE, type CampaignResult } from './campaign.js';
import { runScaleBench, TARGET_API_OVER_BARE, TARGET_COUNT_MS, TARGET_PAGE_P50_MS, type ScaleResult } from './scale.js';
import { BENCH_EMAIL_DOMAIN, BENCH_TENANT_PREFIX, removeBenchData, seedCrm, serverInfo } from './seed.js';
import { concat, fmt, summarise, table } from './stats.js';

/**
 * `npm run bench`: Kontor's `contacts(first: 50)` against a bare node:http + pg baseline on the same
 * data and client load, and the latency of signUp. A measurement, not a test: it exits 0 when a
 * target is missed, and non-zero only when it could not measure at all.
 *
 * Database: its own embedded PostgreSQL (BENCH_DATA_DIR, default .data/bench; BENCH_PG_PORT, default
 * 5499), or BENCH_DATABASE_URL (an owner URL; the application role is created as `npm start` does).
 * Each run first deletes what earlier runs created (tenants named "kontor-bench ...", users at
 * @bench.kontor.test) and nothing else.
 * Then the CRM at scale (scale.ts): a tenant with a million people among a thousand others, the
 * first page of a filtered, sorted list and a segment count, each beside the same SQL.
 * Knobs: BENCH_CONTACTS (10000), BENCH_CONCURRENCY (32), BENCH_WARMUP_S (2), BENCH_DURATION_S (6),
 * BENCH_ROUNDS (3), BENCH_SIGNUPS (50), BENCH_PROFILE (0 to skip the CPU profile), BENCH_LOG_LEVEL (warn),
 * BENCH_SCALE_CONTACTS (1000000; 0 skips the scale part), BENCH_SCALE_TENANTS (1000),
 * BENCH_SCALE_PAGES (200), BENCH_SCALE_COUNTS (20).
 * Then campaigns (campaign.ts): an email campaign to a local SMTP sink beside a bare nodemailer loop,
 * and an SMS campaign to Twilio's contract server: BENCH_CAMPAIGN_EMAILS (100000; 0 skips both),
 * BENCH_BARE_EMAILS (20000), BENCH_CAMPAIGN_SMS (10000; 0 skips the SMS campaign).
 */

const settings = {
  contacts: envInt('BENCH_CONTACTS', 10_000),
  concurrency: envInt('BENCH_CONCURRENCY', 32),
  warmupMs: envInt('BENCH_WARMUP_S', 2) * 1000,
  durationMs: envInt('BENCH_DURATION_S', 6) * 1000,
  rounds: Math.max(1, envInt('BENCH_ROUNDS', 3)),
  signUps: Math.max(1, envInt('BENCH_SIGNUPS', 50)),
  pageSize: 50,
  poolMax: 20, // createApp's pool size; the baseline gets the same
  profile: process.env.BENCH_PROFILE !== '0',
  scale: {
    contacts: envInt('BENCH_SCALE_CONTACTS', 1_000_000),
    tenants: envInt('BENCH_SCALE_TENANTS', 1_000),
    contactsPerOtherTenant: 100,
    pageRuns: Math.max(1, envInt('BENCH_SCALE_PAGES', 200)),
    countRuns: Math.max(1, envInt('BENCH_SCALE_COUNTS', 20)),
  },
  campaign: {
    emails: envInt('BENCH_CAMPAIGN_EMAILS', 100_000),
    bareEmails: envInt('BENCH_BARE_EMAILS', 20_000),
    sms: envInt('BENCH_CAMPAIGN_SMS', 10_000),
  },
};
const TARGET_RATIO = 0.5;
const TARGET_SIGNUP_P50_MS = 150;
const UNLIMITED = 1_000_000_000;

const CONTACTS_QUERY = `query Contacts($first: Int!) {
  contacts(first: $first) {
    totalCount
    edges { node { id fullName email phone customer { name } } }
  }
}`;
const CONTACTS_BODY = JSON.stringify({ query: CONTACTS_QUERY, variables: { first: settings.pageSize } });
const SIGNUP_MUTATION = 'mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } tenant { id } } }';
const PASSWORD = 'correct horse battery staple';

const runId = Date.now().toString(36);
let emailCounter = 0;
const log = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn' });

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function benchConfig(): Config {
  const base = loadConfig();
  return {
    ...base,
    port: 0,
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
    databaseAppUrl: undefined,
    redisUrl: undefined,
    smtpUrl: undefined,
    dataDir: path.resolve(process.env.BENCH_DATA_DIR ?? '.data/bench'),
    embeddedPgPort: envInt('BENCH_PG_PORT', 5499),
    workersInProcess: false,
    logLevel: 'warn',
    rateLimits: {
      loginPerEmailPer15Min: UNLIMITED,
      loginPerIpPer15Min: UNLIMITED,
      signUpPerIpPerHour: UNLIMITED,
      apiKeyPerMinute: UNLIMITED,
      tenantPerMinute: UNLIMITED,
    },
  };
}

interface SignedUp {
  token: string;
  userId: string;
  tenantId: string;
}

interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function post(url: string, body: string, token?: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, text: await response.text() };
}

async function signUp(graphqlUrl: string, companyName: string, modules?: string[]): Promise<SignedUp> {
  const email = `bench-${runId}-${++emailCounter}@${BENCH_EMAIL_DOMAIN}`;
  const input = { companyName: `${BENCH_TENANT_PREFIX}${companyName}`, email, password: PASSWORD, ...(modules ? { modules } : {}) };
  const res = await post(graphqlUrl, JSON.stringify({ query: SIGNUP_MUTATION, variables: { input } }));
  const body = JSON.parse(res.text) as GqlBody;
  const payload = body.data?.signUp as { token: string; user: { id: string }; tenant: { id: string } } | undefined;
  if (!payload) throw new Error(`signUp failed (HTTP ${res.status}): ${res.text.slice(0, 500)}`);
  return { token: payload.token, userId: fromGlobalId('User', payload.user.id, []), tenantId: fromGlobalId('Tenant', payload.tenant.id, []) };
}

interface ContactsData {
  contacts: { totalCount: number; edges: { node: { id: string; fullName: string; email: string | null; phone: string | null; customer: { name: string | null } | null } }[] };
}

function contactsOf(text: string, label: string): ContactsData['contacts'] {
  const body = JSON.parse(text) as GqlBody;
  if (body.errors?.length || !body.data) throw new Error(`${label}: ${text.slice(0, 500)}`);
  return (body.data as unknown as ContactsData).contacts;
}

/** One request to each target, compared: the baselines must return what Kontor returns. */
async function verify(graphqlUrl: string, baseline: BaselineServer, token: string): Promise<{ appBytes: number; bareBytes: number; fullBytes: number; withCustomer: number }> {
  const app = await post(graphqlUrl, CONTACTS_BODY, token);
  const bare = await post(`${baseline.url}/bare`, CONTACTS_BODY, token);
  const full = await post(`${baseline.url}/full`, CONTACTS_BODY, token);
  const a = contactsOf(app.text, 'Kontor contacts');
  const b = contactsOf(bare.text, 'bare baseline');
  const f = contactsOf(full.text, 'full-SQL baseline');
  if (a.totalCount !== settings.contacts) throw new Error(`Kontor says totalCount ${a.totalCount}, seeded ${settings.contacts}`);
  if (a.edges.length !== settings.pageSize) throw new Error(`Kontor returned ${a.edges.length} edges, asked for ${settings.pageSize}`);
  if (JSON.stringify(a) !== JSON.stringify(f)) throw new Error('full-SQL baseline and Kontor disagree on the page');
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('bare baseline and Kontor disagree on the page');
  return { appBytes: app.text.length, bareBytes: bare.text.length, fullBytes: full.text.length, withCustomer: a.edges.filter((e) => e.node.customer).length };
}

/** The statements Kontor sends for one `contacts` request, seen through MikroORM's query logger. */
async function captureStatements(config: Config, database: ResolvedDatabase, token: string, schema: Awaited<ReturnType<typeof buildKontorSchema>>): Promise<string[]> {
  const statements: string[] = [];
  let recording = false;
  const app = await createApp(config, { ownerUrl: database.ownerUrl, appUrl: database.appUrl, onQuery: (sql) => recording && statements.push(sql) }, log);
  const http = await createHttpServer(app, schema);
  try {
    const port = await http.listen(0);
    const url = `http://127.0.0.1:${port}/graphql`;
    await post(url, CONTACTS_BODY, token); // connections and metadata warm
    recording = true;
    const res = await post(url, CONTACTS_BODY, token);
    recording = false;
    contactsOf(res.text, 'Kontor contacts (query log)');
  } finally {
    await http.close();
    await closeApp(app);
  }
  return statements;
}

interface Target {
  name: string;
  url: string;
  token?: string;
  minBodyBytes: number;
}

async function load(target: Target, concurrency: number, warmupMs: number, durationMs: number): Promise<LoadResult> {
  return runLoad({
    url: target.url,
    headers: target.token ? { authorization: `Bearer ${target.token}` } : {},
    body: CONTACTS_BODY,
    concurrency,
    warmupMs,
    durationMs,
    minBodyBytes: target.minBodyBytes,
  });
}

interface Aggregate {
  rps: number;
  roundsRps: number[];
  p50: number;
  p99: number;
  errors: number;
  firstError: string | null;
  serverBusy: number;
  clientBusy: number;
  cpuMs: number;
}

function aggregate(results: LoadResult[]): Aggregate {
  const all = summarise(concat(results.map((r) => r.latencies)));
  const ms = results.reduce((n, r) => n + r.measuredMs, 0);
  const mean = (f: (r: LoadResult) => number): number => results.reduce((n, r) => n + f(r), 0) / results.length;
  return {
    rps: (all.count / ms) * 1000,
    roundsRps: results.map((r) => (r.latencies.length / r.measuredMs) * 1000),
    p50: all.p50,
    p99: all.p99,
    errors: results.reduce((n, r) => n + r.errors, 0),
    firstError: results.find((r) => r.firstError)?.firstError ?? null,
    serverBusy: mean((r) => r.serverLoopBusy),
    clientBusy: mean((r) => r.clientLoopBusy),
    cpuMs: mean((r) => r.processCpuMsPerRequest),
  };
}

/** One line per logged statement: the SQL (shortened) and what MikroORM says it took. */
function describeStatement(line: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = line.replace(/\x1b\[[0-9;]*m/g, '').replace(/^\[query\]\s*/, '').replace(/\s+/g, ' ').trim();
  const took = /\s*\[took [^\]]*\]\s*$/.exec(plain);
  const sql = took ? plain.slice(0, took.index) : plain;
  return `${sql.length > 110 ? `${sql.slice(0, 107)}...` : sql}${took ? ` ${took[0].trim()}` : ''}`;
}

function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'FAIL';
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = benchConfig();
  const embedded = !config.databaseUrl;
  await mkdir(config.dataDir, { recursive: true });
  say('Kontor bench');
  say(`  node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
  say(`  load average before: ${os.loadavg().map((l) => fmt(l, 2)).join(' ')} (other processes on this machine skew absolute figures; the ratio is measured interleaved)`);
  say(`  database: ${embedded ? `embedded PostgreSQL, ${path.relative(process.cwd(), config.dataDir) || config.dataDir}, port ${config.embeddedPgPort}` : 'BENCH_DATABASE_URL'}`);

  const cleanup: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const step of cleanup.reverse()) await step().catch((error: unknown) => log.warn({ err: error }, 'cleanup step failed'));
    cleanup.length = 0;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    say(`\n${signal}: stopping`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    let t = performance.now();
    // PostgreSQL's own messages (and the migrations') go to a file, so a server that dies mid-run says why.
    const pgLogFile = path.join(config.dataDir, 'postgres.log');
    const pgLog = pino({ level: 'debug' }, pino.destination({ dest: pgLogFile, append: false, sync: true }));
    const database = await resolveDatabase(config, pgLog);
    cleanup.push(() => database.stop());
    say(`  PostgreSQL ${await serverInfo(database.ownerUrl)} ready and migrated in ${fmt((performance.now() - t) / 1000)} s`);
    const removed = await removeBenchData(database.ownerUrl);
    if (removed.tenants + removed.users > 0) say(`  removed the previous runs' bench data: ${removed.tenants} tenants, ${removed.users} users`);

    const app: App = await createApp(config, { ownerUrl: database.ownerUrl, appUrl: database.appUrl }, log);
    cleanup.push(() => closeApp(app));
    const schema = await buildKontorSchema();
    const http: KontorHttpServer = await createHttpServer(app, schema);
    cleanup.push(() => http.close());
    const graphqlUrl = `http://127.0.0.1:${await http.listen(0)}/graphql`;

    // Data: the measured tenant and three neighbours, signed up through the API, CRM rows bulk-inserted.
    t = performance.now();
    const main = await signUp(graphqlUrl, 'measured');
    const others = [await signUp(graphqlUrl, 'neighbour 1'), await signUp(graphqlUrl, 'neighbour 2'), await signUp(graphqlUrl, 'neighbour 3')];
    await seedCrm(database.ownerUrl, [
      { tenantId: main.tenantId, contacts: settings.contacts, companies: Math.max(1, Math.round(settings.contacts / 25)), companyEvery: 3 },
      ...others.map((o, i) => ({ tenantId: o.tenantId, contacts: 2_000 * (i + 1), companies: 80, companyEvery: 2 })),
    ]);
    say(`  seeded ${settings.contacts} contacts (a third at one of ${Math.round(settings.contacts / 25)} customers) + 3 other tenants (12,000 contacts) in ${fmt((performance.now() - t) / 1000)} s`);

    const baseline = await startBaselineServer({
      appUrl: database.appUrl,
      tenantId: main.tenantId,
      userId: main.userId,
      pageSize: settings.pageSize,
      poolMax: settings.poolMax,
      onError: (error) => log.warn({ err: error }, 'baseline pool connection failed'),
    });
    cleanup.push(() => baseline.close());
    const sizes = await verify(graphqlUrl, baseline, main.token);
    say(`  checked: the three targets return the same page (50 of ${settings.contacts}, ${sizes.withCustomer} with a customer; ${sizes.appBytes} / ${sizes.fullBytes} / ${sizes.bareBytes} bytes)`);

    const statements = await captureStatements(config, database, main.token, schema);

    const targets: Target[] = [
      { name: 'Kontor GraphQL', url: graphqlUrl, token: main.token, minBodyBytes: Math.floor(sizes.appBytes / 2) },
      { name: 'bare baseline', url: `${baseline.url}/bare`, minBodyBytes: Math.floor(sizes.bareBytes / 2) },
      { name: 'bare, all of Kontor\'s SQL', url: `${baseline.url}/full`, token: main.token, minBodyBytes: Math.floor(sizes.fullBytes / 2) },
    ];
    const [kontor, bare, full] = targets;
    if (!kontor || !bare || !full) throw new Error('targets');

    // Warm-up of every target at full load (JIT, pools, caches), not counted.
    say(`\nwarming up: ${settings.concurrency} clients, ${(settings.warmupMs * 2) / 1000} s per target ...`);
    for (const target of targets) await load(target, settings.concurrency, 0, settings.warmupMs * 2);

    // Single client: per-request latency with no queueing.
    say(`measuring: 1 client, ${settings.durationMs / 2000} s each ...`);
    const single = new Map<string, LoadResult>();
    for (const target of targets) single.set(target.name, await load(target, 1, 1000, settings.durationMs / 2));

    // Concurrent clients: the rounds rotate the order so drift (autovacuum, JIT, caches) hits all targets alike.
    say(`measuring: ${settings.concurrency} clients, ${settings.rounds} round${settings.rounds === 1 ? '' : 's'} x ${settings.warmupMs / 1000} s warm-up + ${settings.durationMs / 1000} s per target ...`);
    const results = new Map<string, LoadResult[]>(targets.map((x) => [x.name, []]));
    for (let round = 0; round < settings.rounds; round++) {
      for (let i = 0; i < targets.length; i++) {
        const target = targets[(i + round) % targets.length];
        if (!target) continue;
        results.get(target.name)?.push(await load(target, settings.concurrency, settings.warmupMs, settings.durationMs));
      }
    }

    // Sign-up: sequential, through the API, each a new company and user.
    say(`measuring: ${settings.signUps} sequential signUp mutations ...`);
    const signUpMs = new Float64Array(settings.signUps);
    for (let i = 0; i < settings.signUps; i++) {
      const t0 = performance.now();
      await signUp(graphqlUrl, `signup ${i + 1}`);
      signUpMs[i] = performance.now() - t0;
    }
    const hashMs = new Float64Array(10);
    for (let i = 0; i < hashMs.length; i++) {
      const t0 = performance.now();
      await hashPassword(PASSWORD);
      hashMs[i] = performance.now() - t0;
    }

    // Report.
    const agg = new Map<string, Aggregate>([...results].map(([name, r]) => [name, aggregate(r)]));
    const k = agg.get(kontor.name);
    const b = agg.get(bare.name);
    const f = agg.get(full.name);
    if (!k || !b || !f) throw new Error('no results');
    say('');
    say(`contacts(first: ${settings.pageSize}) { totalCount edges { node { id fullName email phone customer { name } } } }`);
    say(`${settings.concurrency} concurrent keep-alive clients (load generator on its own thread), ${settings.rounds} x ${settings.durationMs / 1000} s measured per target, ${settings.contacts} contacts in the tenant`);
    say('');
    say(
      table([
        ['target', 'req/s', 'per round', 'p50 ms', 'p99 ms', '1-client p50 ms', 'errors', 'server loop', 'client loop', 'CPU ms/req'],
        ...targets.map((x) => {
          const a = agg.get(x.name);
          const s = single.get(x.name);
          const one = s ? summarise(s.latencies) : null;
          return a
            ? [x.name, fmt(a.rps, 0), a.roundsRps.map((r) => fmt(r, 0)).join(' / '), fmt(a.p50, 2), fmt(a.p99, 2), fmt(one?.p50 ?? Number.NaN, 2), String(a.errors), `${fmt(a.serverBusy * 100, 0)} %`, `${fmt(a.clientBusy * 100, 0)} %`, fmt(a.cpuMs, 2)]
            : [x.name];
        }),
      ]),
    );
    say('  server loop / client loop: how busy the servers\' thread and the load generator\'s thread were (event loop utilisation);');
    say('  CPU ms/req: CPU time of the whole Node process (servers, load generator, pg driver) per request; PostgreSQL not included.');
    for (const [name, a] of agg) if (a.firstError) say(`  first error of ${name}: ${a.firstError}`);
    for (const [name, a] of agg) if (a.clientBusy > 0.9) say(`  note: the load generator's thread was ${fmt(a.clientBusy * 100, 0)} % busy for ${name}; that figure may be client-bound.`);
    say('');
    say(`Kontor issues ${statements.length} SQL statements per contacts request (bare baseline: 5; bare with all of Kontor's SQL: the same as Kontor):`);
    for (const s of statements) say(`  ${describeStatement(s)}`);
    say('');

    const signUpStats = summarise(signUpMs);
    const hashStats = summarise(hashMs);
    say(
      table([
        ['signUp (sequential)', 'n', 'p50 ms', 'p99 ms', 'mean ms', 'max ms'],
        ['signUp mutation', String(signUpStats.count), fmt(signUpStats.p50), fmt(signUpStats.p99), fmt(signUpStats.mean), fmt(signUpStats.max)],
        ['  of which: argon2id hash alone', String(hashStats.count), fmt(hashStats.p50), fmt(hashStats.p99), fmt(hashStats.mean), fmt(hashStats.max)],
      ]),
    );
    say('');
    const ratio = k.rps / b.rps;
    say('Targets');
    say(
      table([
        ['target', 'measured', 'goal', 'verdict'],
        ['Kontor / bare baseline throughput', fmt(ratio, 2), `>= ${TARGET_RATIO}`, verdict(ratio >= TARGET_RATIO)],
        ['signUp p50', `${fmt(signUpStats.p50)} ms`, `< ${TARGET_SIGNUP_P50_MS} ms`, verdict(signUpStats.p50 < TARGET_SIGNUP_P50_MS)],
      ]),
    );
    say(`  where the gap comes from: Kontor's extra SQL (bare -> bare with all of Kontor's SQL) x${fmt(f.rps / b.rps, 2)};`);
    say(`  Kontor's Node-side stack on the same SQL (bare with all of Kontor's SQL -> Kontor) x${fmt(k.rps / f.rps, 2)}.`);
    const failed = [...agg.values()].some((a) => a.errors > 0);
    if (failed) say('  WARNING: some requests failed during the measurement; see the first errors above.');

    if (settings.scale.contacts > 0) {
      say('\nThe CRM at scale');
      const scaleTenant = await signUp(graphqlUrl, 'scale');
      const profile = settings.profile
        ? async (label: string, fn: () => Promise<unknown>) => {
            const { profile: cpu } = await profileMainThread(fn);
            const file = path.join(config.dataDir, `${label}.cpuprofile`);
            await saveProfile(cpu, file);
            const summary = summariseProfile(cpu, 25);
            say(`  where the main thread spent its time during ${settings.scale.pageRuns} sequential API pages (${path.relative(process.cwd(), file)}):`);
            say(table([['self time by package', 'ms', 'share'], ...summary.buckets.slice(0, 14).map((b) => [b.name, fmt(b.ms), `${fmt(b.share * 100)} %`])]));
            say(table([['hottest functions (self time)', 'package', 'share'], ...summary.functions.map((f) => [f.name.slice(0, 90), f.bucket, `${fmt(f.share * 100)} %`])]));
          }
        : undefined;
      printScale(await runScaleBench({ graphqlUrl, ownerUrl: database.ownerUrl, appUrl: database.appUrl, ...scaleTenant, say, profile }, settings.scale));
    }
    if (settings.campaign.emails > 0) {
      say('\nCampaigns');
      const campaignTenant = await signUp(graphqlUrl, 'campaigns', ['CRM', 'MARKETING']);
      printCampaigns(await runCampaignBench({ app, graphqlUrl, ownerUrl: database.ownerUrl, tenantId: campaignTenant.tenantId, token: campaignTenant.token, say }, settings.campaign));
    }
    // Where Kontor's main thread spends its time under the contacts load: last, because a profiler
    // once attached slows the process for the rest of its life, and the figures above must not pay.
    if (settings.profile) {
      say('\nprofiling Kontor under the contacts load (4 s, not counted above) ...');
      const { result, profile } = await profileMainThread(() => load(kontor, settings.concurrency, 1000, 4000));
      const file = path.join(config.dataDir, 'contacts.cpuprofile');
      await saveProfile(profile, file);
      const summary = summariseProfile(profile);
      const rps = (result.latencies.length / result.measuredMs) * 1000;
      say(`Where Kontor's main thread spends its time under load (CPU profile, ${fmt(rps, 0)} req/s while profiled; ${path.relative(process.cwd(), file)}):`);
      say(table([['self time by package', 'share'], ...summary.buckets.slice(0, 14).map((b) => [b.name, `${fmt(b.share * 100)} %`])]));
      say('');
      say(table([['hottest functions (self time)', 'package', 'share'], ...summary.functions.map((f) => [f.name.slice(0, 90), f.bucket, `${fmt(f.share * 100)} %`])]));
    }
    say(`  load average after: ${os.loadavg().map((l) => fmt(l, 2)).join(' ')}`);
    say(`\ntotal bench time ${fmt((performance.now() - startedAt) / 1000)} s`);
  } finally {
    await stopAll();
  }
}

function printCampaigns(r: CampaignResult): void {
  say('');
  say(
    table([
      ['run', 'messages', 'seconds', 'per second', 'peak RSS'],
      ['bare nodemailer loop (pooled, 8 connections)', r.bare.messages.toLocaleString('en'), fmt(r.bare.seconds), fmt(r.bare.perSecond, 0), ''],
      ['Kontor email campaign (sendCampaignNow to SENT)', r.email.received.toLocaleString('en'), fmt(r.email.seconds), fmt(r.email.perSecond, 0), `${fmt(r.email.peakRssMb, 0)} MB (from ${fmt(r.email.baselineRssMb, 0)} MB)`],
      ...(r.sms ? [['Kontor SMS campaign (Twilio contract server)', r.sms.sent.toLocaleString('en'), fmt(r.sms.seconds), fmt(r.sms.perSecond, 0), '']] : []),
    ]),
  );
  say('');
  const ratio = r.email.perSecond / r.bare.perSecond;
  say(
    table([
      ['target', 'measured', 'goal', 'verdict'],
      ['campaign emails per second', fmt(r.email.perSecond, 0), `>= ${TARGET_EMAILS_PER_SECOND}`, verdict(r.email.perSecond >= TARGET_EMAILS_PER_SECOND)],
      ['campaign / bare nodemailer loop', fmt(ratio, 2), `>= ${TARGET_OVER_BARE}`, verdict(ratio >= TARGET_OVER_BARE)],
    ]),
  );
}

function printScale(r: ScaleResult): void {
  say('');
  say('contacts(first: 50, filter: { emailConsent: GRANTED, tags: ["vip"] }, orderBy: { field: NAME, direction: ASC }), and segment { count } of');
  say('{ emailConsent: GRANTED, tags: ["vip"], customer: { lifecycleStages: [CUSTOMER] } }: one request at a time, API and bare SQL interleaved');
  say('');
  const row = (name: string, s: ScaleResult['page']['api']) => [name, String(s.count), fmt(s.p50), fmt(s.p99), fmt(s.mean)];
  say(
    table([
      ['query', 'n', 'p50 ms', 'p99 ms', 'mean ms'],
      row('first page, Kontor API', r.page.api),
      row('first page, bare SQL', r.page.bare),
      row('  any signed-in API request ({ __typename })', r.fixed),
      row(`segment count (${r.count.members.toLocaleString('en')}), Kontor API`, r.count.api),
      row('segment count, bare SQL', r.count.bare),
    ]),
  );
  say('');
  const pageRatio = r.page.api.p50 / r.page.bare.p50;
  const countRatio = r.count.api.p50 / r.count.bare.p50;
  say(
    table([
      ['target', 'measured', 'goal', 'verdict'],
      ['first page p50 (API)', `${fmt(r.page.api.p50)} ms`, `< ${TARGET_PAGE_P50_MS} ms`, verdict(r.page.api.p50 < TARGET_PAGE_P50_MS)],
      ['segment count p50 (API)', `${fmt(r.count.api.p50)} ms`, `< ${TARGET_COUNT_MS} ms`, verdict(r.count.api.p50 < TARGET_COUNT_MS)],
      ['first page: API / bare SQL (p50)', fmt(pageRatio, 2), `<= ${TARGET_API_OVER_BARE}`, verdict(pageRatio <= TARGET_API_OVER_BARE)],
      ['segment count: API / bare SQL (p50)', fmt(countRatio, 2), `<= ${TARGET_API_OVER_BARE}`, verdict(countRatio <= TARGET_API_OVER_BARE)],
    ]),
  );
}

try {
  await main();
  process.exit(0);
} catch (error) {
  process.stderr.write(`bench could not measure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
