import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobDefinition } from '@ptrack/services';
import { openTestDatabase } from '@ptrack/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { type RunningServer, startServer } from '../src/server';
import { ADMIN, cookieOf, expectProblem, NOW, type Res } from './support';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are untyped JSON, checked by the assertions
type Json = any;

const tally: JobDefinition = {
  name: 'tally',
  describe: 'Counts the partners',
  schedule: (settings) => ({ cron: '0 7 * * 1', tz: settings.timeZone }),
  async run(ctx) {
    const res = await ctx.database.db.execute('select count(*)::int as n from partners');
    const n = Number((res as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
    return { counts: { partners: n }, summary: `${n} partners` };
  },
};
const broken: JobDefinition = {
  name: 'broken',
  describe: 'Always fails',
  schedule: () => null,
  retry: { limit: 0, delaySeconds: 1 },
  async run() {
    throw new Error('the Slack webhook answered 404');
  },
};

describe('the jobs API without a worker (app.inject, the CLI on a data directory)', () => {
  const close: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of close) await c();
  });

  async function api(definitions?: JobDefinition[]) {
    const database = await openTestDatabase();
    const app = await buildApp({ database, now: () => NOW, webRoot: null, ...(definitions ? { jobs: { definitions } } : {}) });
    close.push(async () => {
      await app.close();
      await database.close();
    });
    const cookie = cookieOf(await app.inject({ method: 'POST', url: '/api/setup', payload: ADMIN }));
    return async (method: 'GET' | 'POST', url: string): Promise<Res> => {
      const res = await app.inject({ method, url, headers: { cookie }, ...(method === 'POST' ? { payload: {} } : {}) });
      return { status: res.statusCode, body: res.json(), headers: res.headers };
    };
  }

  it('lists the built-in jobs; the backup is one an in-memory or PostgreSQL database cannot run', async () => {
    const call = await api();
    const res = await call('GET', '/api/jobs');
    expect(res.status).toBe(200);
    expect(res.body.worker).toBe(false);
    expect(res.body.items.map((j: Json) => j.name)).toEqual([
      'hubspot-sync',
      'digest',
      'backup',
      'database-maintenance',
      'upload-expiry',
    ]);
    // The digest is off until its schedule is set in the digest settings.
    expect(res.body.items[1]).toMatchObject({ name: 'digest', available: true, schedule: null, nextRunAt: null });
    const backup = res.body.items[2];
    expect(backup).toMatchObject({ name: 'backup', available: false, schedule: null, nextRunAt: null, lastRun: null });
    expect(backup.note).toMatch(/pg_dump|in-memory/);
    const run = await call('POST', '/api/jobs/backup/run');
    expectProblem(run, 409);
    expect(run.body.detail).toBe(backup.note);
  });

  it('runs a job in the request, records its counts or its error, and lists the runs', async () => {
    const call = await api([tally, broken]);
    const ok = await call('POST', '/api/jobs/tally/run');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({
      job: 'tally',
      trigger: 'manual',
      status: 'succeeded',
      attempt: 1,
      counts: { partners: 0 },
      summary: '0 partners',
      requestedBy: ADMIN.name,
      finishedAt: NOW.toISOString(),
    });
    const failed = await call('POST', '/api/jobs/broken/run');
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ status: 'failed', error: 'the Slack webhook answered 404' });

    const list = await call('GET', '/api/jobs');
    expect(list.body.items.map((j: Json) => [j.name, j.lastRun?.status, j.schedule])).toEqual([
      ['tally', 'succeeded', { cron: '0 7 * * 1', timeZone: expect.any(String) }],
      ['broken', 'failed', null],
    ]);
    const runs = await call('GET', '/api/jobs/runs?job=tally');
    expect(runs.body.items).toEqual([ok.body]);
    expect((await call('GET', '/api/jobs/runs?limit=1')).body.items).toHaveLength(1);
  });

  it('names the problem with an unknown job, a bad name or a bad limit', async () => {
    const call = await api([tally]);
    expectProblem(await call('POST', '/api/jobs/nope/run'), 404);
    expectProblem(await call('POST', '/api/jobs/No%20Such/run'), 400, 'params.name');
    expectProblem(await call('GET', '/api/jobs/runs?job=nope'), 400, 'query.job');
    expectProblem(await call('GET', '/api/jobs/runs?limit=0'), 400, 'query.limit');
  });
});

