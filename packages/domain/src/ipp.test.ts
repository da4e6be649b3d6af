import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IPP_BANDS, IPP_DIMENSIONS, type IppBands, ippScore, partnerStatusFor, validIppBands } from './ipp';

const full = { icpAlignment: 8, revenuePathClarity: 9, archetypeFit: 7, economics: 8, strategicValue: 9 };

describe('ippScore', () => {
  it('sums the five dimensions', () => {
    expect(ippScore(full)).toBe(41);
    expect(ippScore({ icpAlignment: 0, revenuePathClarity: 0, archetypeFit: 0, economics: 0, strategicValue: 0 })).toBe(0);
  });

  it('is null unless all five are set', () => {
    for (const d of IPP_DIMENSIONS) {
      expect(ippScore({ ...full, [d]: null })).toBeNull();
      const { [d]: _, ...rest } = full;
      expect(ippScore(rest)).toBeNull();
    }
  });

  it('stays within 0–50 for scores 0–10', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 5, maxLength: 5 }), (v) => {
        const score = ippScore(Object.fromEntries(IPP_DIMENSIONS.map((d, i) => [d, v[i]!])));
        expect(score).toBe(v.reduce((a, b) => a + b, 0));
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(50);
      }),
    );
  });
});

describe('partnerStatusFor', () => {
  it.each([
    [null, null],
    [50, 'Strategic'],
    [40, 'Strategic'],
    [39, 'Good'],
    [30, 'Good'],
    [29, 'Evaluate'],
    [20, 'Evaluate'],
    [19, 'Pass'],
    [0, 'Pass'],
  ])('%s → %s with the default bands', (score, status) => {
    expect(partnerStatusFor(score, DEFAULT_IPP_BANDS)).toBe(status);
  });

  const bandsArb: fc.Arbitrary<IppBands> = fc
    .uniqueArray(fc.integer({ min: 0, max: 50 }), { minLength: 3, maxLength: 3 })
    .map((v) => v.sort((a, b) => b - a))
    .map(([strategic, good, evaluate]) => ({ strategic: strategic!, good: good!, evaluate: evaluate! }));

  it('never ranks a higher score lower, under any valid bands', () => {
    const rank = { Pass: 0, Evaluate: 1, Good: 2, Strategic: 3 } as const;
    fc.assert(
      fc.property(bandsArb, fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (bands, a, b) => {
        expect(validIppBands(bands)).toBe(true);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank[partnerStatusFor(hi, bands)!]).toBeGreaterThanOrEqual(rank[partnerStatusFor(lo, bands)!]);
        expect(partnerStatusFor(bands.strategic, bands)).toBe('Strategic');
        expect(partnerStatusFor(bands.good, bands)).toBe('Good');
        expect(partnerStatusFor(bands.evaluate, bands)).toBe('Evaluate');
        expect(partnerStatusFor(bands.evaluate - 1, bands)).toBe('Pass');
      }),
    );
  });
});

describe('validIppBands', () => {
  it.each([
    [{ strategic: 40, good: 30, evaluate: 20 }, true],
    [{ strategic: 50, good: 1, evaluate: 0 }, true],
    [{ strategic: 30, good: 30, evaluate: 20 }, false],
    [{ strategic: 20, good: 30, evaluate: 40 }, false],
    [{ strategic: 51, good: 30, evaluate: 20 }, false],
    [{ strategic: 40, good: 30, evaluate: -1 }, false],
    [{ strategic: 40.5, good: 30, evaluate: 20 }, false],
  ])('%o → %s', (bands, ok) => {
    expect(validIppBands(bands)).toBe(ok);
  });
});
