import { mkdirSync } from 'node:fs';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '@ptrack/storage';
import { writeBackup } from '../backup/write-backup';
import type { ServiceContext } from '../context';
import type { JobDefinition, JobResult } from './job-definition';

/** Automatic backups are named `auto-<UTC instant>.jsonl`; anything else in the folder is never touched. */
const AUTO_NAME = /^auto-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.jsonl$/;
export const AUTOMATIC_BACKUPS_KEPT = 7;
// Lines are gathered into chunks of about this size before each write to the file.
const CHUNK_BYTES = 256 * 1024;

/** Where automatic backups of an embedded database go: `<data dir>/backups`, beside `pgdata`. */
export function backupDirOf(database: Database): string | null {
  if (database.kind !== 'pglite' || database.location === ':memory:') return null;
  return join(database.location, 'backups');
}

export function automaticBackupName(at: Date): string {
  return `auto-${at.toISOString().replaceAll(':', '-').replace('.', '-')}.jsonl`;
}

export type WriteAutomaticBackupOptions = { dir: string; keep?: number };

/**
 * Writes a backup (the `ptrack backup` format, restorable with `ptrack restore`) into `dir`, then
 * deletes the oldest automatic backups beyond `keep`. The file appears under its name only once it is
 * complete and on disk, so a crash never leaves a half backup that pruning would count.
 */
export async function writeAutomaticBackup(ctx: ServiceContext, options: WriteAutomaticBackupOptions): Promise<JobResult> {
  const keep = options.keep ?? AUTOMATIC_BACKUPS_KEPT;
  // A backup holds the whole workspace: owner-only, whatever the umask.
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const name = automaticBackupName(ctx.now());
  const path = join(options.dir, name);
  const partial = `${path}.partial`;
  const file = await open(partial, 'w', 0o600);
  let last = '';
  try {
    let chunk = '';
    await writeBackup(ctx, async (line) => {
      last = line;
      chunk += `${line}\n`;
      if (chunk.length >= CHUNK_BYTES) {
        await file.write(chunk);
        chunk = '';
      }
    });
    await file.write(chunk);
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(partial, { force: true });
    throw error;
  }
  await file.close();
  await rename(partial, path);

  const automatic = (await readdir(options.dir)).filter((f) => AUTO_NAME.test(f)).sort();
  const stale = automatic.slice(0, Math.max(0, automatic.length - keep));
  for (const old of stale) await rm(join(options.dir, old), { force: true });

  const trailer = JSON.parse(last) as { rows: Record<string, number> };
  const rows = Object.values(trailer.rows).reduce((a, b) => a + b, 0);
  return {
    counts: { rows, bytes: (await stat(path)).size, kept: automatic.length - stale.length, deleted: stale.length },
    summary: path,
  };
}

export const automaticBackupJob: JobDefinition = {
  name: 'backup',
  describe: `Backs up the embedded database every night into <data dir>/backups, keeping the last ${AUTOMATIC_BACKUPS_KEPT} (restore one with \`ptrack restore\`)`,
  // 02:30 in the workspace's time zone: after the working day, before anyone starts the next one.
  schedule: (settings) => ({ cron: '30 2 * * *', tz: settings.timeZone }),
  unavailable(database) {
    if (database.kind === 'postgres') {
      return 'On PostgreSQL, back up the database server with pg_dump; automatic backups cover the embedded database';
    }
    return backupDirOf(database) ? null : 'An in-memory database has no data directory to keep backups in';
  },
  async run(ctx) {
    const dir = backupDirOf(ctx.database);
    if (!dir) throw new Error('This database has no data directory to keep backups in');
    return writeAutomaticBackup(ctx, { dir });
  },
  // A laptop is rarely on at 02:30: the backup then runs when the server next runs.
  catchUp: true,
  retry: { limit: 2, delaySeconds: 300 },
};
