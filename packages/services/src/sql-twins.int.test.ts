import { addDays, BUILT_IN_VIEWS, matchesFilter, REFERRAL_STAGES } from '@ptrack/domain';
import type { Database } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAction } from './actions/create-action';
import { createContext, systemActor } from './context';
import { createPartner } from './partners/create-partner';
import { getPartner } from './partners/get-partner';
import { listPartners } from './partners/list-partners';
import { listPlans } from './plans/list-plans';
import { createPlan } from './plans/save-plan';
import { createReferral } from './referrals/save-referral';
import { createRep } from './reps/save-rep';
import { getSettings, updateSettings } from './settings';
import { logTouch } from './touches/log-touch';

// The partner grid filters and sorts in SQL (maintained rollups plus read-time expressions); the
// partner page computes the same figures with the pure rules of packages/domain. This property test
// builds random partners through the services and holds the two to each other.

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const DAY = 86_400_000;
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const workspace = fc.record({
  timeZone: fc.constantFrom('UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata'),
  nowMs: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
  icpMatch: maybe(fc.constantFrom('yes' as const, 'no' as const)),
  economicsOk: maybe(fc.constantFrom('yes' as const, 'no' as const)),
  namedAccounts: fc.integer({ min: 0, max: 4 }),
  introMechanism: fc.constantFrom(null, '', 'Reps bring us into deals'),
  ipp: fc.array(maybe(fc.integer({ min: 0, max: 10 })), { minLength: 5, maxLength: 5 }),
  reviewedDaysAgo: maybe(fc.integer({ min: 0, max: 10 })),
  reps: fc.array(
    fc.record({
      tier: maybe(fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const)),
      quality: maybe(fc.integer({ min: 1, max: 10 })),
      signals: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    }),
    { maxLength: 4 },
  ),
  touches: fc.array(
    fc.record({ rep: maybe(fc.nat(3)), inbound: fc.boolean(), daysAgo: fc.integer({ min: 0, max: 200 }), skip: fc.boolean() }),
    { maxLength: 6 },
  ),
  referrals: fc.array(
    fc.record({
      rep: maybe(fc.nat(3)),
      stage: fc.constantFrom(...REFERRAL_STAGES),
      amount: maybe(fc.integer({ min: 0, max: 5_000_000 })),
      daysAgo: fc.integer({ min: 0, max: 200 }),
    }),
    { maxLength: 6 },
  ),
  actions: fc.array(fc.record({ rep: maybe(fc.nat(3)), dueIn: fc.integer({ min: -20, max: 20 }) }), { maxLength: 3 }),
  plan: maybe(
    fc.record({
      metric: fc.constantFrom('qualified-conversations' as const, 'intros' as const, 'deals' as const, 'closed-won' as const),
      target: fc.integer({ min: 1, max: 5 }),
      startDaysAgo: fc.integer({ min: 0, max: 150 }),
      status: maybe(fc.constantFrom('on-track' as const, 'at-risk' as const, 'delivered' as const, 'failed' as const)),
    }),
  ),
});

let counter = 0;

