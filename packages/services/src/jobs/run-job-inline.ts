import { randomUUID } from 'node:crypto';
import type { JobRunDto } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { authorize } from '../access/authorize';
import type { ServiceContext } from '../context';
import { executeJob } from './execute-job';
import { type JobDefinition, whyNotRunnable } from './job-definition';
import { findJob } from './job-runner';
import { toJobRunDto } from './job-runs';

/**
 * Runs a job now, in this request, when no worker runs in this process (the CLI on a data directory no
 * server owns). One attempt: a failure is recorded and returned, not retried.
 */
export async function runJobInline(ctx: ServiceContext, name: string, jobs: readonly JobDefinition[]): Promise<JobRunDto> {
  authorize(ctx, 'jobs:run');
  const job = findJob(jobs, name);
  const unavailable = await whyNotRunnable(job, ctx.database);
  if (unavailable) throw new AppError('CONFLICTING_STATE', unavailable);
  const { run } = await executeJob({
    database: ctx.database,
    job,
    queueJobId: `inline-${randomUUID()}`,
    trigger: 'manual',
    requestedBy: ctx.actor.name,
    attempt: 1,
    maxAttempts: 1,
    now: ctx.now,
    signal: new AbortController().signal,
  });
  return toJobRunDto(run);
}
