import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERRAL_STAGES } from './constants/enums';
import { performance, type ReferralForPerformance } from './performance';

const referralArb: fc.Arbitrary<ReferralForPerformance> = fc.record({
  stage: fc.constantFrom(...REFERRAL_STAGES),
  amountMinor: fc.option(fc.integer({ min: 0, max: 10_000_000_00 })),
});

describe('performance', () => {
  it('counts a small funnel', () => {
    const p = performance([
      { stage: 'intro', amountMinor: null },
      { stage: 'intro', amountMinor: 500_00 },
      { stage: 'qualified', amountMinor: null },
      { stage: 'deal', amountMinor: 12_000_00 },
      { stage: 'deal', amountMinor: null },
      { stage: 'closed-won', amountMinor: 30_000_00 },
      { stage: 'closed-lost', amountMinor: 8_000_00 },
    ]);
    expect(p).toEqual({
      introsMade: 7,
      qualifiedConversations: 5,
      dealsBroughtIn: 4,
      openDeals: 2,
      closedWon: 1,
      closedLost: 1,
      pipelineValueMinor: 12_000_00, // open deals only; won and lost amounts are not pipeline
      introToDealConversion: 4 / 7,
    });
  });

  it('has no conversion without intros', () => {
    expect(performance([])).toEqual({
      introsMade: 0,
      qualifiedConversations: 0,
      dealsBroughtIn: 0,
      openDeals: 0,
      closedWon: 0,
      closedLost: 0,
      pipelineValueMinor: 0,
      introToDealConversion: null,
    });
  });

  it('is a funnel for any referrals: each stage at most the one before', () => {
    fc.assert(
      fc.property(fc.array(referralArb), (refs) => {
        const p = performance(refs);
        expect(p.introsMade).toBe(refs.length);
        expect(p.qualifiedConversations).toBeLessThanOrEqual(p.introsMade);
        expect(p.dealsBroughtIn).toBeLessThanOrEqual(p.qualifiedConversations);
        expect(p.closedWon + p.closedLost + p.openDeals).toBe(p.dealsBroughtIn);
        expect(p.closedWon).toBeLessThanOrEqual(p.dealsBroughtIn);
        expect(p.pipelineValueMinor).toBe(refs.filter((r) => r.stage === 'deal').reduce((s, r) => s + (r.amountMinor ?? 0), 0));
        if (p.introToDealConversion !== null) {
          expect(p.introToDealConversion).toBeGreaterThanOrEqual(0);
          expect(p.introToDealConversion).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('moving a referral forward never lowers a cumulative count', () => {
    fc.assert(
      fc.property(fc.array(referralArb), fc.nat(), (refs, i) => {
        if (refs.length === 0) return;
        const at = i % refs.length;
        const before = performance(refs);
        const after = performance(refs.map((r, j) => (j === at ? { ...r, stage: 'closed-won' as const } : r)));
        expect(after.qualifiedConversations).toBeGreaterThanOrEqual(before.qualifiedConversations);
        expect(after.dealsBroughtIn).toBeGreaterThanOrEqual(before.dealsBroughtIn);
        expect(after.closedWon).toBeGreaterThanOrEqual(before.closedWon);
      }),
    );
  });
});
