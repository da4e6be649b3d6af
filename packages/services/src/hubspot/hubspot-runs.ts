import type { HubSpotRunReport } from '@ptrack/contracts';
import { hubspotRuns, one, type Tx } from '@ptrack/storage';
import { desc, eq, inArray } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import type { PageOutcome } from './sync-types';

export type HubSpotRun = typeof hubspotRuns.$inferSelect;
export type RunKind = HubSpotRun['kind'];

// Enough to act on; a run with more failures than this says how many it left out.
const MAX_STORED_FAILURES = 2000;

/** An unfinished run of this kind to resume (its cursor says where), else a new one. */
export async function startRun(ctx: ServiceContext, kind: RunKind): Promise<{ run: HubSpotRun; resumed: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const [last] = await tx
      .select()
      .from(hubspotRuns)
      .where(kind === 'push' ? eq(hubspotRuns.kind, 'push') : inArray(hubspotRuns.kind, ['full', 'incremental']))
      .orderBy(desc(hubspotRuns.startedAt))
      .limit(1)
      .for('update');
    if (last && last.kind === kind && last.status !== 'succeeded' && kind !== 'push') {
      const run = await one(
        tx.update(hubspotRuns).set({ status: 'running', error: null }).where(eq(hubspotRuns.id, last.id)).returning(),
        'the resumed HubSpot run',
      );
      return { run, resumed: true };
    }
    const run = await one(tx.insert(hubspotRuns).values({ kind, startedAt: ctx.now() }).returning(), 'the new HubSpot run');
    return { run, resumed: false };
  });
}

/** Adds a page's outcome and moves the cursor, in the transaction that applied the page. */
export async function recordPage(
  tx: Tx,
  runId: string,
  cursor: Record<string, unknown>,
  outcome: PageOutcome,
  requests: number,
): Promise<void> {
  const run = await one(tx.select().from(hubspotRuns).where(eq(hubspotRuns.id, runId)).for('update'), {
    entity: 'HubSpot run',
    id: runId,
  });
  const counts = { ...run.counts };
  for (const [key, n] of Object.entries(outcome.counts)) counts[key] = (counts[key] ?? 0) + n;
  const failures = [...run.failures, ...outcome.failures].slice(0, MAX_STORED_FAILURES);
  const dropped = run.failures.length + outcome.failures.length - failures.length;
  if (dropped > 0) counts['failures.notStored'] = (counts['failures.notStored'] ?? 0) + dropped;
  await tx
    .update(hubspotRuns)
    .set({ cursor, counts, failures, requests: run.requests + requests })
    .where(eq(hubspotRuns.id, runId));
}

export async function finishRun(
  ctx: ServiceContext,
  runId: string,
  result: { status: 'succeeded' | 'failed'; error?: string; requests: number },
): Promise<HubSpotRun> {
  return inTransaction(ctx, async (tx) => {
    const current = await one(tx.select().from(hubspotRuns).where(eq(hubspotRuns.id, runId)).for('update'), {
      entity: 'HubSpot run',
      id: runId,
    });
    const updated = tx
      .update(hubspotRuns)
      .set({
        status: result.status,
        error: result.error ?? null,
        finishedAt: ctx.now(),
        requests: current.requests + result.requests,
        ...(result.status === 'succeeded' ? { cursor: {} } : {}),
      })
      .where(eq(hubspotRuns.id, runId))
      .returning();
    return one(updated, 'the finished HubSpot run');
  });
}

const SUM = (counts: Record<string, number>, suffix: string) =>
  Object.entries(counts)
    .filter(([k]) => k.endsWith(`.${suffix}`))
    .reduce((sum, [, n]) => sum + n, 0);

export function toRunReport(run: HubSpotRun, resumed = false): HubSpotRunReport {
  return {
    runId: run.id,
    kind: run.kind,
    status: run.status,
    resumed,
    created: SUM(run.counts, 'created'),
    updated: SUM(run.counts, 'updated') + SUM(run.counts, 'linked'),
    unchanged: SUM(run.counts, 'unchanged'),
    failed: run.failures,
    requests: run.requests,
    counts: run.counts,
    error: run.error,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** The latest runs, newest first: what the settings page and `ptrack hubspot runs` show. */
export async function listHubSpotRuns(ctx: ServiceContext, limit = 20): Promise<HubSpotRunReport[]> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.select().from(hubspotRuns).orderBy(desc(hubspotRuns.startedAt)).limit(limit);
    return rows.map((r) => toRunReport(r));
  });
}
