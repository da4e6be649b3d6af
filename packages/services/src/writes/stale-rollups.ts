import type { IsoDate } from '@ptrack/domain';
import { type Executor, refreshStats, type Tx } from '@ptrack/storage';

/** Which of a partner's rep figures a write made stale: none, one or more reps, or all of them. */
export type RepScope = 'none' | 'all' | { id: string };

type Clock = { timeZone: string; today: IsoDate };
type Queue = { clock: Clock | null; partners: Map<string, 'none' | 'all' | Set<string>> };

// The rollups (partner_stats, rep_stats) each transaction's writes made stale. Every write marks what
// it changed; the rollups are recomputed once, before the first read that needs them or at the latest
// just before the transaction commits (`inTransaction`), so a write cannot leave the grid stale.
const queues = new WeakMap<Executor, Queue>();

/** Opens the queue of a transaction; `inTransaction` does this for every use case. */
export function beginRollups(tx: Tx): void {
  queues.set(tx, { clock: null, partners: new Map() });
}

/** Marks a partner's figures (and some of its reps') stale; `clock` is the workspace's time zone and today. */
export function markStale(tx: Tx, clock: Clock, partnerId: string, reps: RepScope): void {
  const queue = queues.get(tx);
  if (!queue) throw new Error('a write outside inTransaction: its rollups would not be refreshed');
  queue.clock ??= clock;
  const had = queue.partners.get(partnerId) ?? 'none';
  if (had === 'all' || reps === 'none') {
    queue.partners.set(partnerId, had);
  } else if (reps === 'all') {
    queue.partners.set(partnerId, 'all');
  } else {
    const ids = had === 'none' ? new Set<string>() : had;
    queue.partners.set(partnerId, ids.add(reps.id));
  }
}

/**
 * Takes the stale partners out of the queue, for a caller that refreshes them itself later (the HubSpot
 * sync refreshes everything a run touched once, after its last page).
 */
export function takeStale(tx: Tx): string[] {
  const queue = queues.get(tx);
  if (!queue) return [];
  const ids = [...queue.partners.keys()];
  queue.partners.clear();
  return ids;
}

/**
 * Recomputes, in a later transaction, the rollups of partners whose staleness an earlier one handed
 * over with `takeStale` (or of every partner, after a run that cannot know what it touched).
 */
export async function refreshTaken(tx: Tx, clock: Clock, partnerId: string[] | { all: true }): Promise<void> {
  await refreshStats(tx, { partnerId, ...clock });
}

/** Recomputes what this transaction's writes made stale: a few set-based statements, whatever the number of writes. */
export async function settleRollups(tx: Executor): Promise<void> {
  const queue = queues.get(tx);
  if (!queue?.clock || queue.partners.size === 0) return;
  const { clock } = queue;
  const repsNone: string[] = [];
  const repsAll: string[] = [];
  const oneRep: [string, string][] = [];
  for (const [partnerId, scope] of queue.partners) {
    if (scope === 'none') repsNone.push(partnerId);
    else if (scope === 'all' || scope.size > 1) repsAll.push(partnerId);
    else for (const repId of scope) oneRep.push([partnerId, repId]);
  }
  // Several partners each with one changed rep (a bulk write): one set-based pass over all their reps.
  if (oneRep.length > 1) repsAll.push(...oneRep.splice(0).map(([partnerId]) => partnerId));
  queue.partners.clear();
  if (repsNone.length > 0) await refreshStats(tx, { partnerId: repsNone, reps: 'none', ...clock });
  if (repsAll.length > 0) await refreshStats(tx, { partnerId: repsAll, reps: 'all', ...clock });
  for (const [partnerId, repId] of oneRep) await refreshStats(tx, { partnerId, reps: { id: repId }, ...clock });
}
