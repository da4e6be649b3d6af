import type { JobRunDto } from '@ptrack/contracts';
import { authorize } from '../access/authorize';
import type { ServiceContext } from '../context';
import type { JobDefinition } from './job-definition';
import type { JobRunner } from './job-runner';
import { runJobInline } from './run-job-inline';

export type RunJobNowOptions = { definitions: readonly JobDefinition[]; runner: JobRunner | null };

/**
 * Runs a job now on behalf of the acting user: queued for this process's worker (`queued: true`), or in
 * the request when no worker runs here.
 */
export async function runJobNow(
  ctx: ServiceContext,
  name: string,
  jobs: RunJobNowOptions,
): Promise<{ queued: boolean; run: JobRunDto }> {
  authorize(ctx, 'jobs:run');
  if (jobs.runner) return { queued: true, run: await jobs.runner.runNow(name, ctx.actor.name) };
  return { queued: false, run: await runJobInline(ctx, name, jobs.definitions) };
}
