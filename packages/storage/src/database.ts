import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { AppError } from '@ptrack/domain';
import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireLock, type DirectoryLock } from './lock';
import { MIGRATIONS_DIR, readUsableTemplate } from './pglite-template';
import * as schema from './schema';
import { clearScratchDir } from './scratch';
import { createSecretBox, encryptPlainSecrets, type SecretBox } from './secrets';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a repository can run a query on: the database or a transaction in progress. */
export type Executor = Db | Tx;

export type StorageKind = 'pglite' | 'postgres';

export type Database = {
  readonly db: Db;
  readonly kind: StorageKind;
  /** Where the data lives, for health reports: a directory, ':memory:' or the server (no password). */
  readonly location: string;
  readonly lock: DirectoryLock | null;
  /** Encrypts and decrypts the stored secrets (secrets.ts). */
  readonly secrets: SecretBox;
  close(): Promise<void>;
};

/** PTRACK_SECRET_KEY and PTRACK_SECRET_KEY_FILE: where the key of the stored secrets comes from. */
export type SecretKeyOptions = { key?: string | undefined; keyFile?: string | undefined };

export type OpenDatabaseOptions =
  | { kind: 'pglite'; dataDir: string; migrate?: boolean; lockCommand?: string; secrets?: SecretKeyOptions }
  | { kind: 'pglite-memory'; loadDataDir?: Blob | File; migrate?: boolean; secrets?: SecretKeyOptions }
  | { kind: 'postgres'; url: string; migrate?: boolean; poolSize?: number; secrets?: SecretKeyOptions & { ephemeral?: boolean } };

// The embedded server keeps its buffer pool small: the operating system caches the data files too, and
// a team-sized workspace is a few hundred MB at most (the server's RSS target is 500 MB at 10k partners).
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

export { MIGRATIONS_DIR };

/** The PGlite cluster lives in `<dataDir>/pgdata`, beside the lock file and (later) backups. */
export function pgliteDirOf(dataDir: string): string {
  return join(dataDir, 'pgdata');
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparseable DATABASE_URL)';
  }
}

/** Chooses the storage from configuration: a PostgreSQL server when DATABASE_URL is set, else PGlite. */
export function storageOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenDatabaseOptions {
  const url = env.DATABASE_URL?.trim();
  const secrets = { key: env.PTRACK_SECRET_KEY?.trim() || undefined, keyFile: env.PTRACK_SECRET_KEY_FILE?.trim() || undefined };
  if (url) return { kind: 'postgres', url, secrets };
  return { kind: 'pglite', dataDir: resolve(env.PTRACK_DATA_DIR?.trim() || './data'), secrets };
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const runMigrations = options.migrate ?? true;
  switch (options.kind) {
    case 'pglite': {
      mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
      restrictDataDir(options.dataDir);
      const anchor = join(pgliteDirOf(options.dataDir), 'PG_VERSION');
      const lock = acquireLock(options.dataDir, options.lockCommand, anchor);
      try {
        clearScratchDir(options.dataDir);
        // A fresh directory starts from the migrated template when one is cached (pglite-template.ts):
        // initdb in WebAssembly takes seconds and most of a gigabyte.
        const template = existsSync(anchor) ? null : readUsableTemplate();
        const client = await PGlite.create(pgliteDirOf(options.dataDir), {
          startParams: PGLITE_START_PARAMS,
          ...(template ? { loadDataDir: template } : {}),
        });
        // A fresh directory has its PG_VERSION only now.
        try {
          lock.anchor(anchor);
        } catch (error) {
          await client.close();
          throw error;
        }
        const db = drizzlePglite({ client, schema }) as unknown as Db;
        if (runMigrations) await migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR });
        const secrets = createSecretBox({ ...options.secrets, dataDir: options.dataDir });
        if (runMigrations) await encryptPlainSecrets(db, secrets);
        return {
          db,
          kind: 'pglite',
          location: options.dataDir,
          lock,
          secrets,
          async close() {
            try {
              await client.close();
              // PGlite writes a few files (pg_internal.init) with a fixed 0644; the directory is 0700
              // while it runs, and they are tightened here for a copy of the directory.
              restrictDataDir(options.dataDir);
            } finally {
              lock.release();
            }
          },
        };
      } catch (error) {
        lock.release();
        throw error;
      }
    }
    case 'pglite-memory': {
      const client = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
      const db = drizzlePglite({ client, schema }) as unknown as Db;
      if (runMigrations) await migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR });
      const secrets = createSecretBox({ ...options.secrets, ephemeral: true });
      if (runMigrations) await encryptPlainSecrets(db, secrets);
      return {
        db,
        kind: 'pglite',
        location: ':memory:',
        lock: null,
        secrets,
        close: () => client.close(),
      };
    }
    case 'postgres': {
      // JIT compilation pays off for long analytical queries, never for these short ones (it was measured
      // adding ~100 ms to a statement that updates nothing while the planner's statistics were stale).
      const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, options: '-c jit=off' });
      // An idle client losing its connection must not crash the process; the next query reports it.
      pool.on('error', () => {});
      try {
        const probe = await pool.connect();
        probe.release();
      } catch (error) {
        await pool.end();
        throw new AppError(
          'STORAGE_UNAVAILABLE',
          `Cannot connect to PostgreSQL at ${redactUrl(options.url)}: ${(error as Error).message}`,
        );
      }
      const db = drizzlePg({ client: pool, schema }) as unknown as Db;
      if (runMigrations) await migrateServer(pool, db);
      const secrets = createSecretBox(options.secrets ?? {});
      if (runMigrations) await encryptPlainSecrets(db, secrets);
      return { db, kind: 'postgres', location: redactUrl(options.url), lock: null, secrets, close: () => pool.end() };
    }
  }
}

