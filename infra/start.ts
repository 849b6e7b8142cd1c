import 'reflect-metadata';
import { buildKontorSchema } from '../api/src/graphql/schema.js';
import { createHttpServer } from '../api/src/graphql/http-server.js';
import { closeApp, createApp, createLogger } from '../api/src/platform/bootstrap.js';
import { createMailDriver } from '../api/src/platform/mail/mail-driver.factory.js';
import { processors } from '../workers/processors.js';
import { WorkerHost } from '../workers/worker-host.js';
import { loadConfig } from './config.js';
import { onShutdown } from './shutdown.js';
import { viteDevServer } from './web-dev.js';
import { resolveDatabase } from './resolve-database.js';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, API and workers in one process. */
const config = loadConfig();
const log = createLogger(config);
const database = await resolveDatabase(config, log);
const app = await createApp(config, database, log);
const schema = await buildKontorSchema();
const http = await createHttpServer(app, schema, config.webDev ? { web: null } : {});
const webDev = config.webDev ? await viteDevServer(http.server) : null;
if (webDev) http.setWeb(webDev.handler);
const mail = createMailDriver(config, log);
const workers = new WorkerHost(app);
if (config.workersInProcess) workers.start(processors(app, mail));
const port = await http.listen(config.port);
log.info({ url: `http://localhost:${port}`, queue: config.redisUrl ? 'redis' : 'postgres', mail: mail.name, embedded: !config.databaseUrl, web: webDev ? 'vite dev' : http.servesWeb() ? 'build' : 'none' }, 'Kontor is up');
if (!http.servesWeb()) log.warn('no web app build in web/dist (run npm run web:build): emailed links and / answer 404');

onShutdown(log, 'shutting down: finishing requests and in-flight jobs', [() => http.close(), async () => webDev?.close(), () => workers.close(), () => mail.close(), () => closeApp(app), () => database.stop()]);
