import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDateOf,
  dayOfWeek,
  daysBetween,
  isIsoDate,
  isReviewedThisWeek,
  isValidTimeZone,
  nextWorkingDay,
  spreadOverWorkingDays,
  startOfWeek,
  todayIn,
  type WeekStartsOn,
} from './calendar';

const ZONES = [
  'UTC',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Santiago',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Europe/London',
  'Europe/Paris',
];

/** The reference: what Intl says the calendar day is. */
function intlDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    instant,
  );
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

const isoDateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('isIsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['2025-01-01T00:00:00Z', false],
    ['', false],
    [20250101, false],
    [null, false],
  ])('%s → %s', (input, ok) => {
    expect(isIsoDate(input)).toBe(ok);
  });
});

describe('addDays and daysBetween', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-08', 1, '2026-03-09'], // a DST change in the US changes nothing for calendar days
    ['2026-01-15', 90, '2026-04-15'],
    ['0050-06-01', 1, '0050-06-02'], // years below 100 are not read as 19xx
  ])('%s + %i = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
  });

  it('daysBetween(d, addDays(d, n)) = n for any day and any n', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -20_000, max: 20_000 }), (d, n) => {
        const later = addDays(d, n);
        expect(isIsoDate(later)).toBe(true);
        expect(daysBetween(d, later)).toBe(n);
        expect(daysBetween(later, d) + n).toBe(0);
      }),
    );
  });

  it('keeps chronological and lexicographic order the same', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 1, max: 1000 }), (d, n) => {
        expect(addDays(d, n) > d).toBe(true);
      }),
    );
  });

  it('refuses fractional days', () => {
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });
});

describe('startOfWeek', () => {
  it.each([
    ['2026-03-04', 1, '2026-03-02'], // Wednesday → Monday
    ['2026-03-02', 1, '2026-03-02'], // Monday is its own week start
    ['2026-03-01', 1, '2026-02-23'], // Sunday belongs to the week begun the Monday before
    ['2026-03-01', 0, '2026-03-01'],
    ['2026-03-07', 6, '2026-03-07'],
    ['2026-03-06', 6, '2026-02-28'],
  ] as const)('%s with weeks from day %i → %s', (date, ws, expected) => {
    expect(startOfWeek(date, ws)).toBe(expected);
  });

  it('is on the requested weekday and within the 6 days before', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 0, max: 6 }), (d, ws) => {
        const start = startOfWeek(d, ws as WeekStartsOn);
        expect(dayOfWeek(start)).toBe(ws);
        const back = daysBetween(start, d);
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThanOrEqual(6);
      }),
    );
  });

  it('dayOfWeek agrees with JavaScript', () => {
    fc.assert(
      fc.property(isoDateArb, (d) => {
        expect(dayOfWeek(d)).toBe(new Date(`${d}T12:00:00Z`).getUTCDay());
      }),
    );
  });
});

describe('nextWorkingDay', () => {
  const MON_FRI = [1, 2, 3, 4, 5];
  it.each([
    ['2026-03-07', MON_FRI, '2026-03-09'], // Saturday → Monday
    ['2026-03-08', MON_FRI, '2026-03-09'], // Sunday → Monday
    ['2026-03-04', MON_FRI, '2026-03-04'], // a Wednesday stays
    ['2026-03-06', [0, 1, 2, 3, 4], '2026-03-08'], // Sunday–Thursday week: Friday → Sunday
    ['2026-03-07', [], '2026-03-07'], // no working days set: nothing moves
  ] as const)('%s with working days %j → %s', (date, days, expected) => {
    expect(nextWorkingDay(date, days)).toBe(expected);
  });

  it('is the first working day on or after the date', () => {
    const daysArb = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(isoDateArb, daysArb, (d, days) => {
        const moved = nextWorkingDay(d, days);
        const shift = daysBetween(d, moved);
        expect(shift).toBeGreaterThanOrEqual(0);
        expect(shift).toBeLessThanOrEqual(6);
        expect(days).toContain(dayOfWeek(moved));
        for (let n = 0; n < shift; n++) expect(days).not.toContain(dayOfWeek(addDays(d, n)));
        expect(nextWorkingDay(moved, days)).toBe(moved);
      }),
    );
  });
});

describe('spreadOverWorkingDays', () => {
  it('puts perDay items on each working day, in order, skipping the weekend', () => {
    // Thursday 5 March 2026, 2 a day: Thu, Thu, Fri, Fri, Mon.
    expect(spreadOverWorkingDays(5, '2026-03-05', 2, [1, 2, 3, 4, 5])).toEqual([
      '2026-03-05',
      '2026-03-05',
      '2026-03-06',
      '2026-03-06',
      '2026-03-09',
    ]);
  });

  it('never puts more than perDay on a day, uses only working days, and never goes back in time', () => {
    const daysArb = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        isoDateArb,
        fc.integer({ min: 1, max: 10 }),
        daysArb,
        (n, start, perDay, days) => {
          const spread = spreadOverWorkingDays(n, start, perDay, days);
          expect(spread).toHaveLength(n);
          const perDate = new Map<string, number>();
          for (const [i, d] of spread.entries()) {
            expect(d >= start).toBe(true);
            expect(days).toContain(dayOfWeek(d));
            if (i > 0) expect(d >= spread[i - 1]!).toBe(true);
            perDate.set(d, (perDate.get(d) ?? 0) + 1);
          }
          for (const count of perDate.values()) expect(count).toBeLessThanOrEqual(perDay);
          // Full days before the last one: the spread is as tight as perDay allows.
          expect(perDate.size).toBe(Math.ceil(n / perDay));
        },
      ),
    );
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Europe/Paris', true],
    ['Pacific/Auckland', true],
    ['America/Argentina/Buenos_Aires', true],
    ['UTC', true],
    ['Etc/GMT+5', true],
    ['Mars/Olympus_Mons', false],
    ['+05:00', false], // PostgreSQL would read the offset with the opposite sign
    ['', false],
    ['Europe/Paris; drop table partners', false],
  ])('%s → %s', (tz, ok) => {
    expect(isValidTimeZone(tz)).toBe(ok);
  });
});

