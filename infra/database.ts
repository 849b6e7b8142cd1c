import { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { runMigrations } from 'bullmq';
import pg from 'pg';
import { ormConfig } from '../api/src/platform/database/orm.config.js';

export const APP_ROLE = 'kontor_app';

/** Runs pending migrations as the owner (the application role cannot change the schema). */
export async function migrate(ownerUrl: string, log: Logger): Promise<void> {
  const orm = await MikroORM.init(ormConfig({ url: ownerUrl, poolMax: 2 }));
  try {
    const applied = await orm.getMigrator().up();
    if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  } finally {
    await orm.close(true);
  }
}

/**
 * Makes sure the application role exists, owns nothing, cannot bypass RLS, and may read and write
 * the tables. Idempotent; runs after every migration so new tables are granted too.
 */
export async function ensureAppRole(ownerUrl: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const quotedPassword = client.escapeLiteral(password);
    await client.query(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then
        create role ${APP_ROLE} login nosuperuser nobypassrls nocreatedb nocreaterole password ${quotedPassword};
      else
        alter role ${APP_ROLE} login nosuperuser nobypassrls password ${quotedPassword};
      end if;
    end $$`);
    const db = (await client.query<{ db: string }>('select current_database() as db')).rows[0]?.db ?? '';
    await client.query(`grant connect on database ${client.escapeIdentifier(db)} to ${APP_ROLE}`);
    await client.query(`grant usage on schema public to ${APP_ROLE}`);
    await client.query(`grant select, insert, update, delete on all tables in schema public to ${APP_ROLE}`);
    await client.query(`grant usage, select on all sequences in schema public to ${APP_ROLE}`);
    await client.query(`revoke all on table mikro_orm_migrations from ${APP_ROLE}`);
    // The link-signing key: the application reads it, never changes it.
    await client.query(`revoke insert, update, delete on table signing_keys from ${APP_ROLE}`);
    await client.query(`grant execute on function kontor_authenticate_session(text) to ${APP_ROLE}`);
  } finally {
    await client.end();
  }
}

/** The application's connection: DATABASE_APP_URL, or the owner URL with the application role's credentials. */
export function appUrlFor(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/** BullMQ's PostgreSQL backend keeps its tables in their own schema; its migrations run once, here. */
export async function migrateQueueBackend(ownerUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await runMigrations(client, schema);
  } finally {
    await client.end();
  }
}
