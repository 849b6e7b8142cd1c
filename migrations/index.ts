import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123010349 } from './Migration20261123010349.js';
import { Migration20261123022500 } from './Migration20261123022500.js';
import { Migration20261123032549 } from './Migration20261123032549.js';
import { Migration20261123035149 } from './Migration20261123035149.js';
import { Migration20261123044500 } from './Migration20261123044500.js';
import { Migration20261123050126 } from './Migration20261123050126.js';
import { Migration20261123050409 } from './Migration20261123050409.js';
import { Migration20261123051046 } from './Migration20261123051046.js';
import { Migration20261123053000 } from './Migration20261123053000.js';
import { Migration20261123053100 } from './Migration20261123053100.js';
import { Migration20261123053122 } from './Migration20261123053122.js';
import { Migration20261123054500 } from './Migration20261123054500.js';
import { Migration20261123064000 } from './Migration20261123064000.js';
import { Migration20261123081953 } from './Migration20261123081953.js';
import { Migration20261123083018 } from './Migration20261123083018.js';
import { Migration20261123090826 } from './Migration20261123090826.js';
import { Migration20261123113509 } from './Migration20261123113509.js';
import { Migration20261123113600 } from './Migration20261123113600.js';

/** Every migration, in order. Listed statically so both the compiled app and the tests can run them. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123010349', class: Migration20261123010349 },
  { name: 'Migration20261123022500', class: Migration20261123022500 },
  { name: 'Migration20261123032549', class: Migration20261123032549 },
  { name: 'Migration20261123035149', class: Migration20261123035149 },
  { name: 'Migration20261123044500', class: Migration20261123044500 },
  { name: 'Migration20261123050126', class: Migration20261123050126 },
  { name: 'Migration20261123050409', class: Migration20261123050409 },
  { name: 'Migration20261123051046', class: Migration20261123051046 },
  { name: 'Migration20261123053000', class: Migration20261123053000 },
  { name: 'Migration20261123053100', class: Migration20261123053100 },
  { name: 'Migration20261123053122', class: Migration20261123053122 },
  { name: 'Migration20261123054500', class: Migration20261123054500 },
  { name: 'Migration20261123064000', class: Migration20261123064000 },
  { name: 'Migration20261123081953', class: Migration20261123081953 },
  { name: 'Migration20261123083018', class: Migration20261123083018 },
  { name: 'Migration20261123090826', class: Migration20261123090826 },
  { name: 'Migration20261123113509', class: Migration20261123113509 },
  { name: 'Migration20261123113600', class: Migration20261123113600 },
];
