import { createPostgresBackend, Queue, type ConnectionOptions, type RedisQueueBackend, type JobsOptions, type JobType, type PostgresConnectionOptions, type PostgresQueueBackend } from 'bullmq';

/** BullMQ's PostgreSQL schema, or its Redis key prefix. */
export const QUEUE_NAMESPACE = 'bullmq';

/** One queue per concern. Module queues are declared in their module's manifest. */
export const PLATFORM_QUEUES = { mailing: 'mailing' } as const;

/** Completed jobs are kept briefly and in bounded numbers, so the backend never fills up. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 3_600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3_600, count: 5_000 },
};

export interface QueueBackendConfig {
  /** Set: Redis. Unset: BullMQ's PostgreSQL backend in `pgUrl`. */
  redisUrl: string | undefined;
  pgUrl: string;
  /** Namespace of BullMQ's own tables (PostgreSQL) or key prefix (Redis). */
  namespace: string;
}

/** Every job carries the tenant it works for; the worker runs it inside that tenant only. */
export interface TenantJobData {
  tenantId: string | null;
}

export function backendName(config: QueueBackendConfig): 'redis' | 'postgres' {
  return config.redisUrl ? 'redis' : 'postgres';
}

/** What Kontor needs of a queue, whichever backend stores it. */
export interface JobQueue {
  add(name: string, data: TenantJobData, options?: JobsOptions): Promise<{ id?: string | undefined }>;
  getJobCounts(...types: JobType[]): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/**
 * Connection options rather than a client: BullMQ then owns (and closes) the connections it opens.
 */
export function redisOptions(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}

export function createQueue(name: string, config: QueueBackendConfig): JobQueue {
  if (config.redisUrl) {
    return new Queue<TenantJobData, unknown, string, TenantJobData, unknown, string, RedisQueueBackend, ConnectionOptions>(name, {
      connection: redisOptions(config.redisUrl),
      prefix: config.namespace,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
  }
  return new Queue<TenantJobData, unknown, string, TenantJobData, unknown, string, PostgresQueueBackend, PostgresConnectionOptions>(
    name,
    { connection: postgresConnection(config), defaultJobOptions: DEFAULT_JOB_OPTIONS },
    createPostgresBackend,
  );
}

export function postgresConnection(config: QueueBackendConfig): PostgresConnectionOptions {
  return { connectionString: config.pgUrl, schema: config.namespace, max: 4 };
}

/** The producer side, shared by the API and the workers. */
export class JobQueues {
  private readonly queues = new Map<string, JobQueue>();

  constructor(readonly config: QueueBackendConfig) {}

  queue(name: string): JobQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = createQueue(name, this.config);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async add<T extends TenantJobData>(queueName: string, jobName: string, data: T, options: JobsOptions = {}): Promise<string> {
    const job = await this.queue(queueName).add(jobName, data, options);
    return String(job.id);
  }

  /** Reachability of the backend, for /readyz. */
  async ping(): Promise<void> {
    await this.queue(PLATFORM_QUEUES.mailing).getJobCounts('waiting');
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
