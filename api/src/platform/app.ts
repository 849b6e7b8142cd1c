import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../../../infra/config.js';
import type { JobQueues } from '../../../workers/queues.js';
import type { RateLimits } from './auth/rate-limiter.js';
import type { ModuleRegistry } from './modules/module-registry.js';

/** The long-lived parts of a running Kontor process, shared by the API and the workers. */
export interface App {
  readonly config: Config;
  readonly log: Logger;
  /** Connected as the application role: row-level security applies to everything it runs. */
  readonly orm: MikroORM;
  readonly registry: ModuleRegistry;
  readonly rateLimits: RateLimits;
  readonly jobs: JobQueues;
}
