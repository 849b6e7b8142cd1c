import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrations } from '../../../../migrations/index.js';
import { manifests } from '../../modules.js';
import { platformEntities } from './platform-entities.js';

export interface OrmOptions {
  url: string;
  poolMax?: number;
  /** Called with every SQL statement; the N+1 test counts them. */
  onQuery?: (sql: string) => void;
  /** Only `migration:create` writes the schema snapshot; running migrations must not touch the source tree. */
  writeSnapshot?: boolean;
}

export function ormConfig(options: OrmOptions): Options {
  return defineConfig({
    clientUrl: options.url,
    entities: [...platformEntities, ...manifests.flatMap((m) => m.entities)] as Options['entities'],
    extensions: [Migrator],
    pool: { min: 0, max: options.poolMax ?? 10 },
    // Entities are explicit; nothing is discovered from disk at run time.
    discovery: { warnWhenNoEntities: true, requireEntitiesArray: true },
    forceUtcTimezone: true,
    // Every session in UTC, whatever the server's default: timestamps as text (keyset cursors) must not
    // depend on where the database runs.
    driverOptions: { connection: { options: '-c TimeZone=UTC' } },
    // BullMQ's PostgreSQL backend keeps its own tables in this schema; they are not ours to diff.
    schemaGenerator: { ignoreSchema: ['bullmq'] },
    allowGlobalContext: false,
    debug: options.onQuery ? ['query'] : false,
    logger: options.onQuery ?? (() => undefined),
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: 'migrations',
      pathTs: 'migrations',
      emit: 'ts',
      snapshot: options.writeSnapshot ?? false,
      snapshotName: '.snapshot',
      migrationsList: migrations,
      transactional: true,
      allOrNothing: true,
    },
  });
}
