import type { Logger } from 'pino';
import { QUEUE_NAMESPACE } from '../workers/queues.js';
import type { Config } from './config.js';
import { appUrlFor, ensureAppRole, migrate, migrateQueueBackend } from './database.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface ResolvedDatabase {
  ownerUrl: string;
  appUrl: string;
  stop(): Promise<void>;
}

/** DATABASE_URL when set, else the embedded PostgreSQL; migrated, with the application role ready. */
export async function resolveDatabase(config: Config, log: Logger): Promise<ResolvedDatabase> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
  const ownerUrl = config.databaseUrl ?? embedded?.ownerUrl;
  if (!ownerUrl) throw new Error('No database');
  await migrate(ownerUrl, log);
  if (!config.redisUrl) await migrateQueueBackend(ownerUrl, QUEUE_NAMESPACE);
  if (!config.databaseAppUrl) await ensureAppRole(ownerUrl, config.appRolePassword);
  return {
    ownerUrl,
    appUrl: config.databaseAppUrl ?? appUrlFor(ownerUrl, config.appRolePassword),
    stop: async () => embedded?.stop(),
  };
}
