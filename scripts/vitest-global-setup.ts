import { prepareTestTemplate } from '@ptrack/storage/testing';

/**
 * Builds the migrated PGlite template once before the workers start (a no-op reading a few files when
 * the migrations did not change), so no test file runs initdb, and the CLI and servers the tests spawn
 * create their fresh data directories from it too.
 */
export default async function setup(): Promise<void> {
  await prepareTestTemplate();
}
