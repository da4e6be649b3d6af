import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { addDays } from '@ptrack/domain';
import { type Database, partnerStats, refreshAllStats, repStats } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAction } from '../actions/complete-action';
import { createAction } from '../actions/create-action';
import { deleteAction } from '../actions/delete-action';
import { rescheduleOverdue } from '../actions/reschedule-overdue';
import { snoozeAction } from '../actions/snooze-action';
import { updateAction } from '../actions/update-action';
import { createContext, inTransaction, type ServiceContext, systemActor } from '../context';
import { createPartner } from '../partners/create-partner';
import { deletePartner } from '../partners/delete-partner';
import { updatePartner } from '../partners/update-partner';
import { createPlan, deletePlan, updatePlan } from '../plans/save-plan';
import { createReferral, deleteReferral, updateReferral } from '../referrals/save-referral';
import { getRep } from '../reps/get-rep';
import { createRep, deleteRep, updateRep } from '../reps/save-rep';
import { getSettings } from '../settings';
import { deleteTouch } from '../touches/delete-touch';
import { logTouch } from '../touches/log-touch';

// Every write goes through one writer per record type (writes/writers.ts), which records the history
// and marks the rollups the change made stale; inTransaction recomputes them before it commits. These
// tests hold the code to that: after each write use case the maintained rollups equal a recomputation
// from scratch, and no service outside writes/ writes a record or its history by hand.

let database: Database;
let ctx: ServiceContext;
const now = new Date('2026-03-10T15:00:00Z');
beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createContext(database, systemActor('write path test', 'api'), () => now);
});
afterAll(async () => {
  await database?.close();
});

class Rollback extends Error {}

