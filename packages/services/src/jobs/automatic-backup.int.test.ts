import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../backup/restore-backup';
import { createContext, type ServiceContext, systemActor } from '../context';
import { createPartner } from '../partners/create-partner';
import { getPartner } from '../partners/get-partner';
import { listPartners } from '../partners/list-partners';
import { createRep } from '../reps/save-rep';
import { logTouch } from '../touches/log-touch';
import { automaticBackupJob, automaticBackupName, backupDirOf, writeAutomaticBackup } from './automatic-backup';

const opened: Database[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function fresh(): Promise<Database> {
  const database = await openTestDatabase();
  opened.push(database);
  return database;
}
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ptrack-autobackup-'));
  dirs.push(dir);
  return dir;
}
const contextAt = (database: Database, at: Date): ServiceContext =>
  createContext(database, systemActor('job backup', 'system'), () => at);
const day = (n: number) => new Date(Date.UTC(2026, 1, n, 2, 30));

describe('the automatic backup', () => {
  it('restores with the ordinary restore into a fresh workspace, giving the same data', async () => {
    const source = await fresh();
    const ctx = contextAt(source, day(4));
    const acme = await createPartner(ctx, { name: 'Acme Analytics', type: 'Tech Vendor', notes: 'line one\nline "two"' });
    const rep = await createRep(ctx, { partnerId: acme.id, name: 'Jane Doe', engagementTier: 1, qualityScore: 9 });
    await logTouch(ctx, { repId: rep.id, kind: 'call', direction: 'outbound', occurredAt: '2026-02-03T16:00:00Z' });

    const dir = tempDir();
    const result = await writeAutomaticBackup(ctx, { dir });
    const file = join(dir, automaticBackupName(day(4)));
    expect(result.summary).toBe(file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    // Header and end line around one line per row.
    expect(result.counts).toMatchObject({ rows: lines.length - 2, kept: 1, deleted: 0 });
    expect(result.counts.bytes).toBe(readFileSync(file).length);

    const target = await fresh();
    const restoring = contextAt(target, day(5));
    async function* linesOf() {
      for (const line of lines) yield line;
    }
    await restoreBackup(restoring, linesOf());
    const query = { limit: 50 } as Parameters<typeof listPartners>[1];
    expect(await listPartners(restoring, query)).toEqual(await listPartners(contextAt(source, day(5)), query));
    expect(await getPartner(restoring, acme.id)).toEqual(await getPartner(contextAt(source, day(5)), acme.id));
  });

  it('keeps the last 7 automatic backups and never deletes anything else in the folder', async () => {
    const database = await fresh();
    await createPartner(contextAt(database, day(1)), { name: 'Beta Agency' });
    const dir = tempDir();
    writeFileSync(join(dir, 'before-upgrade.jsonl'), 'a manual backup');
    writeFileSync(join(dir, 'auto-notes.txt'), 'not a backup');
    for (let n = 1; n <= 9; n++) {
      const result = await writeAutomaticBackup(contextAt(database, day(n)), { dir });
      expect(result.counts).toMatchObject({ kept: Math.min(n, 7), deleted: n > 7 ? 1 : 0 });
    }
    const expected = [3, 4, 5, 6, 7, 8, 9].map((n) => automaticBackupName(day(n)));
    expect(readdirSync(dir).sort()).toEqual([...expected, 'auto-notes.txt', 'before-upgrade.jsonl'].sort());
    expect(readFileSync(join(dir, 'before-upgrade.jsonl'), 'utf8')).toBe('a manual backup');
  });

  it('runs on the embedded database only: PostgreSQL and in-memory databases say why not', async () => {
    const database = await fresh();
    const note = automaticBackupJob.unavailable?.(database);
    if (database.kind === 'postgres') expect(note).toMatch(/pg_dump/);
    else expect(note).toMatch(/in-memory/);
    expect(backupDirOf(database)).toBeNull();
    const onDisk = { ...database, kind: 'pglite' as const, location: '/srv/ptrack/data' };
    expect(backupDirOf(onDisk)).toBe('/srv/ptrack/data/backups');
    expect(automaticBackupJob.unavailable?.(onDisk)).toBeNull();
  });
});
