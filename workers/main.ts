import 'reflect-metadata';
import { closeApp, createApp, createLogger } from '../api/src/platform/bootstrap.js';
import { createMailDriver } from '../api/src/platform/mail/mail-driver.factory.js';
import { createSmsDriver } from '../api/src/platform/sms/sms-driver.factory.js';
import { onShutdown } from '../infra/shutdown.js';
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
const sms = createSmsDriver(config, log);
const host = new WorkerHost(app);
host.start(processors(app, mail, sms));

onShutdown(log, 'workers: finishing in-flight jobs', [() => host.close(), () => mail.close(), () => sms.close(), () => closeApp(app), () => database.stop()]);
