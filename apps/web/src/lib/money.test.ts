import { describe, expect, it } from 'vitest';
import { formatMinor, minorDigits } from './money';

describe('formatMinor', () => {
  it('shows cents of a two-digit currency as the amount', () => {
    expect(formatMinor(1_234_567, 'USD')).toMatch(/12,345\.67/);
  });

  it('leaves out zero cents of a whole amount, however large', () => {
    expect(formatMinor(425_300_000, 'USD')).toMatch(/^\$4,253,000$/);
    expect(formatMinor(0, 'EUR')).not.toMatch(/\./);
    expect(formatMinor(425_300_050, 'USD')).toMatch(/4,253,000\.50/);
  });

  it('uses the currency’s own minor digits (yen has none)', () => {
    expect(formatMinor(1500, 'JPY')).toMatch(/1,500/);
    expect(formatMinor(1500, 'JPY')).not.toMatch(/15\.00/);
  });

  it('falls back to the amount and the code for an unknown currency', () => {
    expect(formatMinor(250, 'XX1')).toMatch(/2\.50 XX1/);
  });
});

describe('minor digits of a currency', () => {
  it('knows cents from whole units', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('XYZ1')).toBe(2);
  });
});
