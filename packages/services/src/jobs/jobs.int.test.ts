import type { JobRunDto } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { createJobQueue, type Database } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createContext, type ServiceContext, systemActor } from '../context';
import { getSettings, updateSettings } from '../settings';
import type { JobDefinition } from './job-definition';
import { type JobRunner, startJobRunner } from './job-runner';
import { listJobRuns, listJobs } from './list-jobs';
import { runJobInline } from './run-job-inline';

const NOW = new Date('2026-02-04T17:00:00Z');
const opened: Database[] = [];
const runners: JobRunner[] = [];
afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.stop();
});
afterAll(async () => {
  for (const database of opened) await database.close();
});

async function fresh(): Promise<{ database: Database; ctx: ServiceContext }> {
  const database = await openTestDatabase();
  opened.push(database);
  return { database, ctx: createContext(database, systemActor('Dana', 'api'), () => NOW) };
}

async function runner(database: Database, jobs: JobDefinition[]): Promise<JobRunner> {
  const started = await startJobRunner({ database, jobs, pollingIntervalSeconds: 0.5, now: () => NOW });
  runners.push(started);
  return started;
}

/** Waits until the run reaches a final state (the worker runs in its own time; this is a deadline, not a timing). */
async function settled(ctx: ServiceContext, job: string, jobs: JobDefinition[]): Promise<JobRunDto> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [run] = (await listJobRuns(ctx, { job, limit: 1 }, jobs)).items;
    if (run && (run.status === 'succeeded' || run.status === 'failed')) return run;
    if (Date.now() > deadline) throw new Error(`the ${job} run did not finish: ${JSON.stringify(run)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

const countJob = (calls: number[]): JobDefinition => ({
  name: 'count-partners',
  describe: 'Counts things',
  schedule: (settings) => ({ cron: '0 8 * * 1', tz: settings.timeZone }),
  async run(_ctx, { now }) {
    calls.push(now.getTime());
    return { counts: { partners: 3, reps: 12 }, summary: 'counted' };
  },
});

describe('the job runner', () => {
  it('runs a job asked for now and records the run: who asked, attempts and counts', async () => {
    const { database, ctx } = await fresh();
    const calls: number[] = [];
    const jobs = [countJob(calls)];
    const started = await runner(database, jobs);
    const queued = await started.runNow('count-partners', 'Dana');
    expect(queued).toMatchObject({ job: 'count-partners', trigger: 'manual', requestedBy: 'Dana', maxAttempts: 3 });
    const run = await settled(ctx, 'count-partners', jobs);
    expect(run).toMatchObject({
      id: queued.id,
      status: 'succeeded',
      attempt: 1,
      counts: { partners: 3, reps: 12 },
      summary: 'counted',
      error: null,
      startedAt: NOW.toISOString(),
      finishedAt: NOW.toISOString(),
    });
    expect(calls).toEqual([NOW.getTime()]);
    const listed = await listJobs(ctx, { jobs, worker: true });
    expect(listed.items[0]!.lastRun).toEqual(run);
  });

  it('retries a failing job with backoff and records the last error, then gives up as failed', async () => {
    const { database, ctx } = await fresh();
    const jobs: JobDefinition[] = [
      {
        name: 'always-fails',
        describe: 'Fails',
        schedule: () => null,
        retry: { limit: 1, delaySeconds: 1 },
        async run() {
          throw new Error('HubSpot answered 503 at https://svc:s3cret@api.example/x');
        },
      },
    ];
    const started = await runner(database, jobs);
    await started.runNow('always-fails', 'Dana');
    const run = await settled(ctx, 'always-fails', jobs);
    expect(run).toMatchObject({ status: 'failed', attempt: 2, maxAttempts: 2, counts: {} });
    // The message, not the credentials in it.
    expect(run.error).toBe('HubSpot answered 503 at https://***@api.example/x');
  });

  it('a job that fails once succeeds on its retry, and the same run shows it', async () => {
    const { database, ctx } = await fresh();
    let attempts = 0;
    const jobs: JobDefinition[] = [
      {
        name: 'flaky',
        describe: 'Fails once',
        schedule: () => null,
        retry: { limit: 2, delaySeconds: 1 },
        async run() {
          attempts++;
          if (attempts === 1) throw new Error('timeout');
          return { counts: { synced: 5 } };
        },
      },
    ];
    const started = await runner(database, jobs);
    await started.runNow('flaky', 'Dana');
    const run = await settled(ctx, 'flaky', jobs);
    expect(run).toMatchObject({ status: 'succeeded', attempt: 2, counts: { synced: 5 }, error: null });
    expect((await listJobRuns(ctx, { job: 'flaky', limit: 10 }, jobs)).items).toHaveLength(1);
  });

  it('schedules each job at its cron time in the workspace time zone, and follows a time zone change', async () => {
    const { database, ctx } = await fresh();
    const settings = await getSettings(ctx);
    await updateSettings(ctx, { version: settings.version, timeZone: 'America/Los_Angeles' });
    const jobs = [countJob([])];
    const started = await runner(database, jobs);
    const [job] = (await listJobs(ctx, { jobs, worker: true })).items;
    // Wednesday 09:00 in Los Angeles: the next Monday 08:00 there is 16:00 UTC on the 9th.
    expect(job).toMatchObject({
      schedule: { cron: '0 8 * * 1', timeZone: 'America/Los_Angeles' },
      nextRunAt: '2026-02-09T16:00:00.000Z',
      lastRun: null,
    });
    expect(await started.schedules()).toEqual([{ name: 'count-partners', cron: '0 8 * * 1', timeZone: 'America/Los_Angeles' }]);

    await updateSettings(ctx, { version: settings.version + 1, timeZone: 'Europe/Paris' });
    await started.syncSchedules();
    const [moved] = (await listJobs(ctx, { jobs, worker: true })).items;
    expect(moved?.nextRunAt).toBe('2026-02-09T07:00:00.000Z');
    expect(await started.schedules()).toEqual([{ name: 'count-partners', cron: '0 8 * * 1', timeZone: 'Europe/Paris' }]);
  });

  it('records a run the scheduler sent as scheduled, with nobody as its requester', async () => {
    const { database, ctx } = await fresh();
    const jobs = [countJob([])];
    await runner(database, jobs);
    // What pg-boss's cron scheduler does at a tick: send the schedule's data to the job's queue.
    const scheduler = createJobQueue(database, { schedule: false });
    await scheduler.start();
    try {
      await scheduler.send('count-partners', { trigger: 'scheduled' });
    } finally {
      await scheduler.stop();
    }
    const run = await settled(ctx, 'count-partners', jobs);
    expect(run).toMatchObject({ trigger: 'scheduled', requestedBy: null, status: 'succeeded', attempt: 1 });
  });

  it('catches up a missed nightly tick once when it starts, but not when a run happened since', async () => {
    const { database, ctx } = await fresh();
    let runs = 0;
    // Ticks at 02:30 UTC; NOW is 17:00 UTC, so today's tick was missed by a server that was not running.
    const nightly: JobDefinition = {
      name: 'nightly',
      describe: 'Nightly',
      catchUp: true,
      schedule: () => ({ cron: '30 2 * * *', tz: 'UTC' }),
      async run() {
        runs++;
        return { counts: {} };
      },
    };
    const onDemandOnly: JobDefinition = { ...nightly, name: 'no-catch-up', catchUp: false };
    const jobs = [nightly, onDemandOnly];
    const first = await runner(database, jobs);
    expect(await settled(ctx, 'nightly', jobs)).toMatchObject({ trigger: 'scheduled', status: 'succeeded' });
    await first.stop();
    await runner(database, jobs);
    // The second start finds today's run and queues nothing (give its worker time to pick up a stray).
    await new Promise((done) => setTimeout(done, 1500));
    expect(runs).toBe(1);
    expect((await listJobRuns(ctx, { limit: 10 }, jobs)).items.map((r) => r.job)).toEqual(['nightly']);
  });

  it('forgets finished runs older than 90 days when it starts, keeping newer ones', async () => {
    const { database, ctx } = await fresh();
    const jobs = [countJob([])];
    const old = await runJobInline(
      createContext(database, ctx.actor, () => new Date('2025-11-01T00:00:00Z')),
      'count-partners',
      jobs,
    );
    const recent = await runJobInline(
      createContext(database, ctx.actor, () => new Date('2025-11-10T00:00:00Z')),
      'count-partners',
      jobs,
    );
    // NOW (4 February 2026) minus 90 days is 6 November 2025.
    await runner(database, jobs);
    const ids = (await listJobRuns(ctx, { limit: 10 }, jobs)).items.map((r) => r.id);
    expect(ids).toEqual([recent.id]);
    expect(ids).not.toContain(old.id);
  });

  it('refuses to run a job that does not exist or does not run on this storage', async () => {
    const { database, ctx } = await fresh();
    const jobs: JobDefinition[] = [{ ...countJob([]), name: 'not-here', unavailable: () => 'use pg_dump' }, countJob([])];
    const started = await runner(database, jobs);
    await expect(started.runNow('nope', 'Dana')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const error = await started.runNow('not-here', 'Dana').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CONFLICTING_STATE', message: 'use pg_dump' });
    const listed = await listJobs(ctx, { jobs, worker: true });
    expect(listed.items.map((j) => [j.name, j.available, j.note, j.nextRunAt !== null])).toEqual([
      ['not-here', false, 'use pg_dump', false],
      ['count-partners', true, null, true],
    ]);
    await expect(listJobRuns(ctx, { job: 'nope', limit: 5 }, jobs)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('running a job inline (no worker in this process)', () => {
  it('runs it once in the request and records a failure without retrying it', async () => {
    const { ctx } = await fresh();
    let attempts = 0;
    const jobs: JobDefinition[] = [
      {
        name: 'fails',
        describe: 'Fails',
        schedule: () => null,
        async run() {
          attempts++;
          throw new Error('SMTP refused the login');
        },
      },
      countJob([]),
    ];
    const failed = await runJobInline(ctx, 'fails', jobs);
    expect(failed).toMatchObject({
      status: 'failed',
      attempt: 1,
      maxAttempts: 1,
      error: 'SMTP refused the login',
      requestedBy: 'Dana',
    });
    expect(attempts).toBe(1);
    const ok = await runJobInline(ctx, 'count-partners', jobs);
    expect(ok).toMatchObject({ status: 'succeeded', trigger: 'manual', counts: { partners: 3, reps: 12 } });
    const runs = await listJobRuns(ctx, { limit: 10 }, jobs);
    expect(runs.items.map((r) => r.job).sort()).toEqual(['count-partners', 'fails']);
  });
});
