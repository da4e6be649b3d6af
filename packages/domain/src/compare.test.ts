import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, compareTextIgnoringCase } from './compare';

/** What `collate "C"` does: compare the UTF-8 bytes. */
function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

describe('compareCodePoints', () => {
  it('orders capitals before lower case and accents after both', () => {
    expect(['b', 'é', 'B', 'a', 'A'].sort(compareCodePoints)).toEqual(['A', 'B', 'a', 'b', 'é']);
  });

  it('puts characters above U+FFFF after U+FFxx, unlike UTF-16 comparison', () => {
    expect(compareCodePoints('😀', '\uFF61')).toBeGreaterThan(0);
    expect('😀' < '\uFF61').toBe(true);
  });

  it('has the sign of a UTF-8 byte comparison for any strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(byUtf8(a, b)));
      }),
    );
  });
});

describe('compareTextIgnoringCase', () => {
  it('treats case as equal', () => {
    expect(compareTextIgnoringCase('Acme', 'ACME')).toBe(0);
    expect(compareTextIgnoringCase('acme', 'Beta')).toBeLessThan(0);
  });
});
