import { AppError, PLAN_STATUSES } from '@ptrack/domain';
import { changeHistory, type Database, partners, touches } from '@ptrack/storage';
import { openTestDatabase, testStorageKind } from '@ptrack/storage/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getToday } from '../actions/get-today';
import { createContext, type ServiceContext, systemActor } from '../context';
import { getDashboard } from '../dashboard/get-dashboard';
import { listPartners } from '../partners/list-partners';
import { getSettings, updateSettings } from '../settings';
import { seedDemoWorkspace } from './seed-demo-workspace';

const NOW = new Date('2026-03-18T14:30:00Z');
const databases: Database[] = [];

async function freshWorkspace(): Promise<ServiceContext> {
  const database = await openTestDatabase();
  databases.push(database);
  const ctx = createContext(database, systemActor('demo-test', 'api'), () => NOW);
  const { version } = await getSettings(ctx);
  await updateSettings(ctx, { version, timeZone: 'Europe/Paris' });
  return ctx;
}

async function rowCounts(ctx: ServiceContext) {
  const count = async (table: typeof partners | typeof touches | typeof changeHistory) =>
    Number((await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);
  return { partners: await count(partners), touches: await count(touches), history: await count(changeHistory) };
}

const partnerList = async (ctx: ServiceContext) =>
  (await listPartners(ctx, { limit: 500 })).items.map(({ id: _id, ...row }) => row);

// Ids are new in every database; everything else, order included, follows from the seed and the day.
const todayList = async (ctx: ServiceContext) =>
  (await getToday(ctx)).items.map(({ id: _a, partnerId: _b, repId: _c, ...item }) => item);

let ctx: ServiceContext;
let summary: Awaited<ReturnType<typeof seedDemoWorkspace>>;
beforeAll(async () => {
  ctx = await freshWorkspace();
  const started = performance.now();
  summary = await seedDemoWorkspace(ctx, { seed: 42 });
  console.info(`demo seeded on ${testStorageKind()} in ${Math.round(performance.now() - started)} ms`, summary);
});
afterAll(async () => {
  for (const database of databases) await database.close();
});

describe('seedDemoWorkspace', () => {
  it('fills the workspace with a partner program of the expected size', async () => {
    expect(summary.partners).toBeGreaterThanOrEqual(38);
    expect(summary.reps).toBeGreaterThanOrEqual(150);
    expect(summary.touches).toBeGreaterThan(1000);
    const counts = await rowCounts(ctx);
    expect(counts.partners).toBe(summary.partners);
    expect(counts.touches).toBe(summary.touches);
    // one 'create' entry per partner, rep and plan
    expect(counts.history).toBe(summary.partners + summary.reps + summary.plans + 1); // + the time-zone change
  });

  it('leaves something to do today: overdue, due today and upcoming actions', async () => {
    const today = await getToday(ctx);
    expect(today.today).toBe('2026-03-18');
    expect(today.overdue).toBeGreaterThan(0);
    expect(today.dueToday).toBeGreaterThan(0);
    expect(today.upcoming.length).toBeGreaterThan(0);
    expect(today.items.every((a) => a.partnerName)).toBe(true);
  });

  it('has partners that need attention', async () => {
    const list = await listPartners(ctx, { view: 'needs-attention', limit: 50 });
    expect(list.items.length).toBeGreaterThan(0);
  });

  it('shows every plan status and a full funnel on the dashboard', async () => {
    const dashboard = await getDashboard(ctx);
    for (const status of PLAN_STATUSES) expect(dashboard.plansByStatus[status]).toBeGreaterThan(0);
    const { introToDealConversion: _, ...funnel } = dashboard.funnel;
    for (const value of Object.values(funnel)) expect(value).toBeGreaterThan(0);
    for (const tier of ['1', '2', '3', '4'] as const) expect(dashboard.tierDistribution[tier]).toBeGreaterThan(0);
  });

  it('refuses a workspace that already has partners, and writes nothing', async () => {
    const before = await rowCounts(ctx);
    const refused = await seedDemoWorkspace(ctx, { seed: 7 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('CONFLICTING_STATE');
    expect((refused as AppError).message).toMatch(/^The demo needs an empty workspace: /);
    expect(await rowCounts(ctx)).toEqual(before);
  });

  it('gives the same partner list and Today list for the same seed in another database', async () => {
    const other = await freshWorkspace();
    await seedDemoWorkspace(other, { seed: 42 });
    const [mine, theirs] = [await partnerList(ctx), await partnerList(other)];
    expect(theirs.length).toBe(summary.partners);
    expect(theirs).toEqual(mine);
    expect(await todayList(other)).toEqual(await todayList(ctx));
  });
});
