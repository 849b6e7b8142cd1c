import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
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

/** The embedded database's application-role password: generated once, kept beside its data (0600). */
async function localAppPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'app-role-password');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await writeFile(file, password, { mode: 0o600 });
    return password;
  }
}

/** DATABASE_URL when set, else the embedded PostgreSQL; migrated, with the application role ready. */
export async function resolveDatabase(config: Config, log: Logger): Promise<ResolvedDatabase> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
  const ownerUrl = config.databaseUrl ?? embedded?.ownerUrl;
  if (!ownerUrl) throw new Error('No database');
  await migrate(ownerUrl, log);
  if (!config.redisUrl) await migrateQueueBackend(ownerUrl, QUEUE_NAMESPACE);
  let appUrl = config.databaseAppUrl;
  if (!appUrl) {
    const password = config.appRolePassword ?? (embedded ? await localAppPassword(config.dataDir) : undefined);
    if (!password) {
      throw new Error('With DATABASE_URL, set DATABASE_APP_PASSWORD (the password Kontor gives its kontor_app role) or DATABASE_APP_URL');
    }
    await ensureAppRole(ownerUrl, password);
    appUrl = appUrlFor(ownerUrl, password);
  }
  return {
    ownerUrl,
    appUrl,
    stop: async () => embedded?.stop(),
  };
}
