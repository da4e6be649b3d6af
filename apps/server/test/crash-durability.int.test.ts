import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The embedded mode's promise (PRODUCT.md, Storage): a write the API acknowledged survives the process
// being killed, and a transaction is never half there. PGlite-specific, so it runs the real server.
const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const MAIN = resolve(ROOT, 'apps', 'server', 'src', 'main.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'ptrack-crash-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

async function startServer(): Promise<{ child: ChildProcess; base: string; exit: Promise<number | null> }> {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PTRACK_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${output}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return { child, base, exit };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${output}`);
}

async function createPartner(base: string, i: number): Promise<string | null> {
  const name = `Crash Partner ${String(i).padStart(4, '0')}`;
  try {
    const res = await fetch(`${base}/api/partners`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name,
        introMechanism: 'Reps bring us in',
        namedAccounts: [`Acct ${i} A`, `Acct ${i} B`, `Acct ${i} C`],
      }),
    });
    return res.status === 201 ? name : null;
  } catch {
    return null; // the process died mid-request: not acknowledged
  }
}

describe('a server killed during a stream of writes', () => {
  it('keeps every acknowledged write and no partial transaction after a restart', async () => {
    const first = await startServer();
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const name = await createPartner(first.base, next++);
        if (name) acknowledged.push(name);
        if (acknowledged.length >= 60 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    await first.exit;
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);

    const second = await startServer();
    const res = await fetch(`${second.base}/api/partners?limit=500&sort=name`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as { items: { id: string; name: string }[] };
    const present = new Set(list.items.map((p) => p.name));
    for (const name of acknowledged) expect(present.has(name), `${name} was acknowledged`).toBe(true);
    // Each create is one transaction: a partner that exists has all three named accounts and its history.
    for (const partner of list.items) {
      const detail = (await (await fetch(`${second.base}/api/partners/${partner.id}`)).json()) as { namedAccounts: unknown[] };
      expect(detail.namedAccounts, partner.name).toHaveLength(3);
      const history = (await (await fetch(`${second.base}/api/partners/${partner.id}/history`)).json()) as {
        items: { operation: string; entityType: string }[];
      };
      expect(history.items.some((h) => h.entityType === 'partner' && h.operation === 'create')).toBe(true);
    }
    const accounts = (await (await fetch(`${second.base}/api/accounts?limit=500`)).json()) as { items: unknown[] };
    expect(accounts.items).toHaveLength(3 * list.items.length);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  });
});
