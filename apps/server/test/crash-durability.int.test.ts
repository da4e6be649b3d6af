import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChildServer, startChildServer } from './child-server';

// The embedded mode's promise (docs/RULES.md, Storage): a write the API acknowledged survives the process
// being killed, and a transaction is never half there. PGlite-specific, so it runs the real server.
const dataDir = mkdtempSync(join(tmpdir(), 'ptrack-crash-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const startServer = () => startChildServer(dataDir, children);

async function createPartner(server: ChildServer, i: number): Promise<string | null> {
  const name = `Crash Partner ${String(i).padStart(4, '0')}`;
  try {
    const res = await server.fetch(`${server.base}/api/partners`, {
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
        const name = await createPartner(first, next++);
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
    const res = await second.fetch(`${second.base}/api/partners?limit=500&sort=name`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as { items: { id: string; name: string }[] };
    const present = new Set(list.items.map((p) => p.name));
    for (const name of acknowledged) expect(present.has(name), `${name} was acknowledged`).toBe(true);
    // Each create is one transaction: a partner that exists has all three named accounts and its history.
    for (const partner of list.items) {
      const detail = (await (await second.fetch(`${second.base}/api/partners/${partner.id}`)).json()) as {
        namedAccounts: unknown[];
      };
      expect(detail.namedAccounts, partner.name).toHaveLength(3);
      const history = (await (await second.fetch(`${second.base}/api/partners/${partner.id}/history`)).json()) as {
        items: { operation: string; entityType: string }[];
      };
      expect(history.items.some((h) => h.entityType === 'partner' && h.operation === 'create')).toBe(true);
    }
    const accounts = (await (await second.fetch(`${second.base}/api/accounts?limit=500`)).json()) as { items: unknown[] };
    expect(accounts.items).toHaveLength(3 * list.items.length);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  });
});
