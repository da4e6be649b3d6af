import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from './database';
import { ensureTemplate } from './pglite-template';

/**
 * Fresh, migrated databases for integration tests (docs/ARCHITECTURE.md): an in-memory PGlite loaded
 * from the migrated template (pglite-template.ts; the integration project's global setup builds it once
 * per change of the migrations, so a test file reads a tarball instead of running initdb), or a new
 * database on the PostgreSQL server of DATABASE_URL, so the same suite runs on both.
 */
let template: Promise<Blob> | null = null;

function pgliteTemplate(): Promise<Blob> {
  template ??= ensureTemplate().then(({ blob }) => blob);
  return template;
}

/** Builds the template if the migrations changed since it was cached (vitest global setup). */
export async function prepareTestTemplate(): Promise<void> {
  if (testStorageKind() === 'pglite') await ensureTemplate();
}

export function testStorageKind(): 'pglite' | 'postgres' {
  return process.env.DATABASE_URL?.trim() ? 'postgres' : 'pglite';
}

/** Opens an empty migrated database; close() also drops it on PostgreSQL. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return openDatabase({ kind: 'pglite-memory', loadDataDir: await pgliteTemplate(), migrate: false });
  const name = `ptrack_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 5, secrets: { ephemeral: true } });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
