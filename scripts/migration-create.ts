import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../api/src/platform/database/orm.config.js';

/**
 * Generates a migration from the difference between the entities and the last snapshot, into
 * migrations/. Read it, add what MikroORM cannot express (RLS policies, expression indexes), and list
 * it in migrations/index.ts. `--check` prints what the entities still want from the live database
 * instead. Needs DATABASE_URL (an owner connection to a database at the latest migration).
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const orm = await MikroORM.init(ormConfig({ url, poolMax: 1, writeSnapshot: true }));
try {
  if (process.argv.includes('--check')) {
    // What the entities still want from the live database: reviews a hand-written migration.
    console.log((await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: true })) || 'no changes');
    process.exit(0);
  }
  const initial = process.argv.includes('--initial');
  const result = await orm.getMigrator().createMigration('migrations', false, initial);
  console.log(result.fileName ? `created migrations/${result.fileName}` : 'no changes');
} finally {
  await orm.close(true);
}
