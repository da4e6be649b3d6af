import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cadences, cadenceDays, DEFAULT_CADENCE_DAYS, isTier, scheduleAfterTouch, TIERS, type Tier } from './cadence';
import { addDays, dayOfWeek, daysBetween } from './calendar';

const dateArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const tierArb = fc.constantFrom<Tier>(...TIERS);
const cadencesArb: fc.Arbitrary<Cadences> = fc.record({
  1: fc.integer({ min: 1, max: 730 }),
  2: fc.integer({ min: 1, max: 730 }),
  3: fc.integer({ min: 1, max: 730 }),
  4: fc.integer({ min: 1, max: 730 }),
});

describe('scheduleAfterTouch', () => {
  it.each([
    [1, '2026-02-04', '2026-02-11'],
    [2, '2026-02-04', '2026-02-18'],
    [3, '2026-02-04', '2026-03-06'],
    [4, '2026-02-04', '2026-05-05'],
    [null, '2026-02-04', '2026-03-06'], // no tier: tier 3's cadence
  ] as const)('a tier %s rep touched on %s is followed up on %s', (tier, touchDate, due) => {
    expect(scheduleAfterTouch({ touchDate, tier, cadences: DEFAULT_CADENCE_DAYS })).toEqual({ dueDate: due, type: 'Follow-up' });
  });

  it('schedules at touch date + the tier cadence for every tier and any cadences', () => {
    fc.assert(
      fc.property(dateArb, fc.option(tierArb), cadencesArb, (touchDate, tier, cadences) => {
        const { dueDate, type } = scheduleAfterTouch({ touchDate, tier, cadences });
        expect(daysBetween(touchDate, dueDate)).toBe(cadences[tier ?? 3]);
        expect(type).toBe('Follow-up');
      }),
    );
  });

  it('moves a cadence date off a non-working day to the next working day', () => {
    // 2026-02-04 is a Wednesday; + 10 days is Saturday 14th → Monday 16th.
    const cadences = { ...DEFAULT_CADENCE_DAYS, 1: 10 };
    expect(scheduleAfterTouch({ touchDate: '2026-02-04', tier: 1, cadences, workingDays: [1, 2, 3, 4, 5] }).dueDate).toBe(
      '2026-02-16',
    );
    fc.assert(
      fc.property(dateArb, fc.option(tierArb), cadencesArb, (touchDate, tier, cadences) => {
        const { dueDate } = scheduleAfterTouch({ touchDate, tier, cadences, workingDays: [1, 2, 3, 4, 5] });
        expect([0, 6]).not.toContain(dayOfWeek(dueDate));
        const late = daysBetween(addDays(touchDate, cadences[tier ?? 3]), dueDate);
        expect(late).toBeGreaterThanOrEqual(0);
        expect(late).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('keeps a date the user picked, even on a weekend', () => {
    expect(
      scheduleAfterTouch({
        touchDate: '2026-02-04',
        tier: 1,
        cadences: DEFAULT_CADENCE_DAYS,
        workingDays: [1, 2, 3, 4, 5],
        override: { dueDate: '2026-02-07' },
      }).dueDate,
    ).toBe('2026-02-07');
  });

  it('lets the user’s date and action type win', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.option(tierArb),
        cadencesArb,
        dateArb,
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        (touchDate, tier, cadences, picked, type) => {
          expect(scheduleAfterTouch({ touchDate, tier, cadences, override: { dueDate: picked, type } })).toEqual({
            dueDate: picked,
            type: type.trim(),
          });
          // Only the date: the type stays the default; only the type: the date stays the cadence's.
          expect(scheduleAfterTouch({ touchDate, tier, cadences, override: { dueDate: picked } }).type).toBe('Follow-up');
          expect(scheduleAfterTouch({ touchDate, tier, cadences, override: { type } }).dueDate).toBe(
            addDays(touchDate, cadences[tier ?? 3]),
          );
        },
      ),
    );
  });

  it('ignores a blank action type', () => {
    expect(
      scheduleAfterTouch({ touchDate: '2026-01-01', tier: 1, cadences: DEFAULT_CADENCE_DAYS, override: { type: '  ' } }).type,
    ).toBe('Follow-up');
  });
});

describe('cadence defaults', () => {
  it('follow docs/RULES.md: weekly, fortnightly, monthly, quarterly', () => {
    expect(DEFAULT_CADENCE_DAYS).toEqual({ 1: 7, 2: 14, 3: 30, 4: 90 });
    expect(cadenceDays(null, DEFAULT_CADENCE_DAYS)).toBe(30);
  });

  it.each([
    [1, true],
    [4, true],
    [0, false],
    [5, false],
    ['1', false],
    [null, false],
  ])('isTier(%s) → %s', (v, ok) => {
    expect(isTier(v)).toBe(ok);
  });
});
