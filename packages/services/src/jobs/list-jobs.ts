import type { JobDto, JobListResponse, JobRunListResponse, JobRunsQuery } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { jobRuns, nextCronRun } from '@ptrack/storage';
import { desc, eq } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import type { ServiceContext } from '../context';
import { loadSettings } from '../settings';
import type { JobDefinition } from './job-definition';
import { lastRuns, toJobRunDto } from './job-runs';

export type ListJobsOptions = { jobs: readonly JobDefinition[]; worker: boolean };

/** Every job with its schedule in the workspace time zone, its next run and its last run. */
export async function listJobs(ctx: ServiceContext, options: ListJobsOptions): Promise<JobListResponse> {
  authorize(ctx, 'workspace:read');
  const db = ctx.database.db;
  const settings = await loadSettings(db);
  const last = await lastRuns(db);
  const schedules = await Promise.all(
    options.jobs.map((job) => (job.unavailable?.(ctx.database) ? null : job.schedule(settings, db))),
  );
  const idle = await Promise.all(options.jobs.map((job) => job.idle?.(db) ?? null));
  const items = options.jobs.map((job, index): JobDto => {
    const note = job.unavailable?.(ctx.database) ?? idle[index] ?? null;
    const schedule = schedules[index] ?? null;
    // Without a worker in this process nothing runs on schedule here, but the server's worker will.
    const next = schedule ? nextCronRun(schedule.cron, schedule.tz, ctx.now()) : null;
    const run = last.get(job.name);
    return {
      name: job.name,
      describe: job.describe,
      available: note === null,
      note,
      schedule: schedule ? { cron: schedule.cron, timeZone: schedule.tz } : null,
      nextRunAt: next?.toISOString() ?? null,
      lastRun: run ? toJobRunDto(run) : null,
    };
  });
  return { items, worker: options.worker };
}

/** The latest runs, newest first, of one job or of all. */
export async function listJobRuns(
  ctx: ServiceContext,
  query: JobRunsQuery,
  jobs: readonly JobDefinition[],
): Promise<JobRunListResponse> {
  authorize(ctx, 'workspace:read');
  if (query.job && !jobs.some((j) => j.name === query.job)) {
    throw AppError.validation([
      { field: 'job', message: `is not a background job (jobs: ${jobs.map((j) => j.name).join(', ')})` },
    ]);
  }
  const rows = await ctx.database.db
    .select()
    .from(jobRuns)
    .where(query.job ? eq(jobRuns.job, query.job) : undefined)
    .orderBy(desc(jobRuns.queuedAt), desc(jobRuns.id))
    .limit(query.limit);
  return { items: rows.map(toJobRunDto) };
}