/** The rollups as maintained, and as a from-scratch pass computes them (then rolled back). */
async function rollupsNowAndRecomputed() {
  const read = async (tx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => ({
    partners: await tx.select().from(partnerStats).orderBy(asc(partnerStats.partnerId)),
    reps: await tx.select().from(repStats).orderBy(asc(repStats.repId)),
  });
  const { timeZone, today } = await getSettings(ctx);
  let pair: { maintained: unknown; recomputed: unknown } | null = null;
  await inTransaction(ctx, async (tx) => {
    const maintained = await read(tx);
    await refreshAllStats(tx, { timeZone, today });
    pair = { maintained, recomputed: await read(tx) };
    throw new Rollback();
  }).catch((error) => {
    if (!(error instanceof Rollback)) throw error;
  });
  if (!pair) throw new Error('no rollups read');
  return pair as { maintained: unknown; recomputed: unknown };
}

async function expectFreshRollups(step: string) {
  const { maintained, recomputed } = await rollupsNowAndRecomputed();
  expect(maintained, `rollups after ${step}`).toEqual(recomputed);
}

describe('every write use case leaves the rollups as a recomputation from scratch would', () => {
  it('partners, reps, touches, actions, referrals and plans, created, changed, moved and deleted', async () => {
    const { today } = await getSettings(ctx);
    const steps: [string, () => Promise<unknown>][] = [];
    const step = (name: string, run: () => Promise<unknown>) => steps.push([name, run]);
    const ids: Record<string, string> = {};

    step('createPartner', async () => {
      ids.a = (await createPartner(ctx, { name: 'Write Path A', namedAccounts: ['Acme', 'Globex'], icpMatch: 'yes' })).id;
      ids.b = (await createPartner(ctx, { name: 'Write Path B' })).id;
    });
    step('createRep (a tiered rep gets its first follow-up)', async () => {
      ids.rep1 = (await createRep(ctx, { partnerId: ids.a!, name: 'Jordan One', engagementTier: 1 })).id;
      ids.rep2 = (await createRep(ctx, { partnerId: ids.a!, name: 'Sam Two' })).id;
    });
    step('updateRep (a tier given)', async () => {
      const rep = await createRep(ctx, { partnerId: ids.a!, name: 'Tier Later' });
      ids.rep3 = rep.id;
      await updateRep(ctx, rep.id, { version: rep.version, engagementTier: 2, qualityScore: 8 });
    });
    step('logTouch with a rep (completes its follow-up, plans the next)', () =>
      logTouch(ctx, { repId: ids.rep1!, kind: 'email', direction: 'inbound', occurredAt: `${addDays(today, -3)}T10:00:00Z` }),
    );
    step('logTouch with the partner only', () => logTouch(ctx, { partnerId: ids.a!, kind: 'meeting', direction: 'outbound' }));
    step('createReferral', async () => {
      ids.ref = (
        await createReferral(ctx, { partnerId: ids.a!, repId: ids.rep2!, introducedAt: addDays(today, -10), stage: 'intro' })
      ).id;
    });
    step('updateReferral (another rep, another stage)', async () => {
      await updateReferral(ctx, ids.ref!, { version: 1, repId: ids.rep3!, stage: 'closed-won', amountMinor: 500_000 });
    });
    step('createAction, snoozeAction, updateAction', async () => {
      const action = await createAction(ctx, { partnerId: ids.b!, dueDate: addDays(today, -40), type: 'Deal Support' });
      ids.action = action.id;
      const snoozed = await snoozeAction(ctx, action.id, { version: action.version, days: 2 });
      await updateAction(ctx, action.id, { version: snoozed.version, dueDate: addDays(today, -30), notes: 'overdue again' });
    });
    step('rescheduleOverdue', () => rescheduleOverdue(ctx, { startDate: today }));
    step('completeAction with a touch', async () => {
      const action = await createAction(ctx, { repId: ids.rep2!, dueDate: today, type: 'Follow-up' });
      await completeAction(ctx, action.id, { version: action.version, touch: { kind: 'call', direction: 'outbound' } });
    });
    step('createPlan, updatePlan, a second createPlan closing the first', async () => {
      const plan = await createPlan(ctx, { partnerId: ids.a!, goal: 'Two intros', metric: 'intros', target: 2 });
      await updatePlan(ctx, plan.id, { version: plan.version, target: 1, startDate: addDays(today, -80) });
      ids.plan = (await createPlan(ctx, { partnerId: ids.a!, goal: 'One deal', metric: 'deals', target: 1 })).id;
    });
    step('updateRep moving the rep to another partner', async () => {
      const rep = await getRep(ctx, ids.rep1!);
      await updateRep(ctx, rep.id, { version: rep.version, partnerId: ids.b! });
    });
    step('updatePartner', async () => {
      const partner = await updatePartner(ctx, ids.b!, { version: 1, name: 'Write Path B2', programStatus: 'Active' });
      expect(partner.name).toBe('Write Path B2');
    });
    step('deleteTouch', async () => {
      const { touch } = await logTouch(ctx, { repId: ids.rep3!, kind: 'email', direction: 'inbound' });
      await expectFreshRollups('the touch to delete');
      await deleteTouch(ctx, touch.id);
    });
    step('deleteReferral', () => deleteReferral(ctx, ids.ref!));
    step('deletePlan', () => deletePlan(ctx, ids.plan!));
    step('deleteAction', () => deleteAction(ctx, ids.action!));
    step('deleteRep', () => deleteRep(ctx, ids.rep3!));
    step('deletePartner', () => deletePartner(ctx, ids.a!));

    for (const [name, run] of steps) {
      await run();
      await expectFreshRollups(name);
    }
  });
});

// Tables whose records carry a version and a change history: only the writers touch them.
const RECORD_TABLES = [
  'partners',
  'reps',
  'touches',
  'actions',
  'referrals',
  'accounts',
  'activationPlans',
  'savedViews',
  'customFieldDefs',
];
// Bulk loads that build a whole workspace from nothing, without history by design (a restored backup
// brings its own; demo data is not anyone's change), and recompute every rollup at the end.
const BULK_LOADERS = new Set(['backup/restore-backup.ts', 'demo/seed-demo-workspace.ts']);

function sourcesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesOf(path);
    return /\.tsx?$/.test(name) && !/\.test\.ts$|\.testing\.ts$|test-kit\.ts$/.test(name) ? [path] : [];
  });
}

describe('one write path', () => {
  it('no service outside writes/ writes a record, its history or its rollups itself', () => {
    const root = join(import.meta.dirname, '..');
    const writesByHand = new RegExp(
      [
        String.raw`\brecordChange\(`,
        String.raw`\brecordCreatedRows\(`,
        String.raw`\brefreshStats\(`,
        String.raw`\.(insert|update|delete)\((${RECORD_TABLES.join('|')})\)`,
        String.raw`insertRows\(\w+, (${RECORD_TABLES.join('|')})\b`,
      ].join('|'),
    );
    // A lock taken on a record by hand (the writers' `lock` and `lockWhere` check and name it).
    const lockByHand = new RegExp(String.raw`\.from\((${RECORD_TABLES.join('|')})\)[^;]*?\.for\('update'\)`, 'g');
    const offenders: string[] = [];
    for (const file of sourcesOf(root)) {
      const path = relative(root, file).split('\\').join('/');
      if (path.startsWith('writes/') || path === 'history.ts' || BULK_LOADERS.has(path)) continue;
      const text = readFileSync(file, 'utf8');
      for (const lock of text.matchAll(lockByHand)) offenders.push(`${path}: locks by hand: ${lock[0].replace(/\s+/g, ' ')}`);
      text.split('\n').forEach((line, i) => {
        if (writesByHand.test(line)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
