import type { JobRunDto } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import {
  createJobQueue,
  type Database,
  type JobQueue,
  previousCronRun,
  type QueuedJob,
  type QueueSchedule,
} from '@ptrack/storage';
import { loadSettings } from '../settings';
import { executeJob } from './execute-job';
import { type JobDefinition, retryOf, whyNotRunnable } from './job-definition';
import { lastRuns, pruneJobRuns, recordQueued, toJobRunDto } from './job-runs';
import { JOBS } from './registry';

export type JobRunner = {
  readonly jobs: readonly JobDefinition[];
  /** Queues a run now; the worker picks it up within a poll. */
  runNow(name: string, requestedBy: string): Promise<JobRunDto>;
  /** Brings the queue's cron schedules in line with the jobs and the current settings (time zone). */
  syncSchedules(): Promise<void>;
  /** The schedules the queue holds now (what its cron scheduler acts on). */
  schedules(): Promise<QueueSchedule[]>;
  stop(): Promise<void>;
};

export type StartJobRunnerOptions = {
  database: Database;
  jobs?: readonly JobDefinition[];
  now?: () => Date;
  /** How often an idle worker polls its queue (seconds). */
  pollingIntervalSeconds?: number;
  /** How often the schedules are re-read from the settings (seconds), so a time zone change applies. */
  resyncSeconds?: number;
  onError?: (error: unknown, where: string) => void;
};

const SCHEDULED = { trigger: 'scheduled' } as const;
// The queue's own scheduler sends a tick within seconds; a tick older than this with no run since was missed.
const MISSED_AFTER_MS = 5 * 60_000;
// Run records are kept this long (the last run of each job is the one people look at).
const KEEP_RUNS_MS = 90 * 24 * 3600_000;
// A run longer than this is considered stuck and failed by the queue (then retried).
const EXPIRE_SECONDS = 3 * 3600;

export function findJob(jobs: readonly JobDefinition[], name: string): JobDefinition {
  const job = jobs.find((j) => j.name === name);
  if (!job) {
    throw new AppError('NOT_FOUND', `There is no background job named "${name}" (jobs: ${jobs.map((j) => j.name).join(', ')})`);
  }
  return job;
}

/** The jobs this storage can run; the others are listed with their note but never queued. */
function runnable(database: Database, jobs: readonly JobDefinition[]): JobDefinition[] {
  return jobs.filter((job) => !job.unavailable?.(database));
}

/**
 * Starts the worker and the scheduler in this process (the server's): a queue per job, a cron
 * schedule per scheduled job in its time zone, and one attempt at a time per job.
 */
export async function startJobRunner(options: StartJobRunnerOptions): Promise<JobRunner> {
  const { database } = options;
  const jobs = options.jobs ?? JOBS;
  const now = options.now ?? (() => new Date());
  const report = options.onError ?? (() => {});
  const queue: JobQueue = createJobQueue(database, {
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    onError: (error) => report(error, 'queue'),
  });
  const stopping = new AbortController();
  await queue.start();

  const handle = (job: JobDefinition) => async (queued: QueuedJob) => {
    const { error } = await executeJob({
      database,
      job,
      queueJobId: queued.id,
      trigger: queued.data.trigger === 'manual' ? 'manual' : 'scheduled',
      requestedBy: typeof queued.data.requestedBy === 'string' ? queued.data.requestedBy : null,
      attempt: queued.retryCount + 1,
      maxAttempts: queued.retryLimit + 1,
      now,
      signal: stopping.signal,
    });
    // Thrown back so the queue schedules the retry with its backoff (or gives up after the last one).
    if (error) throw error;
  };

  async function syncSchedules(): Promise<void> {
    const settings = await loadSettings(database.db);
    const current = new Map((await queue.schedules()).map((s) => [s.name, s]));
    for (const job of runnable(database, jobs)) {
      const schedule = await job.schedule(settings, database.db);
      const existing = current.get(job.name);
      if (!schedule) {
        if (existing) await queue.unschedule(job.name);
      } else if (existing?.cron !== schedule.cron || existing.timeZone !== schedule.tz) {
        await queue.schedule(job.name, schedule.cron, schedule.tz, SCHEDULED);
      }
    }
  }

  /** Queues one run of each catch-up job whose last scheduled tick passed with no run since. */
  async function catchUpMissedRuns(): Promise<void> {
    const settings = await loadSettings(database.db);
    const last = await lastRuns(database.db);
    const at = now();
    for (const job of runnable(database, jobs)) {
      const schedule = job.catchUp ? await job.schedule(settings, database.db) : null;
      if (!schedule) continue;
      const tick = previousCronRun(schedule.cron, schedule.tz, at);
      if (!tick || at.getTime() - tick.getTime() < MISSED_AFTER_MS) continue;
      const run = last.get(job.name);
      if (run && run.queuedAt.getTime() >= tick.getTime()) continue;
      await queue.send(job.name, SCHEDULED);
    }
  }

  const tend = async () => {
    await syncSchedules();
    await catchUpMissedRuns();
    await pruneJobRuns(database.db, new Date(now().getTime() - KEEP_RUNS_MS));
  };

  let timer: NodeJS.Timeout | null = null;
  try {
    for (const job of runnable(database, jobs)) {
      const retry = retryOf(job);
      await queue.createQueue(job.name, {
        retryLimit: retry.limit,
        retryDelaySeconds: retry.delaySeconds,
        expireInSeconds: EXPIRE_SECONDS,
      });
      await queue.work(job.name, handle(job));
    }
    await tend();
    timer = setInterval(
      () => {
        tend().catch((error: unknown) => report(error, 'schedules'));
      },
      (options.resyncSeconds ?? 60) * 1000,
    );
  } catch (error) {
    await queue.stop();
    throw error;
  }

  let stopped: Promise<void> | null = null;
  return {
    jobs,
    async runNow(name, requestedBy) {
      const job = findJob(jobs, name);
      const unavailable = await whyNotRunnable(job, database);
      if (unavailable) throw new AppError('CONFLICTING_STATE', unavailable);
      const queueJobId = await queue.send(job.name, { trigger: 'manual', requestedBy });
      const run = await recordQueued(database.db, {
        job: job.name,
        queueJobId,
        trigger: 'manual',
        maxAttempts: retryOf(job).limit + 1,
        requestedBy,
        at: now(),
      });
      return toJobRunDto(run);
    },
    syncSchedules,
    schedules: () => queue.schedules(),
    stop() {
      stopped ??= (async () => {
        if (timer) clearInterval(timer);
        stopping.abort();
        await queue.stop();
      })();
      return stopped;
    },
  };
}
