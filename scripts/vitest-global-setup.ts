import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { prepareTestTemplate } from '@ptrack/storage/testing';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Before the workers start: builds the migrated PGlite template (a no-op reading a few files when the
 * migrations did not change), so no test file runs initdb and the CLI and servers the tests spawn create
 * their fresh data directories from it; and compiles the CLI and the server once, so the dozens of
 * `ptrack` processes the tests start neither compile TypeScript nor race to build the bundle.
 */
export default async function setup(): Promise<void> {
  await prepareTestTemplate();
  execFileSync(process.execPath, ['scripts/compiled-entry.mjs'], { cwd: root, stdio: 'inherit' });
}
