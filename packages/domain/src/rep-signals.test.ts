import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar';
import {
  isJordan,
  isTimeWaster,
  type RepActivityFacts,
  type RepSignals,
  responseRate,
  suggestedTier,
  suggestedTierOf,
} from './rep-signals';

const NONE: RepSignals = {
  sharesAccountList: false,
  suggestsJointActivities: false,
  introsWithoutProof: false,
  responsive: false,
  stuckBuildingRapport: false,
  lipServiceOnly: false,
  expectsUsToBringEverything: false,
  waitsForDeals: false,
};
const JORDAN_KEYS = ['sharesAccountList', 'suggestsJointActivities', 'introsWithoutProof', 'responsive'] as const;
const WASTER_KEYS = ['stuckBuildingRapport', 'lipServiceOnly', 'expectsUsToBringEverything', 'waitsForDeals'] as const;

const signalsArb: fc.Arbitrary<RepSignals> = fc.record({
  sharesAccountList: fc.boolean(),
  suggestsJointActivities: fc.boolean(),
  introsWithoutProof: fc.boolean(),
  responsive: fc.boolean(),
  stuckBuildingRapport: fc.boolean(),
  lipServiceOnly: fc.boolean(),
  expectsUsToBringEverything: fc.boolean(),
  waitsForDeals: fc.boolean(),
});
const qualityArb = fc.option(fc.integer({ min: 1, max: 10 }));
const count = (s: RepSignals, keys: readonly (keyof RepSignals)[]) => keys.filter((k) => s[k]).length;

describe('isJordan', () => {
  it.each([
    ['quality 8, no signals', 8, NONE, true],
    ['quality 7, no signals', 7, NONE, false],
    ['quality 9 despite a time-waster signal', 9, { ...NONE, waitsForDeals: true }, true],
    [
      '3 Jordan signals, unscored',
      null,
      { ...NONE, sharesAccountList: true, suggestsJointActivities: true, responsive: true },
      true,
    ],
    ['2 Jordan signals', 5, { ...NONE, sharesAccountList: true, responsive: true }, false],
    [
      '4 Jordan signals and lip service',
      5,
      {
        ...NONE,
        sharesAccountList: true,
        suggestsJointActivities: true,
        introsWithoutProof: true,
        responsive: true,
        lipServiceOnly: true,
      },
      false,
    ],
  ])('%s → %s', (_, qualityScore, signals, expected) => {
    expect(isJordan({ qualityScore, signals })).toBe(expected);
  });

  it('is exactly: quality ≥ 8, or ≥ 3 Jordan signals and no time-waster signal', () => {
    fc.assert(
      fc.property(qualityArb, signalsArb, (qualityScore, signals) => {
        const expected = (qualityScore ?? 0) >= 8 || (count(signals, JORDAN_KEYS) >= 3 && count(signals, WASTER_KEYS) === 0);
        expect(isJordan({ qualityScore, signals })).toBe(expected);
      }),
    );
  });

  it('adding a Jordan signal never takes Jordan status away', () => {
    fc.assert(
      fc.property(qualityArb, signalsArb, fc.constantFrom(...JORDAN_KEYS), (qualityScore, signals, key) => {
        if (isJordan({ qualityScore, signals }))
          expect(isJordan({ qualityScore, signals: { ...signals, [key]: true } })).toBe(true);
      }),
    );
  });
});

describe('isTimeWaster', () => {
  it.each([
    ['no signals, unscored', null, NONE, false],
    ['quality 3', 3, NONE, true],
    ['quality 4', 4, NONE, false],
    ['waits for deals', 6, { ...NONE, waitsForDeals: true }, true],
    ['quality 8 with a time-waster signal is a Jordan, not a time-waster', 8, { ...NONE, waitsForDeals: true }, false],
  ])('%s → %s', (_, qualityScore, signals, expected) => {
    expect(isTimeWaster({ qualityScore, signals })).toBe(expected);
  });

  it('is never true of a Jordan, and is true of any other rep with a signal or quality ≤ 3', () => {
    fc.assert(
      fc.property(qualityArb, signalsArb, (qualityScore, signals) => {
        const rep = { qualityScore, signals };
        if (isJordan(rep)) expect(isTimeWaster(rep)).toBe(false);
        else expect(isTimeWaster(rep)).toBe(count(signals, WASTER_KEYS) > 0 || (qualityScore !== null && qualityScore <= 3));
      }),
    );
  });
});

