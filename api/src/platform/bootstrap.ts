import { MikroORM } from '@mikro-orm/postgresql';
import pino, { type Logger } from 'pino';
import type { Config } from '../../../infra/config.js';
import { JobQueues, QUEUE_NAMESPACE } from '../../../workers/queues.js';
import { manifests } from '../modules.js';
import type { App } from './app.js';
import { RateLimits } from './auth/rate-limiter.js';
import { ormConfig } from './database/orm.config.js';
import { ModuleRegistry } from './modules/module-registry.js';

export interface Connections {
  /** Owner connection: BullMQ's own tables live in the `bullmq` schema it manages. */
  ownerUrl: string;
  /** Application role: everything tenant data goes through this. */
  appUrl: string;
  onQuery?: (sql: string) => void;
  /** BullMQ schema (PostgreSQL) or key prefix (Redis), also prefixing Redis rate-limit keys; tests isolate runs with their own. */
  queueNamespace?: string;
}

export function createLogger(config: Config): Logger {
  return pino({ level: config.logLevel, base: { service: 'kontor' } });
}

export async function createApp(config: Config, connections: Connections, log: Logger = createLogger(config)): Promise<App> {
  const orm = await MikroORM.init(ormConfig({ url: connections.appUrl, onQuery: connections.onQuery, poolMax: 20 }));
  return {
    config,
    log,
    orm,
    registry: new ModuleRegistry(manifests),
    rateLimits: RateLimits.create(config.redisUrl, connections.queueNamespace ? `${connections.queueNamespace}:rl` : undefined),
    jobs: new JobQueues({ redisUrl: config.redisUrl, pgUrl: connections.ownerUrl, namespace: connections.queueNamespace ?? QUEUE_NAMESPACE }),
  };
}

export async function closeApp(app: App): Promise<void> {
  await app.jobs.close();
  await app.rateLimits.close();
  await app.orm.close(true);
}
