import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '@ptrack/storage';
import { testStorageKind } from '@ptrack/storage/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer } from './child-server';
import { ADMIN } from './support';

// File modes (issue 12, "Hardening"): the data directory is 0700 and everything in it 0600 — PGlite's
// files, the lock, the key file, automatic backups — and so is a `ptrack backup` file.
const PTRACK = resolve(import.meta.dirname, '..', '..', 'cli', 'bin', 'ptrack.js');

/** Every path under `dir` (itself included) whose mode lets anyone but the owner in. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) found.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  visit(dir);
  return found;
}

function runPtrack(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [PTRACK, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

describe.runIf(testStorageKind() === 'pglite')('file modes of the data directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'ptrack-modes-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  it('creates a fresh data directory, its key file and backups for the owner only', async () => {
    const dataDir = join(root, 'fresh');
    const server = await startChildServer(dataDir, children);
    const setup = await fetch(`${server.base}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(setup.status).toBe(201);
    const cookie = setup.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const csrf = { 'x-ptrack-csrf': '1', 'content-type': 'application/json', cookie };
    const settings = (await (await fetch(`${server.base}/api/digests/settings`, { headers: { cookie } })).json()) as {
      version: number;
    };
    // A secret written creates the key file.
    const put = await fetch(`${server.base}/api/digests/settings`, {
      method: 'PUT',
      headers: csrf,
      body: JSON.stringify({ version: settings.version, smtpPassword: 'a-password-of-some-length' }),
    });
    expect(put.status).toBe(200);
    const queued = (await (
      await fetch(`${server.base}/api/jobs/backup/run`, { method: 'POST', headers: csrf, body: '{}' })
    ).json()) as {
      id: string;
    };
    const deadline = Date.now() + 60_000;
    for (;;) {
      const runs = (await (await fetch(`${server.base}/api/jobs/runs?job=backup`, { headers: { cookie } })).json()) as {
        items: { id: string; status: string; error: string | null }[];
      };
      const run = runs.items.find((r) => r.id === queued.id);
      if (run?.status === 'failed') throw new Error(run.error ?? 'backup failed');
      if (run?.status === 'succeeded') break;
      if (Date.now() > deadline) throw new Error('the backup did not finish');
      await new Promise((done) => setTimeout(done, 200));
    }
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);

    // The CLI opens the directory itself and writes a backup file.
    const env: NodeJS.ProcessEnv = { ...process.env, PTRACK_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const backupFile = join(root, 'manual.jsonl');
    const backup = await runPtrack(['backup', backupFile], env);
    expect(backup.code, backup.output).toBe(0);

    const names = readdirSync(dataDir);
    expect(names).toEqual(expect.arrayContaining(['pgdata', 'secret.key', 'backups']));
    expect(readdirSync(join(dataDir, 'backups')).length).toBeGreaterThan(0);
    expect(openToOthers(dataDir)).toEqual([]);
    expect(lstatSync(backupFile).mode & 0o777).toBe(0o600);
  });

  it('tightens a data directory an older version left readable when it opens it', async () => {
    const dataDir = join(root, 'older');
    const first = await openDatabase({ kind: 'pglite', dataDir });
    await first.close();
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    writeFileSync(join(dataDir, 'backups', 'auto-old.jsonl'), '{}\n');
    const loosen = (path: string) => {
      const stat = lstatSync(path);
      chmodSync(path, stat.isDirectory() ? 0o777 : 0o666);
      if (stat.isDirectory()) for (const entry of readdirSync(path)) loosen(join(path, entry));
    };
    loosen(dataDir);
    expect(openToOthers(dataDir).length).toBeGreaterThan(10);

    const again = await openDatabase({ kind: 'pglite', dataDir });
    await again.close();
    expect(openToOthers(dataDir)).toEqual([]);
  });
});
