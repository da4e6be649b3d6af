import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysSinceLastTouch } from './activity';
import { addDays } from './calendar';

describe('daysSinceLastTouch', () => {
  it.each([
    [null, '2026-03-01', null],
    ['2026-03-01', '2026-03-01', 0],
    ['2026-02-28', '2026-03-01', 1],
    ['2025-03-01', '2026-03-01', 365],
    ['2026-03-02', '2026-03-01', -1], // a touch dated tomorrow
  ])('last touch %s, today %s → %s', (last, today, days) => {
    expect(daysSinceLastTouch(last, today)).toBe(days);
  });

  it('is n for a touch n days ago', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (n) => {
        expect(daysSinceLastTouch(addDays('2026-03-01', -n), '2026-03-01')).toBe(n);
      }),
    );
  });
});
