#!/usr/bin/env node
// Before `npm start` on a FRESH embedded data directory: makes sure the migrated PGlite template
// (packages/storage/src/pglite-template.ts) is cached, so the server loads it instead of running initdb
// in WebAssembly (seconds, and close to 1 GB of memory). Building it happens here, in a process of its
// own that exits before the server starts, so the server's memory never holds initdb. A start on an
// existing directory, or on PostgreSQL, does no more than one existsSync.
//
// `--force` builds the template whatever the data directory (e.g. at install or in a container image).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = new Set(process.argv.slice(2));
const dataDir = resolve(process.env.PTRACK_DATA_DIR?.trim() || './data');
const fresh = !process.env.DATABASE_URL?.trim() && !existsSync(join(dataDir, 'pgdata', 'PG_VERSION'));

if (args.has('--force') || fresh) {
  const { register } = await import('tsx/esm/api');
  register();
  const template = await import('../packages/storage/src/pglite-template.ts');
  const started = Date.now();
  try {
    const { built } = await template.ensureTemplate();
    if (built || !args.has('--quiet')) {
      process.stdout.write(
        `PGlite template ${built ? `built in ${Date.now() - started} ms` : 'is up to date'} (${template.templateCacheDir()}).\n`,
      );
    }
  } catch (error) {
    // The server still starts without it (running initdb itself): the template only saves time.
    process.stderr.write(`Could not build the PGlite template: ${error.message}\n`);
  }
}
