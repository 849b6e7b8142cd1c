import { randomUUID } from 'node:crypto';
import { createPostgresBackend, Queue, type Job, type JobType, type PostgresConnectionOptions, type PostgresQueueBackend } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../../api/src/graphql/global-id.js';
import { manifests } from '../../api/src/modules.js';
import type { App } from '../../api/src/platform/app.js';
import type { MailJobData } from '../../api/src/platform/mail/mail.service.js';
import type { ModuleKey } from '../../api/src/platform/modules/module-manifest.js';
import { ModuleRegistry } from '../../api/src/platform/modules/module-registry.js';
import { PLATFORM_QUEUES, postgresConnection, type QueueBackendConfig, type TenantJobData } from '../../workers/queues.js';
import { WorkerHost, type Processor } from '../../workers/worker-host.js';
import { errorCode, ok, signUp, startKontor, uniqueEmail, type Kontor, type SignedUp } from '../support/harness.js';

const SET_MODULE = `mutation($input: SetModuleEnabledInput!) { setModuleEnabled(input: $input) { key enabled } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it answers true, failing with `what` after `timeoutMs`. */
async function waitUntil(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await sleep(50);
  }
}

/** Reads jobs back from the queue backend Kontor uses (the producer side only adds). */
interface QueueReader<T extends TenantJobData> {
  job(id: string): Promise<Job<T>>;
  state(id: string): Promise<string>;
  jobs(): Promise<Job<T>[]>;
  close(): Promise<void>;
}

function queueReader<T extends TenantJobData>(config: QueueBackendConfig, name: string): QueueReader<T> {
  let queue: { getJob(id: string): Promise<Job<T> | undefined>; getJobs(types: JobType[]): Promise<Job<T>[]> };
  let close: () => Promise<void>;
  if (config.redisUrl) {
    const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    const redisQueue = new Queue<T>(name, { connection, prefix: config.namespace });
    queue = redisQueue;
    close = async () => {
      await redisQueue.close();
      // BullMQ leaves a connection it was handed open.
      await connection.quit();
    };
  } else {
    const pgQueue = new Queue<T, unknown, string, T, unknown, string, PostgresQueueBackend, PostgresConnectionOptions>(name, { connection: postgresConnection(config) }, createPostgresBackend);
    queue = pgQueue;
    close = () => pgQueue.close();
  }
  const job = async (id: string): Promise<Job<T>> => {
    const found = await queue.getJob(id);
    if (!found) throw new Error(`job ${id} of ${name} not found`);
    return found;
  };
  return {
    job,
    state: async (id) => (await job(id)).getState(),
    jobs: () => queue.getJobs(['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed']),
    close,
  };
}

/** Records every run of a test processor: which job, for which tenant, when it started and ended. */
class Runs {
  readonly runs: { jobId: string; tenantId: string | null; startedAt: number; finishedAt?: number }[] = [];

  processor(workMs = 0): Processor {
    return async (job) => {
      const run: (typeof this.runs)[number] = { jobId: String(job.id), tenantId: job.data.tenantId, startedAt: Date.now() };
      this.runs.push(run);
      if (workMs > 0) await sleep(workMs);
      run.finishedAt = Date.now();
      return { processedFor: job.data.tenantId };
    };
  }

  of(jobId: string): number {
    return this.runs.filter((r) => r.jobId === jobId).length;
  }
}

/** Jobs carry the tenant's internal id; GraphQL answers with its opaque global id. */
function tenantIdOf(signedUp: SignedUp): string {
  return fromGlobalId('Tenant', signedUp.tenantId, ['tenantId']);
}

/** The real manifests, with one extra queue owned by `module`. */
function registryWithQueue(module: ModuleKey, queue: string): ModuleRegistry {
  return new ModuleRegistry(manifests.map((m) => (m.key === module ? { ...m, queues: [...m.queues, queue] } : m)));
}

describe.each([
  ['postgres', false],
  ['redis', true],
] as const)('workers (%s queue backend)', (_backend, redis) => {
  let kontor: Kontor;
  beforeAll(async () => {
    kontor = await startKontor({ workers: false, redis });
  });
  afterAll(() => kontor.close());

  async function setModule(token: string, module: ModuleKey, enabled: boolean) {
    return kontor.gql<{ setModuleEnabled: { key: string; enabled: boolean }[] }>(SET_MODULE, { input: { module, enabled } }, token);
  }

  /** A worker host whose registry gives CRM one more queue, with `processors` running on it. */
  function crmWorkers(queue: string, processors: Record<string, Processor>): WorkerHost {
    const app: App = { ...kontor.app, registry: registryWithQueue('CRM', queue) };
    expect(app.registry.moduleOfQueue(queue)).toBe('CRM');
    const host = new WorkerHost(app);
    host.start(processors, 4);
    return host;
  }

  it("a CRM job waits while its tenant has CRM off, runs once after CRM is back on, and never holds up another tenant's", async () => {
    const queue = `crm-test-${randomUUID()}`;
    const runs = new Runs();
    const reader = queueReader<TenantJobData>(kontor.app.jobs.config, queue);
    const pausedOwner = await signUp(kontor, { modules: ['CRM', 'SERVICE_DESK'] });
    const activeOwner = await signUp(kontor);
    const paused = { token: pausedOwner.token, tenantId: tenantIdOf(pausedOwner) };
    const active = { tenantId: tenantIdOf(activeOwner) };

    // CRM cannot go while a module that depends on it is on; the refusal names it.
    const refused = await setModule(paused.token, 'CRM', false);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(/Service desk|SERVICE_DESK/i);
    ok(await setModule(paused.token, 'SERVICE_DESK', false));
    expect(ok(await setModule(paused.token, 'CRM', false)).setModuleEnabled.find((m) => m.key === 'CRM')?.enabled).toBe(false);

    const host = crmWorkers(queue, { [queue]: runs.processor() });
    try {
      const pausedJob = await kontor.app.jobs.add(queue, 'sync', { tenantId: paused.tenantId });
      const activeJob = await kontor.app.jobs.add(queue, 'sync', { tenantId: active.tenantId });

      // The tenant with CRM on is served at once, even though the other tenant's job came first.
      await waitUntil('the job of the tenant with CRM on completed', async () => (await reader.state(activeJob)) === 'completed', 10_000);
      expect((await reader.job(activeJob)).returnvalue).toEqual({ processedFor: active.tenantId });

      // The other job was looked at and put back as delayed: not run, not failed, not lost.
      await waitUntil('the job of the tenant with CRM off is postponed', async () => (await reader.state(pausedJob)) === 'delayed');
      await sleep(2_000);
      expect(runs.of(pausedJob)).toBe(0);
      expect(await reader.state(pausedJob)).toBe('delayed');
      expect((await reader.job(pausedJob)).failedReason ?? '').toBe('');

      // Back on: the postponed job runs, exactly once.
      ok(await setModule(paused.token, 'CRM', true));
      await (await reader.job(pausedJob)).promote();
      await waitUntil('the postponed job completed', async () => (await reader.state(pausedJob)) === 'completed');
      expect((await reader.job(pausedJob)).returnvalue).toEqual({ processedFor: paused.tenantId });
      await sleep(500);
      expect(runs.of(pausedJob)).toBe(1);
      expect(runs.of(activeJob)).toBe(1);
      expect(runs.runs.map((r) => r.tenantId).sort()).toEqual([paused.tenantId, active.tenantId].sort());
    } finally {
      await host.close();
      await reader.close();
    }
  });

  it('a module job without a tenantId fails without running', async () => {
    const queue = `crm-test-${randomUUID()}`;
    const runs = new Runs();
    const reader = queueReader<TenantJobData>(kontor.app.jobs.config, queue);
    const host = crmWorkers(queue, { [queue]: runs.processor() });
    try {
      const jobId = await kontor.app.jobs.add(queue, 'sync', { tenantId: null });
      await waitUntil('the job without tenant failed', async () => (await reader.state(jobId)) === 'failed');
      const job = await reader.job(jobId);
      expect(job.failedReason).toMatch(/has no tenantId/);
      // A payload error never heals: failed at once, not retried with backoff.
      expect(job.attemptsMade).toBe(1);
      expect(runs.runs).toHaveLength(0);
    } finally {
      await host.close();
      await reader.close();
    }
  });

  it("the application's own jobs carry the tenant they work for", async () => {
    const reader = queueReader<MailJobData>(kontor.app.jobs.config, PLATFORM_QUEUES.mailing);
    try {
      const owner = await signUp(kontor);
      const tenantId = tenantIdOf(owner);
      const invitee = uniqueEmail('invitee');
      ok(await kontor.gql(`mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }`, { input: { email: invitee, role: 'VIEWER' } }, owner.token));
      // No workers run here, so the jobs wait in the queue to be read.
      // The queue also carries the CRM's emails to people (other jobs, other data): only platform mail counts here.
      const mail = (await reader.jobs()).filter((j) => (j.data as Partial<MailJobData>).message !== undefined);
      const mine = mail.filter((j) => j.data.message.to === owner.email || j.data.message.to === invitee);
      expect(mine.map((j) => [j.data.message.to, j.data.tenantId]).sort()).toEqual([owner.email, invitee].sort().map((to) => [to, tenantId]));
      for (const job of mine) await job.remove();
    } finally {
      await reader.close();
    }
  });

  it('close() lets an in-flight job finish before it resolves, and takes no new job', async () => {
    const queue = `slow-test-${randomUUID()}`;
    const runs = new Runs();
    const reader = queueReader<TenantJobData>(kontor.app.jobs.config, queue);
    const tenantId = tenantIdOf(await signUp(kontor));
    const host = new WorkerHost(kontor.app);
    host.start({ [queue]: runs.processor(1_500) }, 1);
    try {
      const jobId = await kontor.app.jobs.add(queue, 'slow', { tenantId });
      await waitUntil('the slow job started', () => runs.of(jobId) === 1);
      const closing = Date.now();
      await host.close();
      const closed = Date.now();
      const run = runs.runs[0];
      expect(run?.finishedAt).toBeDefined();
      expect(run?.finishedAt ?? Infinity).toBeLessThanOrEqual(closed);
      // close() really waited: the job was still working when close() was called.
      expect(run?.finishedAt ?? 0).toBeGreaterThan(closing);
      expect(closed - (run?.startedAt ?? closed)).toBeGreaterThanOrEqual(1_400);
      expect(await reader.state(jobId)).toBe('completed');
      expect((await reader.job(jobId)).returnvalue).toEqual({ processedFor: tenantId });

      // A closed host takes nothing more.
      const later = await kontor.app.jobs.add(queue, 'slow', { tenantId });
      await sleep(1_000);
      expect(runs.of(later)).toBe(0);
      expect(await reader.state(later)).toBe('waiting');
      await (await reader.job(later)).remove();
    } finally {
      await host.close();
      await reader.close();
    }
  });
});
