import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A pre-initialised PGlite cluster with every migration applied, kept as a tarball on disk (issue 18).
 * Running initdb in WebAssembly takes seconds and peaks near 1 GB of RSS; loading the tarball takes a
 * fraction of that. A fresh data directory and every test database start from it.
 *
 * The file is named after a fingerprint of the migrations and of the PGlite version, so a template built
 * for other migrations is never taken for an exact copy; the product opens a fresh directory from an
 * older one anyway (same PGlite) and lets the migrator apply what is missing.
 */

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

const PREFIX = 'pglite-template-';

/** Where templates are cached: PTRACK_TEMPLATE_CACHE, else the repository's node_modules/.cache/ptrack. */
export function templateCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PTRACK_TEMPLATE_CACHE?.trim();
  if (configured) return resolve(configured);
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'node_modules', '.cache', 'ptrack');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The installed PGlite: a tarball is only loadable by the same build of the embedded server. */
export function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@electric-sql/pglite');
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return String(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version);
}

/** `<pglite version>-<hash of the migrations folder>`: what a template was built from. */
export function templateFingerprint(migrationsDir: string = MIGRATIONS_DIR): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(migrationsDir).sort()) {
    hash.update(relative(migrationsDir, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return `${pgliteVersion()}-${hash.digest('hex').slice(0, 16)}`;
}

export function templatePathOf(fingerprint: string, cacheDir: string = templateCacheDir()): string {
  return join(cacheDir, `${PREFIX}${fingerprint}.tar`);
}

function blobOf(path: string): Blob {
  return new Blob([readFileSync(path)]);
}

/** The template built from exactly these migrations, or null when none is cached. */
export function readExactTemplate(cacheDir: string = templateCacheDir()): Blob | null {
  const path = templatePathOf(templateFingerprint(), cacheDir);
  return existsSync(path) ? blobOf(path) : null;
}

/**
 * A template for a fresh data directory: the exact one, else the newest built by the same PGlite for
 * other (older) migrations, which the migrator then completes; null when there is none.
 */
export function readUsableTemplate(cacheDir: string = templateCacheDir()): Blob | null {
  const exact = readExactTemplate(cacheDir);
  if (exact || !existsSync(cacheDir)) return exact;
  const samePglite = `${PREFIX}${pgliteVersion()}-`;
  const candidates = readdirSync(cacheDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.startsWith(samePglite) && entry.name.endsWith('.tar'))
    .map((entry) => join(cacheDir, entry.name));
  const newest = candidates.map((path) => ({ path, at: statSync(path).mtimeMs })).sort((a, b) => b.at - a.at)[0];
  return newest ? blobOf(newest.path) : null;
}

/** Runs initdb and every migration in memory and returns the cluster as an uncompressed tarball. */
export async function buildTemplateBlob(migrationsDir: string = MIGRATIONS_DIR): Promise<Blob> {
  // Imported here: a start that finds its template never loads the migrator.
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const client = await PGlite.create();
  try {
    await migrate(drizzle({ client }), { migrationsFolder: migrationsDir });
    // A checkpoint, so the tarball holds the data files themselves rather than a WAL to replay.
    await client.query('checkpoint');
    return (await client.dumpDataDir('none')) as Blob;
  } finally {
    await client.close();
  }
}

/**
 * The exact template, built and cached when missing. Concurrent builders (test workers, two starts) each
 * write a temporary file and rename it into place, so a reader never sees half a tarball.
 */
export async function ensureTemplate(cacheDir: string = templateCacheDir()): Promise<{ blob: Blob; built: boolean }> {
  const cached = readExactTemplate(cacheDir);
  if (cached) return { blob: cached, built: false };
  const blob = await buildTemplateBlob();
  writeTemplate(cacheDir, Buffer.from(await blob.arrayBuffer()));
  return { blob, built: true };
}

function writeTemplate(cacheDir: string, bytes: Buffer): void {
  const path = templatePathOf(templateFingerprint(), cacheDir);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    // A read-only install still works, it only starts slower: the cache is an optimisation.
    rmSync(`${path}.${process.pid}.tmp`, { force: true });
    if (!['EACCES', 'EPERM', 'EROFS', 'ENOSPC'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
}
