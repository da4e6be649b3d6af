import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '@ptrack/domain';
import { startServer } from '@ptrack/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, localCliAuth, ptrack, tempDir } from './support';

// biome-ignore lint/suspicious/noExplicitAny: API bodies are untyped JSON, checked by the assertions
type Json = any;

describe('ptrack demo (the real binary)', () => {
  const dir = tempDir('demo');
  afterAll(() => dir.remove());

  it('fills an empty workspace, and `today` then has something to do', async () => {
    const out = expectOk(await ptrack(dir.path, ['demo', '--seed', '7']));
    expect(out).toMatch(/^Demo workspace created: \d+ partners, \d+ reps/);
    expect(out).toContain('Try: ptrack today');
    const today = JSON.parse(expectOk(await ptrack(dir.path, ['today', '--json'])));
    expect(today.items.length).toBeGreaterThan(0);
    expect(today.overdue + today.dueToday).toBeGreaterThan(0);
    // The demo's ids are created in bulk: the short ids `today` prints must still tell actions apart.
    const listed = expectOk(await ptrack(dir.path, ['today']));
    const shortIds = [...listed.matchAll(/\[([0-9a-f]{8})\]/g)].map((m) => m[1]!);
    expect(shortIds.length).toBe(today.items.length);
    expect(new Set(shortIds).size).toBe(shortIds.length);
    expect(expectOk(await ptrack(dir.path, ['done', shortIds[0]!]))).toMatch(/Done/i);
  });
});

describe('ptrack backup and restore (the real binary)', () => {
  const source = tempDir('source');
  const target = tempDir('restored');
  const files = tempDir('files');
  const backup = join(files.path, 'workspace.ndjson');
  afterAll(() => {
    for (const dir of [source, target, files]) dir.remove();
  });

  // A server seeds the source and answers `ptrack backup` over HTTP (the streamed download); the
  // restore runs in-process on a fresh directory (the streamed upload).
  beforeAll(async () => {
    const server = await startServer({ database: { kind: 'pglite', dataDir: source.path }, port: 0 });
    try {
      const post = async (path: string, body: unknown): Promise<Json> => {
        const res = await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...localCliAuth(source.path) },
          body: JSON.stringify(body),
        });
        expect(res.status).toBeLessThan(300);
        return res.json();
      };
      const today = ((await (await fetch(`${server.url}/api/today`, { headers: localCliAuth(source.path) })).json()) as Json)
        .today as string;
      for (const [i, name] of ['Northwind Cloud', 'Contoso Partners', 'Fabrikam Labs'].entries()) {
        const partner = await post('/api/partners', { name, type: 'Tech Vendor', icpMatch: 'yes' });
        const rep = await post('/api/reps', { partnerId: partner.id, name: `Rep ${i + 1}`, engagementTier: i + 1 });
        await post('/api/touches', { repId: rep.id, kind: 'call', occurredAt: new Date().toISOString() });
        await post('/api/actions', { partnerId: partner.id, dueDate: addDays(today, -i), type: 'Intro Request' });
      }
      expectOk(await ptrack(source.path, ['backup', backup]));
    } finally {
      await server.close();
    }
  });

  it('`backup` writes one complete file and leaves no temporary beside it', () => {
    expect(readdirSync(files.path)).toEqual(['workspace.ndjson']);
    expect(JSON.parse(readFileSync(backup, 'utf8').split('\n')[0]!)).toMatchObject({ format: 'ptrack-backup' });
  });

  it('`restore` into a fresh data directory gives the same partner list', async () => {
    const restored = JSON.parse(expectOk(await ptrack(target.path, ['restore', backup, '--json'])));
    expect(restored.tables.partners).toBe(3);

    const partners = async (dir: string) =>
      JSON.parse(expectOk(await ptrack(dir, ['partners', '--sort', 'name', '--json']))).items.map((p: Json) => ({
        id: p.id,
        name: p.name,
        totalReps: p.totalReps,
        nextActionDate: p.nextActionDate,
        lastEngagementDate: p.lastEngagementDate,
      }));
    const [before, after] = await Promise.all([partners(source.path), partners(target.path)]);
    expect(after.map((p: Json) => p.name)).toEqual(['Contoso Partners', 'Fabrikam Labs', 'Northwind Cloud']);
    expect(after).toEqual(before);
  });

  it('`restore` refuses a workspace that is not empty, and a missing file, with one line', async () => {
    expectFailure(await ptrack(target.path, ['restore', backup]), 1);
    const missing = expectFailure(await ptrack(target.path, ['restore', join(files.path, 'nope.ndjson')]), 1);
    expect(missing).toContain('cannot read');
    expect(existsSync(join(files.path, 'nope.ndjson'))).toBe(false);
  });
});
