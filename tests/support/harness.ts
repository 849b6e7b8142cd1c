import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import pino from 'pino';
import type { GraphQLSchema } from 'graphql';
import { createHttpServer, type KontorHttpServer } from '../../api/src/graphql/http-server.js';
import { buildKontorSchema } from '../../api/src/graphql/schema.js';
import type { App } from '../../api/src/platform/app.js';
import { closeApp, createApp } from '../../api/src/platform/bootstrap.js';
import { createMailDriver } from '../../api/src/platform/mail/mail-driver.factory.js';
import type { MailDriver } from '../../api/src/platform/mail/mail-message.js';
import { loadConfig, type Config } from '../../infra/config.js';
import { appUrlFor } from '../../infra/database.js';
import { processors } from '../../workers/processors.js';
import { WorkerHost, type Processor } from '../../workers/worker-host.js';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface Kontor {
  url: string;
  app: App;
  workers: WorkerHost;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

export interface KontorOptions {
  smtpUrl?: string;
  /** Run jobs on Redis instead of the PostgreSQL backend. */
  redis?: boolean;
  workers?: boolean | Record<string, Processor>;
  config?: Partial<Config>;
  onQuery?: (sql: string) => void;
}

let schemaPromise: Promise<GraphQLSchema> | null = null;

/** Boots the real application (API and workers) against the test database, on a free port. */
export async function startKontor(options: KontorOptions = {}): Promise<Kontor> {
  const ownerUrl = inject('ownerUrl');
  const base = loadConfig();
  const config: Config = {
    ...base,
    smtpUrl: options.smtpUrl,
    redisUrl: options.redis ? inject('redisUrl') : undefined,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.config,
    rateLimits: { ...base.rateLimits, signUpPerIpPerHour: 100_000, loginPerIpPer15Min: 100_000, tenantPerMinute: 100_000, ...options.config?.rateLimits },
  };
  const log = pino({ level: config.logLevel });
  // On Redis each instance gets its own key prefix, so runs never share jobs (PostgreSQL: one database per run).
  const app = await createApp(
    config,
    { ownerUrl, appUrl: appUrlFor(ownerUrl, inject('appRolePassword')), onQuery: options.onQuery, queueNamespace: options.redis ? `kontor-test-${randomUUID()}` : undefined },
    log,
  );
  schemaPromise ??= buildKontorSchema();
  const http: KontorHttpServer = await createHttpServer(app, await schemaPromise);
  const port = await http.listen(0);
  const url = `http://127.0.0.1:${port}`;
  app.config.appUrl = url;
  const mail: MailDriver = createMailDriver(config, log);
  const workers = new WorkerHost(app);
  if (options.workers !== false) {
    workers.start(typeof options.workers === 'object' ? options.workers : processors(app, mail), 4);
  }
  return {
    url,
    app,
    workers,
    async gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult<T>> {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GqlResult<T>, 'status'>;
      return { status: response.status, ...body };
    },
    async close() {
      await http.close();
      await workers.close();
      await mail.close();
      await closeApp(app);
    },
  };
}

let counter = 0;
/** A unique address per call, so tests never collide in the shared database. */
export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${process.pid}-${Date.now()}-${++counter}@example.test`;
}

let sidCounter = 0;
/** A Twilio message SID of its own (Twilio's mock answers every request with the same example SID). */
export function uniqueSid(): string {
  sidCounter += 1;
  return `SM${String(process.pid).padStart(8, '0')}${String(Date.now()).slice(-12)}${String(sidCounter).padStart(12, '0')}`.slice(0, 34);
}

export const PASSWORD = 'correct horse battery staple';

export interface SignedUp {
  token: string;
  userId: string;
  tenantId: string;
  email: string;
}

export async function signUp(kontor: Kontor, input: { companyName?: string; email?: string; modules?: string[] } = {}): Promise<SignedUp> {
  const email = input.email ?? uniqueEmail();
  const result = await kontor.gql<{ signUp: { token: string; user: { id: string }; tenant: { id: string } } }>(
    `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } tenant { id } } }`,
    { input: { companyName: input.companyName ?? `Company ${email}`, email, password: PASSWORD, ...(input.modules ? { modules: input.modules } : {}) } },
  );
  const data = result.data?.signUp;
  if (!data) throw new Error(`signUp failed: ${JSON.stringify(result.errors)}`);
  return { token: data.token, userId: data.user.id, tenantId: data.tenant.id, email };
}

/** The `data` of a result that must have succeeded; fails the test with the errors otherwise. */
export function ok<T>(result: GqlResult<T>): T {
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export function errorCode(result: GqlResult<unknown>): unknown {
  return result.errors?.[0]?.extensions?.code;
}
