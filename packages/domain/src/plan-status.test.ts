import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './calendar';
import { PLAN_METRICS, REFERRAL_STAGES } from './constants/enums';
import { countsTowards, effectivePlanStatus, planEndDate, planProgress, suggestPlanStatus } from './plan-status';

const start = '2026-01-15';
const end = planEndDate(start);

describe('planEndDate', () => {
  it('is 90 days after the start', () => {
    expect(end).toBe('2026-04-15');
    expect(daysBetween(start, end)).toBe(90);
  });
});

describe('suggestPlanStatus', () => {
  const at = (today: string, progress: number, target = 3) =>
    suggestPlanStatus({ progress, target, startDate: start, endDate: end, today });

  it.each([
    ['target reached on day 1', '2026-01-16', 3, 'delivered'],
    ['target reached after the end', '2026-06-01', 4, 'delivered'],
    ['day 29, nothing yet: too early to judge', '2026-02-13', 0, 'on-track'],
    ['day 30, nothing yet', '2026-02-14', 0, 'at-risk'],
    // Day 60 of 90 with target 3: pro-rated 2, half of it 1 — one conversation is not under it.
    ['day 60, 1 of 3', '2026-03-16', 1, 'on-track'],
    ['day 61, 1 of 3', '2026-03-17', 1, 'at-risk'],
    ['the last day, 2 of 3', '2026-04-15', 2, 'on-track'],
    ['the day after the end, 2 of 3', '2026-04-16', 2, 'failed'],
    ['before it starts', '2026-01-01', 0, 'on-track'],
  ])('%s → %s', (_, today, progress, status) => {
    expect(at(today, progress)).toBe(status);
  });

  const planArb = fc.record({
    progress: fc.integer({ min: 0, max: 20 }),
    target: fc.integer({ min: 1, max: 20 }),
    offset: fc.integer({ min: -30, max: 200 }),
    duration: fc.integer({ min: 0, max: 200 }),
  });

  it('is delivered iff progress ≥ target, whatever the dates', () => {
    fc.assert(
      fc.property(planArb, ({ progress, target, offset, duration }) => {
        const status = suggestPlanStatus({
          progress,
          target,
          startDate: start,
          endDate: addDays(start, duration),
          today: addDays(start, offset),
        });
        expect(status === 'delivered').toBe(progress >= target);
      }),
    );
  });

  it('fails only after the end date, and then always unless delivered', () => {
    fc.assert(
      fc.property(planArb, ({ progress, target, offset, duration }) => {
        const endDate = addDays(start, duration);
        const today = addDays(start, offset);
        const status = suggestPlanStatus({ progress, target, startDate: start, endDate, today });
        expect(status === 'failed').toBe(today > endDate && progress < target);
      }),
    );
  });

  it('is at risk only 30+ days in and below half the pro-rated target', () => {
    fc.assert(
      fc.property(planArb, ({ progress, target, offset, duration }) => {
        const endDate = addDays(start, duration);
        const today = addDays(start, offset);
        const status = suggestPlanStatus({ progress, target, startDate: start, endDate, today });
        if (status === 'at-risk') {
          expect(offset).toBeGreaterThanOrEqual(30);
          expect(progress).toBeLessThan((target * offset) / Math.max(duration, 1) / 2);
        }
        if (status === 'on-track' && offset >= 30 && today <= endDate) {
          expect(progress).toBeGreaterThanOrEqual((target * offset) / Math.max(duration, 1) / 2);
        }
      }),
    );
  });
});

describe('planProgress', () => {
  const refs = [
    { stage: 'intro' as const, introducedAt: '2026-01-14' }, // before the plan
    { stage: 'intro' as const, introducedAt: '2026-01-15' },
    { stage: 'qualified' as const, introducedAt: '2026-02-01' },
    { stage: 'deal' as const, introducedAt: '2026-03-01' },
    { stage: 'closed-won' as const, introducedAt: '2026-04-15' },
    { stage: 'closed-lost' as const, introducedAt: '2026-04-16' }, // after the plan
  ];

  it.each([
    ['intros', 4],
    ['qualified-conversations', 3],
    ['deals', 2],
    ['closed-won', 1],
  ] as const)('counts %s within the plan, both ends included: %i', (metric, n) => {
    expect(planProgress(metric, refs, { startDate: start, endDate: end })).toBe(n);
  });

  it('counts the cumulative funnel: a stricter metric never counts more', () => {
    for (const stage of REFERRAL_STAGES) {
      const counted = PLAN_METRICS.map((m) => countsTowards(m, stage));
      // PLAN_METRICS order is qualified, intros, deals, closed-won; intros counts everything.
      expect(countsTowards('intros', stage)).toBe(true);
      if (countsTowards('closed-won', stage)) expect(countsTowards('deals', stage)).toBe(true);
      if (countsTowards('deals', stage)) expect(countsTowards('qualified-conversations', stage)).toBe(true);
      expect(counted).toHaveLength(4);
    }
  });
});

describe('effectivePlanStatus', () => {
  it('keeps the status the user set', () => {
    expect(effectivePlanStatus('at-risk', 'delivered')).toBe('at-risk');
    expect(effectivePlanStatus(null, 'delivered')).toBe('delivered');
  });
});
