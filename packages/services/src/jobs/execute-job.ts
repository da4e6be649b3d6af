import type { Database } from '@ptrack/storage';
import { createContext, systemActor } from '../context';
import type { JobDefinition } from './job-definition';
import { describeFailure, type JobRunRow, type JobTrigger, recordFinished, recordStarted } from './job-runs';

export type ExecuteJobOptions = {
  database: Database;
  job: JobDefinition;
  queueJobId: string;
  trigger: JobTrigger;
  requestedBy: string | null;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  now: () => Date;
  signal: AbortSignal;
};

export type ExecutedRun = { run: JobRunRow; error: unknown | null };

/**
 * Runs one attempt of a job and records it: running, then succeeded with its counts, or its error —
 * queued again when attempts remain, else failed. The job's own writes are its own transactions; the
 * run record is written around them, so a failed job still leaves its record.
 */
export async function executeJob(options: ExecuteJobOptions): Promise<ExecutedRun> {
  const { database, job } = options;
  const ctx = createContext(database, systemActor(`job ${job.name}`, 'system'), options.now);
  const started = await recordStarted(
    database.db,
    {
      job: job.name,
      queueJobId: options.queueJobId,
      trigger: options.trigger,
      maxAttempts: options.maxAttempts,
      requestedBy: options.requestedBy,
      at: ctx.now(),
    },
    options.attempt,
  );
  try {
    const unavailable = job.unavailable?.(database) ?? null;
    if (unavailable) throw new Error(unavailable);
    const result = await job.run(ctx, { now: ctx.now(), signal: options.signal });
    const run = await recordFinished(
      database.db,
      started.id,
      { status: 'succeeded', counts: result.counts, summary: result.summary ?? null },
      ctx.now(),
    );
    return { run, error: null };
  } catch (error) {
    const status = options.attempt < options.maxAttempts ? 'queued' : 'failed';
    const run = await recordFinished(database.db, started.id, { status, error: describeFailure(error) }, ctx.now());
    return { run, error };
  }
}