/** Polls the runs until the run settles: the worker works in its own time (a deadline, not a timing). */
async function settledRun(url: string, job: string, id: string, headers: Record<string, string>): Promise<Json> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const body = (await (await fetch(`${url}/api/jobs/runs?job=${job}`, { headers })).json()) as Json;
    const run = body.items.find((r: Json) => r.id === id);
    if (run && (run.status === 'succeeded' || run.status === 'failed')) return run;
    if (Date.now() > deadline) throw new Error(`run ${id} did not finish: ${JSON.stringify(run)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Polls until `probe` finds something (a deadline, not a timing). */
async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe('the server with its worker', () => {
  it('queues "run now" for the worker, which runs it and records the run', async () => {
    const database = await openTestDatabase();
    const server = await startServer({ database, port: 0, jobs: { pollingIntervalSeconds: 0.5, definitions: [tally] } });
    try {
      const setup = await fetch(`${server.url}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...ADMIN, name: 'Dana' }),
      });
      const cookie = setup.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      await fetch(`${server.url}/api/partners`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ name: 'Acme Analytics' }),
      });
      const queued = await fetch(`${server.url}/api/jobs/tally/run`, {
        method: 'POST',
        headers: { cookie, 'x-ptrack-csrf': '1' },
      });
      expect(queued.status).toBe(202);
      const run = (await queued.json()) as Json;
      expect(run).toMatchObject({ job: 'tally', trigger: 'manual', requestedBy: 'Dana', maxAttempts: 3 });
      expect(await settledRun(server.url, 'tally', run.id, { cookie })).toMatchObject({
        status: 'succeeded',
        counts: { partners: 1 },
      });
      const jobs = (await (await fetch(`${server.url}/api/jobs`, { headers: { cookie } })).json()) as Json;
      expect(jobs.worker).toBe(true);
      expect(jobs.items[0].nextRunAt).toEqual(expect.any(String));
    } finally {
      await server.close();
      await database.close();
    }
  });

  describe('on an embedded database in a data directory', () => {
    let dir: string;
    let server: RunningServer;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ptrack-jobs-'));
      // A clock that moves on a second per reading, so two backups never share a name; at 17:00 UTC the
      // nightly 02:30 tick has passed with no backup since, so the server catches it up when it starts.
      let clock = NOW.getTime();
      server = await startServer({
        database: { kind: 'pglite', dataDir: dir },
        port: 0,
        now: () => {
          clock += 1000;
          return new Date(clock);
        },
        jobs: { pollingIntervalSeconds: 0.5 },
      });
    });
    afterAll(async () => {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('catches up the missed nightly backup when it starts, then backs up on demand into <data dir>/backups', async () => {
      // The local CLI's token: the local admin, as `ptrack` on this machine would send it.
      const auth = { authorization: `Bearer ${readFileSync(join(dir, 'local-cli.token'), 'utf8')}` };
      const jobs = (await (await fetch(`${server.url}/api/jobs`, { headers: auth })).json()) as Json;
      expect(jobs.items.find((j: Json) => j.name === 'backup')).toMatchObject({
        available: true,
        note: null,
        schedule: { cron: '30 2 * * *' },
      });
      const caughtUp = await until(async () => {
        const runs = (await (await fetch(`${server.url}/api/jobs/runs?job=backup`, { headers: auth })).json()) as Json;
        return runs.items.find((r: Json) => r.trigger === 'scheduled');
      });
      expect(await settledRun(server.url, 'backup', caughtUp.id, auth)).toMatchObject({ status: 'succeeded', requestedBy: null });

      const queued = (await (
        await fetch(`${server.url}/api/jobs/backup/run`, { method: 'POST', headers: { ...auth, 'x-ptrack-csrf': '1' } })
      ).json()) as Json;
      const run = await settledRun(server.url, 'backup', queued.id, auth);
      expect(run.status, run.error).toBe('succeeded');
      const files = readdirSync(join(dir, 'backups')).sort();
      expect(files).toEqual([expect.stringMatching(/^auto-.*\.jsonl$/), expect.stringMatching(/^auto-.*\.jsonl$/)]);
      expect(run.summary).toBe(join(dir, 'backups', files[1]!));
      expect(run.counts).toMatchObject({ kept: 2, deleted: 0 });
    });

    it('stops its worker with the server and releases the data directory', async () => {
      await server.close();
      expect(existsSync(join(dir, 'ptrack.lock'))).toBe(false);
      expect(existsSync(join(dir, 'local-cli.token'))).toBe(false);
    });
  });
});
