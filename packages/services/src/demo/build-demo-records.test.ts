import {
  addDays,
  calendarDateOf,
  DEFAULT_CADENCE_DAYS,
  DEFAULT_IPP_BANDS,
  DEFAULT_OPTION_LISTS,
  DEFAULT_WORKING_DAYS,
  effectivePlanStatus,
  INTRO_TO_DEAL_BENCHMARK,
  IPP_DIMENSIONS,
  ippScore,
  isJordan,
  isReviewedThisWeek,
  isTimeWaster,
  PARTNER_STATUSES,
  PLAN_STATUSES,
  partnerStatusFor,
  planEndDate,
  planProgress,
  qualify,
  REFERRAL_STAGES,
  scheduleAfterTouch,
  suggestPlanStatus,
  TOUCH_KINDS,
} from '@ptrack/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDemoRecords, type DemoRecords } from './build-demo-records';

const NOW = new Date('2026-03-18T14:30:00Z');
const input = (seed: number, timeZone = 'Europe/Paris', now = NOW) => ({ seed, now, timeZone });
const signalsOf = (r: DemoRecords['reps'][number]) => ({
  qualityScore: r.qualityScore ?? null,
  signals: {
    sharesAccountList: !!r.sharesAccountList,
    suggestsJointActivities: !!r.suggestsJointActivities,
    introsWithoutProof: !!r.introsWithoutProof,
    responsive: !!r.responsive,
    stuckBuildingRapport: !!r.stuckBuildingRapport,
    lipServiceOnly: !!r.lipServiceOnly,
    expectsUsToBringEverything: !!r.expectsUsToBringEverything,
    waitsForDeals: !!r.waitsForDeals,
  },
});

afterEach(() => vi.restoreAllMocks());

