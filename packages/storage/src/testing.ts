import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase, pgliteClientOf } from './database';

/**
 * Fresh, migrated databases for integration tests (docs/ARCHITECTURE.md): an in-memory PGlite cloned from
 * a migrated template by default, or a new database on the PostgreSQL server of DATABASE_URL, so the
 * same suite runs on both.
 */
let template: Promise<Blob> | null = null;

async function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const db = await openDatabase({ kind: 'pglite-memory' });
    try {
      const client = pgliteClientOf(db);
      if (!client) throw new Error('expected a PGlite database');
      return (await client.dumpDataDir('none')) as Blob;
    } finally {
      await db.close();
    }
  })();
  return template;
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
