import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { createJobQueue, type JobQueue, nextCronRun, previousCronRun, type QueuedJob } from './job-queue';
import { openTestDatabase } from './testing';

const opened: Database[] = [];
const queues: JobQueue[] = [];
afterEach(async () => {
  for (const queue of queues.splice(0)) await queue.stop();
});
afterAll(async () => {
  for (const database of opened) await database.close();
});

async function startedQueue(): Promise<JobQueue> {
  const database = await openTestDatabase();
  opened.push(database);
  const queue = createJobQueue(database, { pollingIntervalSeconds: 0.5 });
  queues.push(queue);
  await queue.start();
  return queue;
}

/** Waits for a condition the queue brings about in its own time (a deadline, not a timed assertion). */
async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('the job queue on the app database (pg-boss)', () => {
  it('hands a sent job to its worker with its data', async () => {
    const queue = await startedQueue();
    await queue.createQueue('greet', { retryLimit: 0, retryDelaySeconds: 1, expireInSeconds: 60 });
    const seen: QueuedJob[] = [];
    await queue.work('greet', async (job) => {
      seen.push(job);
    });
    const id = await queue.send('greet', { who: 'Dana' });
    const job = await until(() => seen[0], 'the job');
    expect(job).toMatchObject({ id, name: 'greet', data: { who: 'Dana' }, retryCount: 0, retryLimit: 0 });
  });

  it('retries a failed job until it succeeds, counting the attempts', async () => {
    const queue = await startedQueue();
    await queue.createQueue('flaky', { retryLimit: 2, retryDelaySeconds: 1, expireInSeconds: 60 });
    const attempts: number[] = [];
    await queue.work('flaky', async (job) => {
      attempts.push(job.retryCount);
      if (job.retryCount === 0) throw new Error('first attempt fails');
    });
    await queue.send('flaky', {});
    await until(() => (attempts.length === 2 ? true : undefined), 'the retry');
    expect(attempts).toEqual([0, 1]);
  });

  it('keeps a cron schedule with its time zone, replaced by the next schedule of the same queue', async () => {
    const queue = await startedQueue();
    await queue.createQueue('nightly', { retryLimit: 0, retryDelaySeconds: 1, expireInSeconds: 60 });
    await queue.schedule('nightly', '30 2 * * *', 'Europe/Paris', { trigger: 'scheduled' });
    await queue.schedule('nightly', '30 2 * * *', 'America/Los_Angeles', { trigger: 'scheduled' });
    expect(await queue.schedules()).toEqual([{ name: 'nightly', cron: '30 2 * * *', timeZone: 'America/Los_Angeles' }]);
    await queue.unschedule('nightly');
    expect(await queue.schedules()).toEqual([]);
  });

  it('stops cleanly when it was never started, and twice', async () => {
    const database = await openTestDatabase();
    opened.push(database);
    const queue = createJobQueue(database);
    await queue.stop();
    await queue.start();
    await queue.stop();
    await queue.stop();
  });
});

describe('nextCronRun, the scheduler’s next tick in a time zone', () => {
  it('reads the hour in the given zone, across a daylight-saving change', () => {
    // 02:30 in Los Angeles is 10:30 UTC in winter (PST) and 09:30 UTC in summer (PDT).
    expect(nextCronRun('30 2 * * *', 'America/Los_Angeles', new Date('2026-02-04T17:00:00Z'))?.toISOString()).toBe(
      '2026-02-05T10:30:00.000Z',
    );
    expect(nextCronRun('30 2 * * *', 'America/Los_Angeles', new Date('2026-07-04T17:00:00Z'))?.toISOString()).toBe(
      '2026-07-05T09:30:00.000Z',
    );
    expect(nextCronRun('30 2 * * *', 'UTC', new Date('2026-02-04T17:00:00Z'))?.toISOString()).toBe('2026-02-05T02:30:00.000Z');
  });

  it('is strictly after the given instant, and a Monday 08:00 tick falls on the zone’s Monday', () => {
    expect(nextCronRun('30 2 * * *', 'UTC', new Date('2026-02-05T02:30:00Z'))?.toISOString()).toBe('2026-02-06T02:30:00.000Z');
    // Sunday 23:30 UTC is already Monday 08:30 in Tokyo: the next Monday 08:00 there is a week on.
    expect(nextCronRun('0 8 * * 1', 'Asia/Tokyo', new Date('2026-02-08T23:30:00Z'))?.toISOString()).toBe(
      '2026-02-15T23:00:00.000Z',
    );
  });

  it('previousCronRun is the last tick at or before the instant, in the zone', () => {
    expect(previousCronRun('30 2 * * *', 'America/Los_Angeles', new Date('2026-02-04T17:00:00Z'))?.toISOString()).toBe(
      '2026-02-04T10:30:00.000Z',
    );
    expect(previousCronRun('30 2 * * *', 'UTC', new Date('2026-02-05T02:30:00Z'))?.toISOString()).toBe(
      '2026-02-05T02:30:00.000Z',
    );
  });
});
