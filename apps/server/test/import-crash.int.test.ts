import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer } from './child-server';

// Issue 5: "an interrupted import (SIGKILL) leaves no partial batch and re-running it completes it".
// PGlite-specific (the embedded mode's durability), so it runs the real server as a child process.
const dataDir = mkdtempSync(join(tmpdir(), 'ptrack-import-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const ROWS = 6000;
const BATCH = 500; // IMPORT_BATCH_SIZE
const sheet = () => {
  const lines = ['Partner Company,Partner Type,Accounts Named,Next Action Date,Next Action Type,Next Action Rep'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `Killed Import ${String(i).padStart(5, '0')},Agency,"Acct ${i % 50} A, Acct ${i % 50} B",2026-03-01,Follow-up,Rep ${i}`,
    );
  }
  return `${lines.join('\n')}\n`;
};

type Json = Record<string, unknown> & { id: string; appliedRows: number; status: string; totalRows: number };

describe('an import killed part-way', () => {
  it('leaves whole batches only, and applying it again completes it without doubling anything', async () => {
    const first = await startChildServer(dataDir, children);
    const created = (await (
      await first.fetch(`${first.base}/api/imports?fileName=big.csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: sheet(),
      })
    ).json()) as Json;
    expect(created.totalRows).toBe(ROWS);
    const applying = first.fetch(`${first.base}/api/imports/${created.id}/apply`, { method: 'POST' }).catch(() => null);
    // Kill the server once some batches have committed and before the last.
    for (;;) {
      const progress = (await (await first.fetch(`${first.base}/api/imports/${created.id}`)).json()) as Json;
      if (progress.appliedRows >= 2 * BATCH) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill('SIGKILL');
    await first.exit;
    expect(await applying).toBeNull(); // the apply never answered

    const second = await startChildServer(dataDir, children);
    const after = (await (await second.fetch(`${second.base}/api/imports/${created.id}`)).json()) as Json;
    expect(after.status).toBe('applying');
    expect(after.appliedRows).toBeGreaterThan(0);
    expect(after.appliedRows).toBeLessThan(ROWS);
    expect(after.appliedRows % BATCH).toBe(0);
    const count = async (q: string) =>
      ((await (await second.fetch(`${second.base}/api/partners?limit=1&q=${encodeURIComponent(q)}`)).json()) as { total: number })
        .total;
    // Exactly the committed batches are there: every partner of them, none of the next.
    expect(await count('Killed Import')).toBe(after.appliedRows);

    const done = (await (
      await second.fetch(`${second.base}/api/imports/${created.id}/apply`, { method: 'POST' })
    ).json()) as Json;
    expect(done).toMatchObject({ status: 'applied', appliedRows: ROWS });
    expect(done.summary).toMatchObject({ rows: ROWS, create: ROWS, error: 0 });
    expect(await count('Killed Import')).toBe(ROWS);
    // One next action (overdue by now) and one new rep per row: no batch applied twice.
    const dashboard = (await (await second.fetch(`${second.base}/api/dashboard`)).json()) as {
      overdueActions: number;
      repCount: number;
    };
    expect(dashboard).toMatchObject({ overdueActions: ROWS, repCount: ROWS });
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  });
});
