import type { Database, Executor } from '@ptrack/storage';
import type { ServiceContext } from '../context';
import type { Settings } from '../settings';

/** When a job runs on its own: a cron expression read in a time zone (usually the workspace's). */
export type JobSchedule = { cron: string; tz: string };

export type JobResult = { counts: Record<string, number>; summary?: string };

export type JobRunOptions = {
  /** The instant the attempt started (the service context's clock). */
  now: Date;
  /** Aborted when the server stops: a long job should stop at its next safe point. */
  signal: AbortSignal;
};

/**
 * One background job. Adding a job is adding one of these to JOBS in registry.ts: the worker, the
 * scheduler, `GET /api/jobs`, `ptrack jobs` and the settings page pick it up from there.
 */
export type JobDefinition = {
  /** Lower-case and dashes; also the queue's name. */
  name: string;
  /** One line for people: what it does and where its output goes. */
  describe: string;
  /**
   * When it runs on its own, from the current workspace settings (and, for a job with settings of its
   * own, what `db` holds); null runs it only on demand.
   */
  schedule(settings: Settings, db: Executor): JobSchedule | null | Promise<JobSchedule | null>;
  run(ctx: ServiceContext, options: JobRunOptions): Promise<JobResult>;
  /** Why it cannot run on this storage (shown instead of running), or null when it can. */
  unavailable?(database: Database): string | null;
  /** Why there is nothing to run yet (HubSpot not connected), read from the database; null when there is. */
  idle?(db: Executor): Promise<string | null>;
  /**
   * Run once as soon as possible when a scheduled tick was missed (the machine was off or asleep at
   * 02:30): right for a backup or a sync, wrong for a message meant for a given morning.
   */
  catchUp?: boolean;
  /** Attempts after the first failed one, and the first delay (doubled each time). Default 2 and 60 s. */
  retry?: { limit: number; delaySeconds: number };
};

export const DEFAULT_RETRY = { limit: 2, delaySeconds: 60 } as const;

export function retryOf(job: JobDefinition): { limit: number; delaySeconds: number } {
  return job.retry ?? DEFAULT_RETRY;
}

/** Why `job` cannot run now (not on this storage, or nothing to run yet), or null when it can. */
export async function whyNotRunnable(job: JobDefinition, database: Database): Promise<string | null> {
  return job.unavailable?.(database) ?? (await job.idle?.(database.db)) ?? null;
}