describe('the partner grid and the partner page agree', () => {
  it('on rollups, performance, qualification, IPP, plan status, activity and view membership', async () => {
    await fc.assert(
      fc.asyncProperty(workspace, async (w) => {
        const now = new Date(w.nowMs);
        const ctx = createContext(database, systemActor('twin test', 'api'), () => now);
        const settings = await getSettings(ctx);
        if (settings.timeZone !== w.timeZone) await updateSettings(ctx, { version: settings.version, timeZone: w.timeZone });
        const today = (await getSettings(ctx)).today;
        const name = `Twin ${++counter} ${w.nowMs}`;
        const [icpAlignment, revenuePathClarity, archetypeFit, economics, strategicValue] = w.ipp;
        const partner = await createPartner(ctx, {
          name,
          icpMatch: w.icpMatch,
          economicsOk: w.economicsOk,
          introMechanism: w.introMechanism,
          namedAccounts: Array.from({ length: w.namedAccounts }, (_, i) => `${name} account ${i}`),
          icpAlignment,
          revenuePathClarity,
          archetypeFit,
          economics,
          strategicValue,
          reviewedAt: w.reviewedDaysAgo === null ? null : new Date(w.nowMs - w.reviewedDaysAgo * DAY).toISOString(),
        });
        const repIds: string[] = [];
        for (const [i, r] of w.reps.entries()) {
          const [a, b, c, d, e, f, g, h] = r.signals;
          const rep = await createRep(ctx, {
            partnerId: partner.id,
            name: `Rep ${i}`,
            engagementTier: r.tier,
            qualityScore: r.quality,
            sharesAccountList: a,
            suggestsJointActivities: b,
            introsWithoutProof: c,
            responsive: d,
            stuckBuildingRapport: e,
            lipServiceOnly: f,
            expectsUsToBringEverything: g,
            waitsForDeals: h,
          });
          repIds.push(rep.id);
        }
        const repOf = (i: number | null) => (i === null || repIds.length === 0 ? null : repIds[i % repIds.length]!);
        for (const t of w.touches) {
          await logTouch(ctx, {
            partnerId: partner.id,
            repId: repOf(t.rep),
            kind: 'email',
            direction: t.inbound ? 'inbound' : 'outbound',
            occurredAt: new Date(w.nowMs - t.daysAgo * DAY).toISOString(),
            next: t.skip ? { skip: true } : undefined,
          });
        }
        for (const f of w.referrals) {
          await createReferral(ctx, {
            partnerId: partner.id,
            repId: repOf(f.rep),
            introducedAt: addDays(today, -f.daysAgo),
            stage: f.stage,
            amountMinor: f.amount,
          });
        }
        for (const a of w.actions) {
          await createAction(ctx, {
            partnerId: partner.id,
            repId: repOf(a.rep),
            dueDate: addDays(today, a.dueIn),
            type: 'Follow-up',
          });
        }
        if (w.plan) {
          await createPlan(ctx, {
            partnerId: partner.id,
            goal: 'Three qualified conversations',
            metric: w.plan.metric,
            target: w.plan.target,
            startDate: addDays(today, -w.plan.startDaysAgo),
            status: w.plan.status,
          });
        }

        const page = await getPartner(ctx, partner.id);
        const list = await listPartners(ctx, { q: name, limit: 10 });
        expect(list.items).toHaveLength(1);
        const row = list.items[0]!;
        const plans = await listPlans(ctx, { partnerId: partner.id });
        const current = plans.items.find((p) => p.isCurrent) ?? null;

        expect(row.qualification).toBe(page.qualification.verdict);
        expect(row.ippScore).toBe(page.ippScore);
        expect(row.partnerStatus).toBe(page.partnerStatus);
        expect(row.reviewedThisWeek).toBe(page.reviewedThisWeek);
        expect(row.planStatus).toBe(current?.effectiveStatus ?? null);
        expect({
          tiers: [row.tier1Reps, row.tier2Reps, row.tier3Reps, row.tier4Reps],
          totalReps: row.totalReps,
          names: row.tier12RepNames,
          jordans: row.jordanCount,
          bringing: row.repsBringingDeals,
          engaged: row.repsEngaged,
          total: row.totalEngaged,
          deliver: row.repsWhoDeliver,
          next: row.nextActionDate ? [row.nextActionDate, row.nextActionType, row.nextActionRep, row.nextActionNotes] : null,
        }).toEqual({
          tiers: [
            page.rollup.repsPerTier['1'],
            page.rollup.repsPerTier['2'],
            page.rollup.repsPerTier['3'],
            page.rollup.repsPerTier['4'],
          ],
          totalReps: page.rollup.totalReps,
          names: page.rollup.tier12RepNames,
          jordans: page.rollup.jordanCount,
          bringing: page.rollup.repsBringingDeals,
          engaged: page.rollup.repsEngaged,
          total: page.rollup.totalEngaged,
          deliver: page.rollup.repsWhoDeliver,
          next: page.rollup.nextAction
            ? [
                page.rollup.nextAction.dueDate,
                page.rollup.nextAction.type,
                page.rollup.nextAction.repName,
                page.rollup.nextAction.notes,
              ]
            : null,
        });
        expect([
          row.introsMade,
          row.qualifiedConversations,
          row.dealsBroughtIn,
          row.openDeals,
          row.closedWon,
          row.pipelineValueMinor,
        ]).toEqual([
          page.performance.introsMade,
          page.performance.qualifiedConversations,
          page.performance.dealsBroughtIn,
          page.performance.openDeals,
          page.performance.closedWon,
          page.performance.pipelineValueMinor,
        ]);
        expect([row.firstTouchDate, row.lastEngagementDate, row.daysSinceLastTouch]).toEqual([
          page.firstTouchDate,
          page.lastEngagementDate,
          page.daysSinceLastTouch,
        ]);
        for (const view of BUILT_IN_VIEWS) {
          const inView = await listPartners(ctx, { view: view.id, q: name, limit: 10 });
          const expected = view.definition.filter ? matchesFilter(row, view.definition.filter, today) : true;
          expect(inView.items.length === 1, `view ${view.id}`).toBe(expected);
        }
      }),
      { numRuns: 40 },
    );
  });
});
