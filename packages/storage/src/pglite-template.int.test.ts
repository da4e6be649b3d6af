import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, queryRows } from './database';
import { buildTemplateBlob, MIGRATIONS_DIR, templateFingerprint, templatePathOf } from './pglite-template';
import { openTestDatabase, testStorageKind } from './testing';

const temporary: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ptrack-template-${prefix}-`));
  temporary.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** Everything the migrations make: tables, columns, indexes, constraints, functions, and what was applied. */
async function schemaOf(database: Database): Promise<unknown> {
  const columns = await queryRows(
    database.db,
    sql`select table_schema, table_name, column_name, data_type, is_nullable, column_default
        from information_schema.columns where table_schema not in ('pg_catalog', 'information_schema')
        order by 1, 2, 3`,
  );
  const indexes = await queryRows(
    database.db,
    sql`select schemaname, tablename, indexname, indexdef from pg_indexes
        where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2, 3`,
  );
  const constraints = await queryRows(
    database.db,
    sql`select conrelid::regclass::text as "table", conname, pg_get_constraintdef(oid) as def from pg_constraint
        where connamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace) order by 1, 2`,
  );
  const functions = await queryRows(
    database.db,
    sql`select proname, pg_get_functiondef(p.oid) as def from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const applied = await queryRows(database.db, sql`select hash from drizzle.__drizzle_migrations order by id`);
  return { columns, indexes, constraints, functions, applied };
}

async function systemIdOf(database: Database): Promise<string> {
  const [row] = await queryRows<{ id: string }>(database.db, sql`select system_identifier::text as id from pg_control_system()`);
  return String(row?.id);
}

const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };

describe.runIf(testStorageKind() === 'pglite')('the migrated PGlite template', () => {
  it('gives a test database the same schema as initdb plus every migration', async () => {
    const fresh = await openDatabase({ kind: 'pglite-memory' });
    const cloned = await openTestDatabase();
    const another = await openTestDatabase();
    try {
      const expected = await schemaOf(fresh);
      expect((expected as { applied: unknown[] }).applied).toHaveLength(journal.entries.length);
      expect(await schemaOf(cloned)).toEqual(expected);
      // Copies of one cluster, not initdb runs: they share its identity, which a fresh cluster does not.
      expect(await systemIdOf(another)).toBe(await systemIdOf(cloned));
      expect(await systemIdOf(fresh)).not.toBe(await systemIdOf(cloned));
    } finally {
      await fresh.close();
      await cloned.close();
      await another.close();
    }
  });

  it('creates a fresh data directory from the cached template, and reopens it', async () => {
    const cache = tempDir('cache');
    const blob = await buildTemplateBlob();
    writeFileSync(templatePathOf(templateFingerprint(), cache), Buffer.from(await blob.arrayBuffer()));
    const fromTemplate = await openDatabase({ kind: 'pglite-memory', loadDataDir: blob, migrate: false });
    const templateId = await systemIdOf(fromTemplate);
    const expected = await schemaOf(fromTemplate);
    await fromTemplate.close();

    const dataDir = join(tempDir('data'), 'workspace');
    process.env.PTRACK_TEMPLATE_CACHE = cache;
    try {
      const opened = await openDatabase({ kind: 'pglite', dataDir });
      expect(await systemIdOf(opened)).toBe(templateId);
      expect(await schemaOf(opened)).toEqual(expected);
      await opened.db.execute(sql`create table kept (n int)`);
      await opened.close();
      const reopened = await openDatabase({ kind: 'pglite', dataDir });
      expect(await queryRows(reopened.db, sql`select count(*)::int as n from kept`)).toEqual([{ n: 0 }]);
      await reopened.close();
    } finally {
      delete process.env.PTRACK_TEMPLATE_CACHE;
    }
  });

  it('completes a template built for older migrations with the missing ones', async () => {
    const older = tempDir('older-migrations');
    cpSync(MIGRATIONS_DIR, older, { recursive: true });
    const olderJournal = { ...JSON.parse(readFileSync(join(older, 'meta', '_journal.json'), 'utf8')) };
    olderJournal.entries = olderJournal.entries.slice(0, -3);
    writeFileSync(join(older, 'meta', '_journal.json'), JSON.stringify(olderJournal));
    const cache = tempDir('cache');
    const blob = await buildTemplateBlob(older);
    writeFileSync(templatePathOf(templateFingerprint(older), cache), Buffer.from(await blob.arrayBuffer()));
    const fromOlder = await openDatabase({ kind: 'pglite-memory', loadDataDir: blob, migrate: false });
    const olderId = await systemIdOf(fromOlder);
    expect(((await schemaOf(fromOlder)) as { applied: unknown[] }).applied).toHaveLength(journal.entries.length - 3);
    await fromOlder.close();

    const fresh = await openDatabase({ kind: 'pglite-memory' });
    const expected = await schemaOf(fresh);
    await fresh.close();
    process.env.PTRACK_TEMPLATE_CACHE = cache;
    try {
      const opened = await openDatabase({ kind: 'pglite', dataDir: join(tempDir('data'), 'workspace') });
      expect(await systemIdOf(opened)).toBe(olderId);
      expect(await schemaOf(opened)).toEqual(expected);
      await opened.close();
    } finally {
      delete process.env.PTRACK_TEMPLATE_CACHE;
    }
  });
});
