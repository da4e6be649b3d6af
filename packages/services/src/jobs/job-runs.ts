import type { JobRunDto } from '@ptrack/contracts';
import { type Executor, jobRuns, one } from '@ptrack/storage';
import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';

export type JobRunRow = typeof jobRuns.$inferSelect;
export type JobTrigger = JobRunRow['trigger'];

export function toJobRunDto(row: JobRunRow): JobRunDto {
  return {
    id: row.id,
    job: row.job,
    trigger: row.trigger,
    status: row.status,
    attempt: row.attempt,
    maxAttempts: row.maxAttempts,
    requestedBy: row.requestedBy,
    queuedAt: row.queuedAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    counts: row.counts,
    summary: row.summary,
    error: row.error,
  };
}

export type NewRun = {
  job: string;
  queueJobId: string;
  trigger: JobTrigger;
  maxAttempts: number;
  requestedBy: string | null;
  at: Date;
};

/** Records a run as queued, unless its worker already recorded it (it may pick the job up first). */
export async function recordQueued(tx: Executor, run: NewRun): Promise<JobRunRow> {
  await tx
    .insert(jobRuns)
    .values({ ...run, status: 'queued', attempt: 0, queuedAt: run.at })
    .onConflictDoNothing({ target: jobRuns.queueJobId });
  return one(tx.select().from(jobRuns).where(eq(jobRuns.queueJobId, run.queueJobId)), 'the queued job run');
}

/** Records the start of an attempt, creating the run when the queue sent it (a scheduled tick). */
export async function recordStarted(tx: Executor, run: NewRun, attempt: number): Promise<JobRunRow> {
  const started = tx
    .insert(jobRuns)
    .values({ ...run, status: 'running', attempt, queuedAt: run.at, startedAt: run.at })
    .onConflictDoUpdate({
      target: jobRuns.queueJobId,
      set: { status: 'running', attempt, startedAt: run.at, finishedAt: null, maxAttempts: run.maxAttempts },
    })
    .returning();
  return one(started, 'the started job run');
}

export type RunOutcome =
  | { status: 'succeeded'; counts: Record<string, number>; summary: string | null }
  | { status: 'failed' | 'queued'; error: string };

export async function recordFinished(tx: Executor, id: string, outcome: RunOutcome, at: Date): Promise<JobRunRow> {
  const set =
    outcome.status === 'succeeded'
      ? { status: outcome.status, counts: outcome.counts, summary: outcome.summary, error: null, finishedAt: at }
      : // A failed attempt with retries left goes back to queued; its error stays visible until the next one.
        { status: outcome.status, error: outcome.error, finishedAt: outcome.status === 'failed' ? at : null };
  return one(tx.update(jobRuns).set(set).where(eq(jobRuns.id, id)).returning(), { entity: 'job run', id });
}

/** Forgets finished runs older than `before` (a sync every 15 minutes is 35,000 runs a year). */
export async function pruneJobRuns(tx: Executor, before: Date): Promise<number> {
  const gone = await tx
    .delete(jobRuns)
    .where(and(isNotNull(jobRuns.finishedAt), lt(jobRuns.finishedAt, before)))
    .returning({ id: jobRuns.id });
  return gone.length;
}

/** The newest run of each job. */
export async function lastRuns(tx: Executor): Promise<Map<string, JobRunRow>> {
  const rows = await tx
    .selectDistinctOn([jobRuns.job])
    .from(jobRuns)
    .orderBy(jobRuns.job, sql`${jobRuns.queuedAt} desc`, sql`${jobRuns.id} desc`);
  return new Map(rows.map((r) => [r.job, r]));
}

const SECRET_IN_URL = /(\w+:\/\/)[^/\s:@]+:[^/\s@]+@/g;
const MAX_ERROR = 1000;

/**
 * What a failure says in the run history: the message only (no stack), credentials in URLs masked,
 * and cut short. Jobs must still keep tokens out of their messages; this is the safety net.
 */
export function describeFailure(error: unknown): string {
  // A failed query's message ends with its bound values ("\nparams: …"), which may be secrets being written.
  const [message = ''] = (error instanceof Error ? error.message : String(error)).split('\nparams:');
  const clean = message.replace(SECRET_IN_URL, '$1***@').trim() || 'failed without a message';
  return clean.length > MAX_ERROR ? `${clean.slice(0, MAX_ERROR - 1)}…` : clean;
}
