import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from './database';
import { lockPathOf } from './lock';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const HELPER = resolve(import.meta.dirname, '..', 'test', 'hold-data-dir.ts');
const children: ChildProcess[] = [];
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ptrack-lock-'));
  dirs.push(dir);
  return dir;
}

/** Starts the helper process and resolves with its first line of output and the process. */
function hold(
  dataDir: string,
  count = 0,
): Promise<{
  line: { opened: boolean; pid?: number; code?: string; message?: string };
  child: ChildProcess;
  exit: Promise<number | null>;
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', HELPER, dataDir, String(count)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) done({ line: JSON.parse(out.slice(0, nl)), child, exit });
    });
    child.on('exit', (code) => {
      if (!out.includes('\n')) fail(new Error(`helper exited ${code} without a report: ${err}`));
    });
  });
}

async function partnerNames(dataDir: string): Promise<string[]> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const rows = await queryRows<{ name: string }>(database.db, sql`select name from partners order by name`);
    return rows.map((r) => r.name);
  } finally {
    await database.close();
  }
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('one process owns a PGlite data directory', () => {
  it('refuses a second process, naming the owner, and loses none of the owner’s writes', async () => {
    const dataDir = tempDir();
    const owner = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await owner.db.execute(sql`insert into partners (name) values ('Before the intruder')`);
      const second = await hold(dataDir, 5);
      expect(second.line.opened).toBe(false);
      expect(second.line.code).toBe('DATA_DIR_LOCKED');
      expect(second.line.message).toContain(`process ${process.pid}`);
      expect(await second.exit).toBe(1);
      await owner.db.execute(sql`insert into partners (name) values ('After the intruder')`);
    } finally {
      await owner.close();
    }
    expect(await partnerNames(dataDir)).toEqual(['After the intruder', 'Before the intruder']);
  });

  it('still refuses a second process, and this one, when the lock file was deleted', async () => {
    const dataDir = tempDir();
    const owner = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await owner.db.execute(sql`insert into partners (name) values ('Owner kept')`);
      rmSync(lockPathOf(dataDir));
      const second = await hold(dataDir, 5);
      expect(second.line).toMatchObject({ opened: false, code: 'DATA_DIR_LOCKED' });
      expect(second.line.message).toContain('the operating system holds its lock');
      expect(await second.exit).toBe(1);
      rmSync(lockPathOf(dataDir), { force: true });
      await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' });
      // A refused opener leaves no lock file of its own behind.
      expect(existsSync(lockPathOf(dataDir))).toBe(false);
      await owner.db.execute(sql`insert into partners (name) values ('Owner still writing')`);
    } finally {
      await owner.close();
    }
    // Once the owner is gone the kernel has let go: the directory opens again, with every write.
    expect(await partnerNames(dataDir)).toEqual(['Owner kept', 'Owner still writing']);
  });

  it('refuses this process while another process holds the directory', async () => {
    const dataDir = tempDir();
    const holder = await hold(dataDir, 1);
    expect(holder.line.opened).toBe(true);
    await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toMatchObject({
      code: 'DATA_DIR_LOCKED',
      message: expect.stringContaining(`process ${holder.line.pid}`),
    });
  });

  it('recovers the lock of a killed owner and keeps its committed writes', async () => {
    const dataDir = tempDir();
    const holder = await hold(dataDir, 3);
    expect(holder.line.opened).toBe(true);
    holder.child.kill('SIGKILL');
    await holder.exit;
    const names = await partnerNames(dataDir);
    expect(names).toHaveLength(3);
    expect(names.every((n) => n.startsWith(`Held ${holder.line.pid} `))).toBe(true);
  });
});
