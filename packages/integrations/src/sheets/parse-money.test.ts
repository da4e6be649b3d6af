import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoney } from './parse-money';

describe('parseMoney', () => {
  it.each([
    ['$120,000', 12_000_000, 'USD'],
    ['$80k', 8_000_000, 'USD'],
    ['$80K', 8_000_000, 'USD'],
    ['1.2M', 120_000_000, null],
    ['1,5M', 150_000_000, null],
    ['2.5 million', 250_000_000, null],
    ['€45.000', 4_500_000, 'EUR'],
    ['45.000,50 €', 4_500_050, 'EUR'],
    ['45\u00a0000,50\u00a0€', 4_500_050, 'EUR'],
    ['USD 1,000.50', 100_050, 'USD'],
    ['1,000.50 usd', 100_050, 'USD'],
    ['£1,234,567.89', 123_456_789, 'GBP'],
    ["CHF 1'000", 100_000, 'CHF'],
    ['85000', 8_500_000, null],
    ['45,50', 4_550, null],
    ['0', 0, null],
    ['¥5000', 5000, 'JPY'],
    ['$1.005', 100_500, 'USD'], // one mark + exactly three digits = thousands (stated rule)
  ])('reads %j', (input, minor, currency) => {
    expect(parseMoney(input)).toEqual({ ok: true, value: { minor, currency } });
  });

  it('reads numeric cells as major units and blank as nothing', () => {
    expect(parseMoney(85000)).toEqual({ ok: true, value: { minor: 8_500_000, currency: null } });
    expect(parseMoney(1234.5)).toEqual({ ok: true, value: { minor: 123_450, currency: null } });
    expect(parseMoney(null)).toEqual({ ok: true, value: null });
    expect(parseMoney('  ')).toEqual({ ok: true, value: null });
  });

  it('takes the minor-unit digits of the default currency when the cell names none', () => {
    expect(parseMoney('5000', { defaultCurrency: 'JPY' })).toEqual({ ok: true, value: { minor: 5000, currency: null } });
    expect(parseMoney('5000.5', { defaultCurrency: 'JPY' })).toMatchObject({ ok: false, reason: expect.stringMatching(/JPY/) });
  });

  it.each(['(1,000)', '-500', '$-5', '−20'])('refuses the negative %j unless allowed', (input) => {
    expect(parseMoney(input)).toMatchObject({ ok: false, reason: expect.stringMatching(/negative/) });
    expect(parseMoney(input, { allowNegative: true }).ok).toBe(true);
  });

  it.each(['lots', '$', '1.2.3,4,5', '12,34,567', '$1.0055', 'XYZ 100', '$100 €', '1e5', true])('refuses %j', (input) => {
    expect(parseMoney(input as string).ok).toBe(false);
  });

  it('round-trips amounts formatted the US and the German way', () => {
    const us = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
    const de = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), (minor) => {
        expect(parseMoney(us.format(minor / 100))).toEqual({ ok: true, value: { minor, currency: 'USD' } });
        expect(parseMoney(de.format(minor / 100))).toEqual({ ok: true, value: { minor, currency: 'EUR' } });
        expect(parseMoney(minor / 100)).toEqual({ ok: true, value: { minor, currency: null } });
      }),
    );
  });
});