describe('buildDemoRecords', () => {
  it('gives the same records for the same seed and day, without Math.random or the clock', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    expect(buildDemoRecords(input(42))).toEqual(buildDemoRecords(input(42)));
  });

  it('gives a different workspace for another seed', () => {
    const a = buildDemoRecords(input(1));
    const b = buildDemoRecords(input(2));
    expect(a.partners.map((p) => p.name)).not.toEqual(b.partners.map((p) => p.name));
  });

  it('moves with the day it is built on, so nothing goes stale', () => {
    const later = buildDemoRecords(input(42, 'Europe/Paris', new Date(NOW.getTime() + 30 * 86_400_000)));
    expect(later.today).toBe(addDays(buildDemoRecords(input(42)).today, 30));
  });

  describe.each([
    [42, 'Europe/Paris'],
    [7, 'America/Los_Angeles'],
    [2024, 'Pacific/Auckland'],
    [0, 'UTC'],
  ])('with seed %i in %s', (seed, timeZone) => {
    const r = buildDemoRecords(input(seed, timeZone));

    it('has about 40 partners and 200 reps, and a few thousand touches at most', () => {
      expect(r.partners.length).toBeGreaterThanOrEqual(38);
      expect(r.partners.length).toBeLessThanOrEqual(42);
      expect(r.reps.length).toBeGreaterThanOrEqual(150);
      expect(r.reps.length).toBeLessThanOrEqual(260);
      expect(r.touches.length).toBeGreaterThan(1000);
      expect(r.touches.length).toBeLessThanOrEqual(5000);
      expect(r.referrals.length).toBeGreaterThan(60);
    });

    it('converts intros to deals within the 5–10 % benchmark, as a realistic program does', () => {
      const deals = r.referrals.filter((x) => ['deal', 'closed-won', 'closed-lost'].includes(x.stage)).length;
      const conversion = deals / r.referrals.length;
      expect(conversion).toBeGreaterThanOrEqual(INTRO_TO_DEAL_BENCHMARK.min);
      expect(conversion).toBeLessThanOrEqual(INTRO_TO_DEAL_BENCHMARK.max);
    });

    it('covers every partner type, archetype, program status and phase, with unique fictional names', () => {
      for (const list of ['partnerType', 'archetype', 'programStatus', 'phase'] as const) {
        const field = { partnerType: 'type', archetype: 'archetype', programStatus: 'programStatus', phase: 'phase' }[list];
        const seen = new Set(r.partners.map((p) => p[field as 'type']));
        expect([...seen].sort()).toEqual([...DEFAULT_OPTION_LISTS[list]].sort());
      }
      expect(new Set(r.partners.map((p) => p.name.toLowerCase())).size).toBe(r.partners.length);
      expect(r.partners.every((p) => p.domain?.endsWith('.example'))).toBe(true);
      expect(r.accounts.every((a) => a.domain.endsWith('.example'))).toBe(true);
    });

    it('has partners to pursue, polite passes and incomplete answers, and every IPP band', () => {
      const verdicts = r.partners.map(
        (p) =>
          qualify({
            icpMatch: p.icpMatch ?? null,
            namedAccountCount: p.namedAccounts.length,
            introMechanism: p.introMechanism ?? null,
            economicsOk: p.economicsOk ?? null,
          }).verdict,
      );
      expect(new Set(verdicts)).toEqual(new Set(['pursue', 'polite-pass', 'incomplete']));
      const bands = r.partners.map((p) => partnerStatusFor(ippScore(p), DEFAULT_IPP_BANDS));
      expect(new Set(bands)).toEqual(new Set([...PARTNER_STATUSES, null]));
      for (const p of r.partners) for (const d of IPP_DIMENSIONS) expect(p[d] ?? 0).toBeLessThanOrEqual(10);
      expect(r.partners.some((p) => p.enterpriseTier)).toBe(true);
      expect(r.partners.some((p) => isReviewedThisWeek(p.reviewedAt ?? null, timeZone, NOW, 1))).toBe(true);
      expect(r.partners.every((p) => !p.reviewedAt || p.reviewedAt <= NOW)).toBe(true);
    });

    it('has reps on their partner, more in tiers 3–4 than in tier 1, a few Jordans and time-wasters', () => {
      const emails = new Set<string>();
      for (const rep of r.reps) {
        const partner = r.partners[rep.partner]!;
        expect(rep.email?.endsWith(`@${partner.domain}`)).toBe(true);
        emails.add(rep.email!.toLowerCase());
      }
      expect(emails.size).toBe(r.reps.length);
      const tier = (t: number) => r.reps.filter((x) => x.engagementTier === t).length;
      expect(tier(3) + tier(4)).toBeGreaterThan(2 * tier(1));
      expect(tier(1)).toBeGreaterThan(0);
      expect(r.reps.filter((x) => isJordan(signalsOf(x))).length).toBeGreaterThanOrEqual(3);
      expect(r.reps.filter((x) => isTimeWaster(signalsOf(x))).length).toBeGreaterThanOrEqual(3);
    });

    it('has a year of touches of every kind, both ways, none in the future', () => {
      expect(new Set(r.touches.map((t) => t.kind))).toEqual(new Set(TOUCH_KINDS));
      expect(new Set(r.touches.map((t) => t.direction))).toEqual(new Set(['outbound', 'inbound']));
      for (const t of r.touches) {
        expect(t.occurredAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
        expect(calendarDateOf(t.occurredAt, timeZone) >= addDays(r.today, -366)).toBe(true);
        if (t.rep !== null) expect(r.reps[t.rep]!.partner).toBe(t.partner);
      }
    });

    it("schedules each rep's open follow-up from its last touch, with several overdue, due today and upcoming", () => {
      const last = new Map<number, string>();
      for (const t of r.touches) {
        const day = calendarDateOf(t.occurredAt, timeZone);
        if (t.rep !== null && day > (last.get(t.rep) ?? '')) last.set(t.rep, day);
      }
      const open = r.actions.filter((a) => a.status === 'open');
      for (const a of open.filter((x) => x.type === 'Follow-up' && x.rep !== null)) {
        const rep = r.reps[a.rep!]!;
        const expected = scheduleAfterTouch({
          touchDate: last.get(a.rep!)!,
          tier: rep.engagementTier,
          cadences: DEFAULT_CADENCE_DAYS,
          workingDays: DEFAULT_WORKING_DAYS,
        });
        expect(a.dueDate).toBe(expected.dueDate);
      }
      expect(open.filter((a) => a.dueDate < r.today).length).toBeGreaterThanOrEqual(5);
      expect(open.filter((a) => a.dueDate === r.today).length).toBeGreaterThanOrEqual(5);
      expect(open.filter((a) => a.dueDate > r.today && a.dueDate <= addDays(r.today, 7)).length).toBeGreaterThanOrEqual(5);
      for (const type of DEFAULT_OPTION_LISTS.actionType) {
        expect(r.actions.some((a) => a.type === type && a.status !== 'open')).toBe(true);
      }
      expect(r.actions.every((a) => (a.status === 'open') === (a.completedAt === null))).toBe(true);
      expect(r.actions.every((a) => !a.completedAt || a.completedAt <= NOW)).toBe(true);
    });

    it('has referrals at every stage, in whole cents, linked to reps of the same partner', () => {
      expect(new Set(r.referrals.map((x) => x.stage))).toEqual(new Set(REFERRAL_STAGES));
      for (const x of r.referrals) {
        expect(x.account).toBeLessThan(r.accounts.length);
        if (x.rep !== null) expect(r.reps[x.rep]!.partner).toBe(x.partner);
        if (x.amountMinor !== null) expect(Number.isInteger(x.amountMinor)).toBe(true);
        expect(x.introducedAt <= r.today).toBe(true);
        if (x.stage === 'closed-won' || x.stage === 'closed-lost') expect(x.expectedCloseDate! <= r.today).toBe(true);
      }
    });

    it('has one current 90-day plan at most per partner, in every status, and past ones', () => {
      const current = r.plans.filter((p) => p.isCurrent);
      expect(new Set(current.map((p) => p.partner)).size).toBe(current.length);
      expect(current.length).toBeGreaterThan(r.partners.length / 2);
      expect(r.plans.every((p) => p.endDate === planEndDate(p.startDate))).toBe(true);
      const effective = current.map((p) => {
        const progress = planProgress(
          p.metric,
          r.referrals.filter((x) => x.partner === p.partner),
          p,
        );
        const { target, startDate, endDate } = p;
        return effectivePlanStatus(p.status, suggestPlanStatus({ progress, target, startDate, endDate, today: r.today }));
      });
      expect(new Set(effective)).toEqual(new Set(PLAN_STATUSES));
      expect(current.filter((p) => p.status === null).length).toBeGreaterThan(current.length / 2);
      expect(r.plans.some((p) => !p.isCurrent && p.closedAt !== null && p.status !== null)).toBe(true);
    });
  });
});
