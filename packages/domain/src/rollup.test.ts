import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIERS, type Tier } from './cadence';
import { addDays } from './calendar';
import { compareOpenActions, type OpenActionForRollup, partnerRollup, type RepForRollup } from './rollup';

const today = '2026-03-31';
const rep = (r: Partial<RepForRollup> & { id: string }): RepForRollup => ({
  name: r.id,
  engagementTier: null,
  isJordan: false,
  hasOpenDeal: false,
  lastInboundDate: null,
  lastTouchDate: null,
  lastReferralDate: null,
  referralCount: 0,
  ...r,
});
const action = (a: Partial<OpenActionForRollup> & { id: string }): OpenActionForRollup => ({
  dueDate: '2026-04-01',
  type: 'Follow-up',
  repId: null,
  repName: null,
  notes: null,
  ...a,
});

describe('partnerRollup', () => {
  it('summarises a partner’s reps and actions', () => {
    const r = partnerRollup({
      today,
      reps: [
        rep({ id: 'a', name: 'zoe', engagementTier: 1, isJordan: true, hasOpenDeal: true, referralCount: 2 }),
        rep({ id: 'b', name: 'Adam', engagementTier: 2, lastInboundDate: '2026-01-01', referralCount: 1 }), // inbound 89 days ago
        rep({ id: 'c', name: 'Ben', engagementTier: 1, lastReferralDate: '2026-01-01', referralCount: 1 }),
        rep({ id: 'd', name: 'Cy', engagementTier: 4, lastInboundDate: '2025-12-31' }), // 90 days ago: still counts
        rep({ id: 'e', name: 'Di', engagementTier: null, lastInboundDate: '2025-12-30' }), // 91 days: not engaged
        rep({ id: 'f', name: 'Ed', engagementTier: 3, lastReferralDate: '2025-06-01', referralCount: 3 }),
      ],
      openActions: [
        action({ id: '3', dueDate: '2026-04-02' }),
        action({ id: '2', dueDate: '2026-03-20', type: 'Intro Request', repId: 'a', repName: 'zoe', notes: 'ask for the list' }),
        action({ id: '1', dueDate: '2026-03-20', type: 'Intro Request' }),
        action({ id: '0', dueDate: '2026-03-20', type: 'Account Research' }),
      ],
    });
    expect(r).toEqual({
      repsPerTier: { 1: 2, 2: 1, 3: 1, 4: 1 },
      totalReps: 6,
      tier12RepNames: ['Ben', 'zoe', 'Adam'], // tier 1 before tier 2; names ignoring case
      jordanCount: 1,
      repsBringingDeals: 2, // zoe (open deal), Ben (referral in 90 days)
      repsEngaged: 2, // Adam, Cy
      totalEngaged: 4,
      repsWhoDeliver: 4,
      nextAction: action({ id: '0', dueDate: '2026-03-20', type: 'Account Research' }),
    });
  });

  it('has no next action without open actions', () => {
    expect(partnerRollup({ reps: [], openActions: [], today }).nextAction).toBeNull();
  });

  it('breaks name ties by id and orders names by code point, as collate "C" does', () => {
    const r = partnerRollup({
      today,
      reps: [
        rep({ id: '2', name: 'Ann', engagementTier: 1 }),
        rep({ id: '1', name: 'ann', engagementTier: 1 }),
        rep({ id: '3', name: 'Émile', engagementTier: 1 }),
        rep({ id: '4', name: 'zed', engagementTier: 1 }),
      ],
      openActions: [],
    });
    expect(r.tier12RepNames).toEqual(['ann', 'Ann', 'zed', 'Émile']);
  });

  const dateArb = fc.option(fc.integer({ min: -200, max: 3 }).map((n) => addDays(today, n)));
  const repArb = fc.record({
    id: fc.uuid(),
    name: fc.string({ maxLength: 8 }),
    engagementTier: fc.option(fc.constantFrom<Tier>(...TIERS)),
    isJordan: fc.boolean(),
    hasOpenDeal: fc.boolean(),
    lastInboundDate: dateArb,
    lastTouchDate: dateArb,
    lastReferralDate: dateArb,
    referralCount: fc.nat({ max: 5 }),
  });
  const actionArb = fc.record({
    id: fc.uuid(),
    dueDate: fc.integer({ min: -30, max: 30 }).map((n) => addDays(today, n)),
    type: fc.constantFrom('Follow-up', 'Account Research', 'Intro Request', 'Deal Support', 'Co-Marketing'),
    repId: fc.option(fc.uuid()),
    repName: fc.option(fc.string()),
    notes: fc.option(fc.string()),
  });

  it('keeps its counts consistent for any reps', () => {
    fc.assert(
      fc.property(fc.array(repArb, { maxLength: 30 }), (reps) => {
        const r = partnerRollup({ reps, openActions: [], today });
        expect(r.totalEngaged).toBe(r.repsBringingDeals + r.repsEngaged);
        expect(r.totalEngaged).toBeLessThanOrEqual(r.totalReps);
        expect(TIERS.reduce((s, t) => s + r.repsPerTier[t], 0)).toBe(reps.filter((x) => x.engagementTier !== null).length);
        expect(r.tier12RepNames).toHaveLength(r.repsPerTier[1] + r.repsPerTier[2]);
        expect(r.jordanCount).toBe(reps.filter((x) => x.isJordan).length);
        expect(r.repsWhoDeliver).toBe(reps.filter((x) => x.referralCount > 0).length);
        expect(r.repsBringingDeals).toBe(
          reps.filter((x) => x.hasOpenDeal || (x.lastReferralDate ?? '') >= addDays(today, -90)).length,
        );
      }),
    );
  });

  it('picks the earliest open action, whatever the input order', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 20 }), (actions) => {
        const next = partnerRollup({ reps: [], openActions: actions, today }).nextAction!;
        for (const a of actions) expect(compareOpenActions(next, a)).toBeLessThanOrEqual(0);
        expect(actions.map((a) => a.id)).toContain(next.id);
        const reversed = partnerRollup({ reps: [], openActions: [...actions].reverse(), today }).nextAction;
        expect(reversed).toEqual(next);
      }),
    );
  });

  it('does not reorder the caller’s reps', () => {
    const reps = [rep({ id: 'b', engagementTier: 2 }), rep({ id: 'a', engagementTier: 1 })];
    partnerRollup({ reps, openActions: [], today });
    expect(reps.map((r) => r.id)).toEqual(['b', 'a']);
  });
});
