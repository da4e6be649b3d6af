import { addDays } from '@ptrack/domain';
import { type RunningServer, startServer } from '@ptrack/server';
import { localCliActor } from '@ptrack/services';
import { openDatabase } from '@ptrack/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, localCliAuth, onDay, ptrack, tempDir } from './support';

// biome-ignore lint/suspicious/noExplicitAny: API bodies are untyped JSON, checked by the assertions
type Json = any;

// One data directory for the whole file: each binary start costs a PGlite start, so the steps build on
// each other (a server seeds it and answers the CLI over HTTP, then the CLI opens it itself).
describe('ptrack, the real binary', () => {
  const dir = tempDir('main');
  let today = '';
  let acme: Json;
  let beta: Json;
  let jane: Json;
  let bob: Json;
  let rita: Json;
  let ritaResearch: Json;

  afterAll(() => dir.remove());

  it('says nothing is due on an empty workspace, and --json prints the API response', async () => {
    const out = expectOk(await ptrack(dir.path, ['today']));
    expect(out).toContain('Nothing due today. Nothing scheduled for the next 7 days.');
    expect(out).not.toContain('\u001b['); // not a TTY: no colour

    const json = JSON.parse(expectOk(await ptrack(dir.path, ['today', '--json'])));
    expect(json).toMatchObject({ overdue: 0, dueToday: 0, items: [], upcoming: [] });
    today = json.today;
  });

  describe('while a server owns the data directory', () => {
    let server: RunningServer;
    const api = async (method: string, path: string, body?: unknown): Promise<Json> => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { ...localCliAuth(dir.path), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      const json = text ? JSON.parse(text) : undefined;
      expect(res.status, text).toBeLessThan(300);
      return json;
    };

    beforeAll(async () => {
      server = await startServer({ database: { kind: 'pglite', dataDir: dir.path }, port: 0 });
      acme = await api('POST', '/api/partners', { name: 'Acme Analytics', type: 'Tech Vendor', programStatus: 'Active' });
      beta = await api('POST', '/api/partners', { name: 'Beta Agency', type: 'Agency' });
      jane = await api('POST', '/api/reps', { partnerId: acme.id, name: 'Jane Doe', engagementTier: 1, qualityScore: 9 });
      bob = await api('POST', '/api/reps', { partnerId: acme.id, name: 'Bob Stale', engagementTier: 3 });
      rita = await api('POST', '/api/reps', { partnerId: beta.id, name: 'Rita Ray', engagementTier: 2 });
      // These steps check cadence arithmetic on whatever day they run: every day is a working day here, and
      // the first follow-ups planned for the tiered reps give way to the actions below.
      const settings = await api('GET', '/api/settings');
      await api('PATCH', '/api/settings', { version: settings.version, workingDays: [0, 1, 2, 3, 4, 5, 6] });
      for (const rep of [jane, bob, rita]) {
        const planned = await api('GET', `/api/actions?repId=${rep.id}&status=open`);
        for (const action of planned.items) await api('DELETE', `/api/actions/${action.id}`);
      }
      await api('POST', '/api/actions', {
        repId: jane.id,
        dueDate: addDays(today, -3),
        type: 'Follow-up',
        notes: 'send the account list',
      });
      ritaResearch = await api('POST', '/api/actions', { repId: rita.id, dueDate: today, type: 'Account Research' });
    });
    afterAll(() => server?.close());

    it('`today` asks the server over HTTP instead of failing on the lock: overdue, then due today, by partner', async () => {
      const out = expectOk(await ptrack(dir.path, ['today']));
      const lines = out.split('\n');
      const at = (text: string) => lines.findIndex((l) => l.includes(text));
      expect(at('Overdue (1)')).toBeGreaterThan(-1);
      expect(at('Acme Analytics')).toBe(at('Overdue (1)') + 1);
      expect(lines[at('Acme Analytics') + 1]).toMatch(
        new RegExp(`^ {4}${addDays(today, -3)} Follow-up — Jane Doe \\(T1 ★\\) — send the account list · 3 days overdue`),
      );
      expect(at('Due today (1)')).toBeGreaterThan(at('Acme Analytics'));
      expect(lines[at('Beta Agency') + 1]).toMatch(/^ {4}today Account Research — Rita Ray \(T2\)/);
    });

    it('`log` through the server completes the follow-up, schedules the next at the tier cadence and names the actor', async () => {
      const out = expectOk(
        await ptrack(dir.path, ['log', 'acme', '--rep', 'jane', '--kind', 'call', '--note', 'Walked the list']),
      );
      expect(out).toContain(`Logged call with Jane Doe (Acme Analytics). Next: Follow-up on ${onDay(today, 7)}`);
      expect(out).toContain(`Completed: Follow-up — Jane Doe (Acme Analytics), due ${addDays(today, -3)}`);
      const history = await api('GET', `/api/partners/${acme.id}/history`);
      // The server's local-CLI token acts as this machine's user, the local admin.
      expect(history.items.some((h: Json) => h.entityType === 'touch' && h.actor === localCliActor().name)).toBe(true);
    });
  });

  describe('with no server running (the CLI opens the database itself)', () => {
    it('`log --at` a past day schedules the next at that day + the rep cadence (Tier 3: 30 days)', async () => {
      const out = expectOk(
        await ptrack(dir.path, ['log', 'Acme Analytics', '--rep', 'Bob', '--kind', 'meeting', '--at', addDays(today, -2)]),
      );
      expect(out).toContain(`Logged meeting with Bob Stale (Acme Analytics). Next: Follow-up on ${onDay(today, 28)}`);
    });

    it('`log --json` prints the API response', async () => {
      const run = await ptrack(dir.path, [
        'log',
        'beta',
        '--rep',
        'Rita Ray',
        '--kind',
        'email',
        '--direction',
        'inbound',
        '--json',
      ]);
      const logged = JSON.parse(expectOk(run));
      expect(logged.touch).toMatchObject({ partnerId: beta.id, repId: rita.id, kind: 'email', direction: 'inbound' });
      expect(logged.next).toMatchObject({ dueDate: addDays(today, 14), type: 'Follow-up', status: 'open' });
    });

    it('`done` by the short id `today` shows completes the action and prints the next', async () => {
      const listed = expectOk(await ptrack(dir.path, ['today']));
      const shortId = ritaResearch.id.replaceAll('-', '').slice(-8);
      expect(listed).toContain(`[${shortId}]`);
      const out = expectOk(await ptrack(dir.path, ['done', shortId]));
      expect(out).toContain(
        `Done: Account Research — Rita Ray (Beta Agency), due ${today}. Next: Follow-up on ${onDay(today, 14)}`,
      );
    });

    it("`done <partner> --rep` completes that rep's earliest open action", async () => {
      const result = JSON.parse(expectOk(await ptrack(dir.path, ['done', 'acme', '--rep', 'jane', '--json'])));
      expect(result.action).toMatchObject({ repId: jane.id, status: 'done', dueDate: addDays(today, 7) });
      expect(result.next).toMatchObject({ repId: jane.id, status: 'open', dueDate: addDays(today, 7) });
    });

    it('`snooze` moves the date, and `partner` shows it', async () => {
      const out = expectOk(await ptrack(dir.path, ['snooze', 'Acme', '--rep', 'Bob', '--days', '3']));
      expect(out).toContain(`Snoozed Follow-up — Bob Stale (Acme Analytics), due ${addDays(today, 28)} → ${onDay(today, 3)}.`);

      const detail = JSON.parse(expectOk(await ptrack(dir.path, ['partner', 'acme analytics', '--json'])));
      expect(detail.reps.find((r: Json) => r.id === bob.id).nextAction.dueDate).toBe(addDays(today, 3));
      const text = expectOk(await ptrack(dir.path, ['partner', 'Acme']));
      expect(text).toMatch(/Qualification: Incomplete/);
      expect(text).toContain('Jane Doe');
      expect(text).toContain(`Next action: Follow-up on ${onDay(today, 3)} with Bob Stale`);
    });

    it('`partners` lists every partner; a command started meanwhile waits for the lock instead of failing', async () => {
      const [table, today] = await Promise.all([ptrack(dir.path, ['partners']), ptrack(dir.path, ['today'])]);
      expectOk(today);
      const out = expectOk(table);
      expect(out).toMatch(/Acme Analytics +Tech Vendor +Active +1\/0\/1\/0 ★1/);
      expect(out).toContain('Beta Agency');
      const list = JSON.parse(expectOk(await ptrack(dir.path, ['partners', '--search', 'beta', '--json'])));
      expect(list.items.map((p: Json) => p.name)).toEqual(['Beta Agency']);
    });

    it('fails with one line and a distinct exit code', async () => {
      expect(expectFailure(await ptrack(dir.path, ['partner', 'No Such Co']), 3)).toBe('ptrack: no partner named "No Such Co"');
      expect(expectFailure(await ptrack(dir.path, ['log', 'acme', '--kind', 'telepathy']), 2)).toContain('--kind');
      // Refused by the API (in this process): the line names the option, exit 1.
      const future = await ptrack(dir.path, ['log', 'acme', '--rep', 'jane', '--kind', 'call', '--at', addDays(today, 30)]);
      expect(expectFailure(future, 1)).toMatch(/--at.*future/);
      const done = await ptrack(dir.path, ['done', ritaResearch.id]);
      expect(expectFailure(done, 1)).toMatch(/^ptrack: /);
    });

    it('refuses with exit 4 when another process keeps the data directory without serving it', async () => {
      const holder = await openDatabase({ kind: 'pglite', dataDir: dir.path, migrate: false });
      try {
        const line = expectFailure(await ptrack(dir.path, ['today']), 4);
        expect(line).toContain(`in use by process ${process.pid}`);
      } finally {
        await holder.close();
      }
    });
  });
});
