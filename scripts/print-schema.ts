import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { buildKontorSchema, printSdl } from '../api/src/graphql/schema.js';

/** Regenerates schema/schema.graphql, the contract partners and the web app build against. */
const sdl = printSdl(await buildKontorSchema());
await writeFile('schema/schema.graphql', sdl);
console.log(`schema/schema.graphql: ${sdl.split('\n').length} lines`);