describe('suggestedTier', () => {
  const today = '2026-03-31';
  const facts = (f: Partial<RepActivityFacts>): RepActivityFacts => ({
    hasOpenDeal: false,
    lastInboundDate: null,
    lastTouchDate: null,
    lastReferralDate: null,
    referralCount: 0,
    ...f,
  });

  it.each([
    ['an open deal', facts({ hasOpenDeal: true }), 1],
    ['an inbound reply 30 days ago', facts({ lastInboundDate: '2026-03-01', lastTouchDate: '2026-03-01' }), 2],
    ['an inbound reply 31 days ago', facts({ lastInboundDate: '2026-02-28', lastTouchDate: '2026-02-28' }), 3],
    ['a touch 90 days ago', facts({ lastTouchDate: '2025-12-31' }), 3],
    ['a touch 91 days ago', facts({ lastTouchDate: '2025-12-30' }), 4],
    ['nothing at all', facts({}), 4],
    ['many old referrals but no open deal', facts({ referralCount: 5, lastReferralDate: '2025-01-01' }), 4],
  ])('%s → tier %i', (_, f, tier) => {
    expect(suggestedTier(f, today)).toBe(tier);
  });

  it('suggests nothing for a new rep without history, and the rule otherwise', () => {
    expect(suggestedTierOf(facts({}), today, today)).toBeNull();
    expect(suggestedTierOf(facts({}), '2025-12-31', today)).toBeNull();
    expect(suggestedTierOf(facts({}), '2025-12-30', today)).toBe(4);
    expect(suggestedTierOf(facts({ lastTouchDate: '2025-01-01' }), today, today)).toBe(4);
    expect(suggestedTierOf(facts({ referralCount: 1, lastReferralDate: '2025-01-01' }), today, today)).toBe(4);
    expect(suggestedTierOf(facts({ hasOpenDeal: true }), today, today)).toBe(1);
  });

  it('withholds a suggestion exactly while the rep is younger than the touch window and has no history', () => {
    const dateArb = fc.option(fc.integer({ min: -400, max: 0 }).map((n) => addDays(today, n)));
    fc.assert(
      fc.property(
        fc.boolean(),
        dateArb,
        dateArb,
        fc.nat(3),
        fc.integer({ min: -400, max: 0 }),
        (hasOpenDeal, lastInboundDate, lastTouchDate, referralCount, addedAgo) => {
          // An inbound reply is a touch: the facts never hold one without a last touch.
          const f = facts({ hasOpenDeal, lastInboundDate: lastTouchDate && lastInboundDate, lastTouchDate, referralCount });
          const addedOn = addDays(today, addedAgo);
          const history = hasOpenDeal || lastTouchDate !== null || referralCount > 0;
          const suggestion = suggestedTierOf(f, addedOn, today);
          if (!history && addedAgo >= -90) expect(suggestion).toBeNull();
          else expect(suggestion).toBe(suggestedTier(f, today));
        },
      ),
    );
  });

  it('follows the rule order for any facts', () => {
    const dateArb = fc.option(fc.integer({ min: -400, max: 5 }).map((n) => addDays(today, n)));
    fc.assert(
      fc.property(fc.boolean(), dateArb, dateArb, (hasOpenDeal, lastInboundDate, lastTouchDate) => {
        const tier = suggestedTier(facts({ hasOpenDeal, lastInboundDate, lastTouchDate }), today);
        const within = (d: string | null, n: number) => d !== null && d >= addDays(today, -n);
        const expected = hasOpenDeal ? 1 : within(lastInboundDate, 30) ? 2 : within(lastTouchDate, 90) ? 3 : 4;
        expect(tier).toBe(expected);
      }),
    );
  });
});

describe('responseRate', () => {
  const today = '2026-06-30';
  const tz = 'America/Los_Angeles';

  it('is inbound ÷ outbound over the last 180 days', () => {
    const touches = [
      { direction: 'outbound' as const, occurredAt: '2026-06-01T17:00:00Z' },
      { direction: 'outbound' as const, occurredAt: '2026-05-01T17:00:00Z' },
      { direction: 'outbound' as const, occurredAt: '2026-04-01T17:00:00Z' },
      { direction: 'outbound' as const, occurredAt: '2026-03-01T17:00:00Z' },
      { direction: 'inbound' as const, occurredAt: '2026-06-02T17:00:00Z' },
      // Older than 180 days: not counted.
      { direction: 'outbound' as const, occurredAt: '2025-01-01T05:00:00Z' },
    ];
    expect(responseRate({ touches, today, timeZone: tz })).toBe(0.25);
  });

  it('counts the first day of the window in the workspace time zone', () => {
    // 2026-06-30 − 180 days = 2026-01-01. 07:00Z on 1 Jan is 31 Dec 23:00 in Los Angeles: outside.
    const outside = { direction: 'outbound' as const, occurredAt: '2026-01-01T07:00:00Z' };
    const inside = { direction: 'outbound' as const, occurredAt: '2026-01-01T08:00:00Z' };
    const reply = { direction: 'inbound' as const, occurredAt: '2026-06-01T17:00:00Z' };
    expect(responseRate({ touches: [outside, reply], today, timeZone: tz })).toBeNull();
    expect(responseRate({ touches: [inside, reply], today, timeZone: tz })).toBe(1);
    expect(responseRate({ touches: [outside, reply], today, timeZone: 'UTC' })).toBe(1);
  });

  it('is null without outbound touches, and between 0 and 1 otherwise', () => {
    expect(responseRate({ touches: [], today, timeZone: tz })).toBeNull();
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            direction: fc.constantFrom('inbound' as const, 'outbound' as const),
            occurredAt: fc
              .date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2026-06-30T00:00:00Z'), noInvalidDate: true })
              .map((d) => d.toISOString()),
          }),
        ),
        (touches) => {
          const rate = responseRate({ touches, today, timeZone: tz });
          const recentOutbound = touches.filter((t) => t.direction === 'outbound' && t.occurredAt >= '2026-01-01T08:00:00.000Z');
          if (recentOutbound.length === 0) expect(rate).toBeNull();
          else {
            expect(rate).not.toBeNull();
            expect(rate!).toBeGreaterThanOrEqual(0);
            expect(rate!).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
