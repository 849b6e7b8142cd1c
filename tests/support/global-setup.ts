import type { TestProject } from 'vitest/node';
import pg from 'pg';
import pino from 'pino';
import { ensureAppRole, migrate, migrateQueueBackend } from '../../infra/database.js';
import { QUEUE_NAMESPACE } from '../../workers/queues.js';

declare module 'vitest' {
  export interface ProvidedContext {
    ownerUrl: string;
    appRolePassword: string;
    redisUrl: string;
  }
}

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_APP_PASSWORD = 'kontor_app_test';

/**
 * One fresh database per test run on the machine's PostgreSQL (never the embedded one), migrated
 * exactly as production is, with the application role that RLS applies to.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = `kontor_test_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${database}`);
  await admin.query(`create database ${database}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const ownerUrl = url.toString();
  const log = pino({ level: 'warn' });
  await migrate(ownerUrl, log);
  await migrateQueueBackend(ownerUrl, QUEUE_NAMESPACE);
  await ensureAppRole(ownerUrl, TEST_APP_PASSWORD);
  project.provide('ownerUrl', ownerUrl);
  project.provide('appRolePassword', TEST_APP_PASSWORD);
  project.provide('redisUrl', process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  return async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    await client.query(`drop database if exists ${database} with (force)`);
    await client.end();
  };
}
