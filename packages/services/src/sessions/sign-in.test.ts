import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCKOUT_AFTER_FAILURES, lockSeconds } from './sign-in';

describe('the sign-in lockout', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 60],
    [6, 120],
    [7, 240],
    [10, 1920],
    [11, 3600],
    [50, 3600],
  ])('after %i failures in a row waits %i seconds', (failures, seconds) => {
    expect(lockSeconds(failures)).toBe(seconds);
  });

  it('never shortens with more failures and never exceeds an hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (failures) => {
        const wait = lockSeconds(failures);
        expect(wait).toBeLessThanOrEqual(3600);
        expect(lockSeconds(failures + 1)).toBeGreaterThanOrEqual(wait);
        expect(wait > 0).toBe(failures >= LOCKOUT_AFTER_FAILURES);
      }),
    );
  });
});