describe('calendarDateOf and todayIn', () => {
  it.each([
    // Auckland in March is on NZDT (+13): 10:59Z is 23:59 the same day, 11:00Z the next midnight.
    ['2026-03-01T10:59:00Z', 'Pacific/Auckland', '2026-03-01'],
    ['2026-03-01T11:00:00Z', 'Pacific/Auckland', '2026-03-02'],
    // NZDT ends 2026-04-05 03:00 → 02:00: after it Auckland is +12, so 11:30Z is still the 5th.
    ['2026-04-05T11:30:00Z', 'Pacific/Auckland', '2026-04-05'],
    ['2026-04-05T12:00:00Z', 'Pacific/Auckland', '2026-04-06'],
    // NZDT starts 2026-09-27 02:00 → 03:00: midnight of the 28th is 11:00Z.
    ['2026-09-27T10:59:00Z', 'Pacific/Auckland', '2026-09-27'],
    ['2026-09-27T11:00:00Z', 'Pacific/Auckland', '2026-09-28'],
    // Los Angeles on PST (−8) before 2026-03-08: midnight of 2 March is 08:00Z.
    ['2026-03-02T07:59:00Z', 'America/Los_Angeles', '2026-03-01'],
    ['2026-03-02T08:00:00Z', 'America/Los_Angeles', '2026-03-02'],
    // 2026-03-08 has 23 hours there; on PDT (−7) midnight of the 9th is 07:00Z.
    ['2026-03-09T06:30:00Z', 'America/Los_Angeles', '2026-03-08'],
    ['2026-03-09T07:00:00Z', 'America/Los_Angeles', '2026-03-09'],
    // The same instant is on different days on either side of the date line.
    ['2026-06-15T12:30:00Z', 'Pacific/Kiritimati', '2026-06-16'],
    ['2026-06-15T12:30:00Z', 'Pacific/Pago_Pago', '2026-06-15'],
    ['2026-06-15T18:14:00Z', 'Asia/Kathmandu', '2026-06-15'],
    ['2026-06-15T18:15:00Z', 'Asia/Kathmandu', '2026-06-16'],
  ])('%s in %s is %s', (instant, tz, expected) => {
    expect(calendarDateOf(new Date(instant), tz)).toBe(expected);
    expect(todayIn(tz, new Date(instant))).toBe(expected);
  });

  it('agrees with Intl.DateTimeFormat for any instant and zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        (instant, tz) => {
          expect(calendarDateOf(instant, tz)).toBe(intlDate(instant, tz));
          expect(todayIn(tz, instant)).toBe(intlDate(instant, tz));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is never more than a day from the UTC date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        (instant, tz) => {
          expect(Math.abs(daysBetween(instant.toISOString().slice(0, 10), calendarDateOf(instant, tz)))).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('refuses an invalid instant', () => {
    expect(() => calendarDateOf(new Date('nope'), 'UTC')).toThrow(RangeError);
  });
});

describe('isReviewedThisWeek', () => {
  // Wednesday 2026-03-04, 09:00 in Auckland (NZDT, +13); weeks start on Monday 2026-03-02.
  const now = new Date('2026-03-03T20:00:00Z');
  const tz = 'Pacific/Auckland';

  it.each([
    [null, false],
    ['2026-03-01T11:00:00Z', true], // Monday 00:00 in Auckland
    ['2026-03-01T10:59:00Z', false], // Sunday 23:59 in Auckland, though Monday in UTC terms is later
    ['2026-03-03T19:00:00Z', true],
    ['2026-02-20T00:00:00Z', false],
  ])('reviewed at %s → %s', (at, expected) => {
    expect(isReviewedThisWeek(at === null ? null : new Date(at), tz, now, 1)).toBe(expected);
  });

  it('depends on the week start', () => {
    // Sunday 2026-03-01 in Auckland: reviewed this week only if weeks start on Sunday.
    const sunday = new Date('2026-03-01T01:00:00Z');
    expect(isReviewedThisWeek(sunday, tz, now, 0)).toBe(true);
    expect(isReviewedThisWeek(sunday, tz, now, 1)).toBe(false);
  });

  it('a review just now always counts; one 7 days ago never does', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 6 }),
        (at, tz2, ws) => {
          expect(isReviewedThisWeek(at, tz2, at, ws as WeekStartsOn)).toBe(true);
          const weekAgo = new Date(at.getTime() - 7 * 86_400_000 - 3_600_000 * 2);
          expect(isReviewedThisWeek(weekAgo, tz2, at, ws as WeekStartsOn)).toBe(false);
        },
      ),
    );
  });
});
