import 'reflect-metadata';
import { createLogger } from '../api/src/platform/bootstrap.js';
import { loadConfig } from '../infra/config.js';
import { resolveDatabase } from '../infra/resolve-database.js';

/** `npm run migrate`: applies migrations (and BullMQ's, and the application role) as the owner, then exits. */
const config = loadConfig();
const database = await resolveDatabase(config, createLogger(config));
await database.stop();
