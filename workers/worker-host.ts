import { createPostgresBackend, DelayedError, UnrecoverableError, Worker, type Job, type JobProgress, type PostgresConnectionOptions, type PostgresQueueBackend } from 'bullmq';
import type { App } from '../api/src/platform/app.js';
import { inTenant } from '../api/src/platform/context/tenant-scope.js';
import { loadTenantModules } from '../api/src/platform/modules/module.service.js';
import { postgresConnection, redisOptions, type QueueBackendConfig, type TenantJobData } from './queues.js';

/** A queue's job handler; `token` is the worker's lock on the job (needed to move it, e.g. back to delayed). */
export type Processor = (job: Job<TenantJobData>, token?: string) => Promise<unknown>;

/** While a module is off its jobs wait; they are looked at again after this delay. */
export const MODULE_OFF_RECHECK_MS = 60_000;

interface RunningWorker {
  close(force?: boolean): Promise<void>;
}

function createWorker(name: string, processor: Processor, config: QueueBackendConfig, concurrency: number): RunningWorker & { on(event: 'failed', fn: (job: Job | undefined, error: Error) => void): unknown } {
  if (config.redisUrl) {
    return new Worker<TenantJobData>(name, processor, {
      connection: redisOptions(config.redisUrl),
      prefix: config.namespace,
      concurrency,
    });
  }
  return new Worker<TenantJobData, unknown, string, PostgresQueueBackend, JobProgress, PostgresConnectionOptions>(
    name,
    processor,
    { connection: postgresConnection(config), concurrency },
    createPostgresBackend,
  );
}

/**
 * Puts a running job back to wait (delayed, not failed, not lost) and looks at it again later: for
 * work whose module or feature is switched off. `token` is the worker's lock on the job.
 */
export async function postpone(job: Job, token: string | undefined): Promise<never> {
  await job.moveToDelayed(Date.now() + MODULE_OFF_RECHECK_MS, token);
  throw new DelayedError();
}

/**
 * Wraps a module's processor: the job runs only while its tenant has the module on; otherwise it is
 * put back as delayed (not failed, not lost) and runs once the module is switched on again.
 */
export function moduleGated(app: App, queue: string, processor: Processor): Processor {
  const module = app.registry.moduleOfQueue(queue);
  if (!module) return processor;
  return async (job, token?: string) => {
    const tenantId = job.data.tenantId;
    if (!tenantId) throw new UnrecoverableError(`Job ${job.id} of module queue ${queue} has no tenantId`);
    const on = await inTenant(app.orm, tenantId, null, async (em) => (await loadTenantModules(em, app.registry)).isEnabled(module));
    if (!on) {
      app.log.info({ queue, jobId: job.id, tenantId, module }, 'module off: job postponed');
      return postpone(job, token);
    }
    return processor(job, token);
  };
}

/** Runs the processors of every queue; `close()` lets in-flight jobs finish (or returns them) first. */
export class WorkerHost {
  private readonly workers: RunningWorker[] = [];

  constructor(private readonly app: App) {}

  start(processors: Record<string, Processor>, concurrency = 8): void {
    for (const [queue, processor] of Object.entries(processors)) {
      const worker = createWorker(queue, moduleGated(this.app, queue, processor), this.app.jobs.config, concurrency);
      worker.on('failed', (job, error) => this.app.log.warn({ queue, jobId: job?.id, tenantId: (job?.data as TenantJobData | undefined)?.tenantId, err: error }, 'job failed'));
      this.workers.push(worker);
    }
    this.app.log.info({ queues: Object.keys(processors) }, 'workers started');
  }

  /** Graceful: stops taking jobs and waits for the running ones to finish. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
  }
}
