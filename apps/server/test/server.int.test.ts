import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lockPathOf } from '@ptrack/storage';
import { openTestDatabase, testStorageKind } from '@ptrack/storage/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { startServer } from '../src/server';
import { ADMIN, cookieOf } from './support';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const MAIN = resolve(ROOT, 'apps', 'server', 'src', 'main.ts');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ptrack-server-'));
  dirs.push(dir);
  return dir;
}

function runMain(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete childEnv.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('starting and stopping the server', () => {
  it('hides the details of an unexpected error behind a generic 500 problem and logs them', async () => {
    const database = await openTestDatabase();
    const logged: string[] = [];
    const app = await buildApp({ database, logger: { level: 'error', stream: { write: (line: string) => logged.push(line) } } });
    const cookie = cookieOf(await app.inject({ method: 'POST', url: '/api/setup', payload: ADMIN }));
    await database.close(); // every query now fails inside the storage driver
    const res = await app.inject({ method: 'GET', url: '/api/settings', headers: { cookie } });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      status: 500,
      code: 'INTERNAL',
      detail: 'An unexpected error occurred; it has been logged.',
      errors: [],
    });
    expect(res.body).not.toMatch(/pglite|pool|closed|stack|at /i);
    expect(logged.join('')).toMatch(/request failed/);
    expect(logged.join('')).toMatch(/\/api\/settings/);
    await app.close();
  });

  it.runIf(testStorageKind() === 'pglite')(
    'holds the data directory lock while serving, records its URL there, and releases it on close',
    async () => {
      const dataDir = tempDir();
      const server = await startServer({ database: { kind: 'pglite', dataDir }, port: 0 });
      try {
        expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const health = await fetch(`${server.url}/api/health`).then((r) => r.json());
        expect(health).toMatchObject({ status: 'ok', storage: { kind: 'pglite', location: dataDir } });
        const lock = JSON.parse(readFileSync(lockPathOf(dataDir), 'utf8'));
        expect(lock).toMatchObject({ pid: process.pid, url: server.url });
        await expect(startServer({ database: { kind: 'pglite', dataDir }, port: 0 })).rejects.toMatchObject({
          code: 'DATA_DIR_LOCKED',
        });
      } finally {
        await server.close();
      }
      expect(() => readFileSync(lockPathOf(dataDir))).toThrow();
    },
  );

  it('refuses to bind beyond this machine', async () => {
    const database = await openTestDatabase();
    try {
      await expect(startServer({ database, host: '0.0.0.0', port: 0 })).rejects.toThrow(/authentication/);
    } finally {
      await database.close();
    }
  });

  it('exits with code 2 and one plain line for a bad environment value', async () => {
    const result = await runMain({ HOST: '0.0.0.0', PTRACK_DATA_DIR: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^HOST=0\.0\.0\.0 .*needs authentication/);
  });

  it.runIf(testStorageKind() === 'pglite')(
    'exits with code 1 naming the owning process when the data directory is locked',
    async () => {
      const dataDir = tempDir();
      const server = await startServer({ database: { kind: 'pglite', dataDir }, port: 0 });
      try {
        const result = await runMain({ PTRACK_DATA_DIR: dataDir, PORT: '0' });
        expect(result.code).toBe(1);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toContain(`in use by process ${process.pid}`);
        expect(result.stderr).toContain(server.url);
      } finally {
        await server.close();
      }
    },
  );
});