/**
 * The data directory holds the whole workspace (and the key of its secrets): only its owner may read
 * it. New files get 0600 from the process umask (set in the server's and the CLI's main); this tightens
 * what an older version or another process left readable — directories to 0700, files to 0600.
 */
export function restrictDataDir(dir: string): void {
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if (stat.isDirectory()) {
      if ((stat.mode & 0o077) !== 0) chmodSync(path, stat.mode & 0o700);
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if ((stat.mode & 0o077) !== 0) {
      chmodSync(path, stat.mode & 0o600);
    }
  };
  try {
    visit(dir);
  } catch (error) {
    // Files owned by someone else (a copy restored as root) cannot be changed: the open goes on.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

// Several server replicas may start at once: an advisory lock makes them apply migrations one at a time.
const MIGRATION_LOCK_KEY = 7_402_118_301;
async function migrateServer(pool: pg.Pool, db: Db): Promise<void> {
  const holder = await pool.connect();
  try {
    await holder.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await holder.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    holder.release();
  }
}

/** Exposes the underlying PGlite client for tests that clone a migrated template (dumpDataDir). */
export function pgliteClientOf(database: Database): PGlite | null {
  if (database.kind !== 'pglite') return null;
  const session = (database.db as unknown as { $client?: PGlite }).$client;
  return session ?? null;
}

/**
 * Refreshes the planner's statistics after a bulk load. The embedded database has no autovacuum: left
 * alone, tables filled by an import keep the statistics of when they were empty, and the planner picks
 * plans fit for a few rows (measured: an export page of 2,000 partners at 100,000 took 1.7 s instead
 * of 0.07 s). On a PostgreSQL server it spares waiting for autovacuum.
 */
/** A bulk write of at least this many rows (an import, a first HubSpot sync) is followed by analyzeAfterBulkLoad. */
export const ANALYZE_AFTER_ROWS = 1000;

export async function analyzeAfterBulkLoad(tx: Executor): Promise<void> {
  await tx.execute(sql`analyze`);
}

/** VACUUM (ANALYZE) of every table: outside any transaction, as VACUUM requires. */
export async function vacuumAnalyze(db: Db): Promise<void> {
  await db.execute(sql`vacuum (analyze)`);
}

/** Runs raw SQL and returns its rows (both drivers answer `{ rows }`; the shared type cannot say so). */
export async function queryRows<T = Record<string, unknown>>(tx: Executor, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Runs a query whose rows the server folds into one JSON text: for pages of hundreds or thousands of
 * rows, decoding one string with JSON.parse is cheaper than the drivers' row-by-row
 * decoding (measured on PGlite: a 2,000-row grid page in about half the time). Values arrive as JSON gives them: timestamps as
 * ISO text, numbers as numbers, jsonb nested. The order is the query's: the aggregate reads the
 * subquery's sorted (and limited) output as it comes.
 */
export async function queryJsonRows<T = Record<string, unknown>>(tx: Executor, query: SQL): Promise<T[]> {
  const [row] = await queryRows<{ rows: string }>(tx, sql`select coalesce(json_agg(q), '[]')::text as "rows" from (${query}) q`);
  return JSON.parse(row?.rows ?? '[]') as T[];
}

/**
 * A list of values as one SQL array parameter (`= any(${sqlArray(ids, 'uuid')})`): one bind parameter
 * however long the list, carried as JSON so both drivers (PGlite, node-postgres) pass it the same way.
 */
export function sqlArray(values: readonly string[], type: 'uuid' | 'text'): SQL {
  const json = JSON.stringify(values);
  return type === 'uuid'
    ? sql`array(select jsonb_array_elements_text(${json}::jsonb))::uuid[]`
    : sql`array(select jsonb_array_elements_text(${json}::jsonb))`;
}
