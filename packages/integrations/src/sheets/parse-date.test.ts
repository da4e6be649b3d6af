import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateToSerial, parseDate, serialToIsoDate } from './parse-date';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const isoDay = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

describe('parseDate', () => {
  it.each([
    ['2025-01-05', '2025-01-05'],
    ['2025-1-5', '2025-01-05'],
    ['2025/01/05', '2025-01-05'],
    ['2025-01-05T10:00', '2025-01-05'],
    ['2025-01-05T23:30:00-08:00', '2025-01-05'],
    ['2025-01-05 10:00:00', '2025-01-05'],
    ['1/5/2025', '2025-01-05'],
    ['01/05/2025', '2025-01-05'],
    ['1/5/25', '2025-01-05'],
    ['12/31/99', '1999-12-31'],
    ['13/04/2025', '2025-04-13'],
    ['04/13/2025', '2025-04-13'],
    ['1/5/2025 3:30 PM', '2025-01-05'],
    ['Jan 5, 2025', '2025-01-05'],
    ['January 5th 2025', '2025-01-05'],
    ['Sept 30, 2025', '2025-09-30'],
    ['Sunday, January 5, 2025', '2025-01-05'],
    ['5 January 2025', '2025-01-05'],
    ['5-Jan-2025', '2025-01-05'],
    ['5th of Jan 2025', '2025-01-05'],
    ['5 Jan 25', '2025-01-05'],
    ['45662', '2025-01-05'],
    ['', null],
    ['   ', null],
  ])('reads %j as %j (month-first by default)', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, value: expected });
  });

  it('follows dateOrder for an ambiguous day/month, and ignores it when one part is above 12', () => {
    expect(parseDate('03/04/2025')).toEqual({ ok: true, value: '2025-03-04' });
    expect(parseDate('03/04/2025', { dateOrder: 'DMY' })).toEqual({ ok: true, value: '2025-04-03' });
    expect(parseDate('13/04/2025', { dateOrder: 'MDY' })).toEqual({ ok: true, value: '2025-04-13' });
    expect(parseDate('04/13/2025', { dateOrder: 'DMY' })).toEqual({ ok: true, value: '2025-04-13' });
    expect(parseDate('05.01.2025', { dateOrder: 'DMY' })).toEqual({ ok: true, value: '2025-01-05' });
  });

  it.each(['2025-02-30', '2/30/2025', '13/13/2025', 'Febtober 5, 2025', 'soon', 'Q1 2025', '2025', '31/02/2025', 'next week'])(
    'refuses %j with a reason',
    (input) => {
      const r = parseDate(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/date|month|year/);
    },
  );

  it('reads Date objects by their UTC day and numbers as 1900-system serials', () => {
    expect(parseDate(new Date('2025-01-05T00:00:00Z'))).toEqual({ ok: true, value: '2025-01-05' });
    expect(parseDate(45662)).toEqual({ ok: true, value: '2025-01-05' });
    expect(parseDate(45662.75)).toEqual({ ok: true, value: '2025-01-05' });
    expect(parseDate(2025).ok).toBe(false);
    expect(parseDate(true).ok).toBe(false);
    expect(parseDate(new Date(Number.NaN)).ok).toBe(false);
  });

  it('round-trips ISO, US, day-first and written forms', () => {
    fc.assert(
      fc.property(isoDay, (iso) => {
        const [y, m, d] = parts(iso);
        expect(parseDate(iso)).toEqual({ ok: true, value: iso });
        expect(parseDate(`${m}/${d}/${y}`)).toEqual({ ok: true, value: iso });
        expect(parseDate(`${d}/${m}/${y}`, { dateOrder: 'DMY' })).toEqual({ ok: true, value: iso });
        expect(parseDate(`${MONTHS[m - 1]} ${d}, ${y}`)).toEqual({ ok: true, value: iso });
        expect(parseDate(`${d} ${MONTHS[m - 1]!.slice(0, 3)} ${y}`)).toEqual({ ok: true, value: iso });
        expect(parseDate(new Date(`${iso}T00:00:00Z`))).toEqual({ ok: true, value: iso });
        expect(parseDate(isoDateToSerial(iso))).toEqual({ ok: true, value: iso });
      }),
    );
  });
});

describe('serialToIsoDate (1900 date system)', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, null], // Lotus 1-2-3's 29 February 1900, which never existed
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [45662, '2025-01-05'],
    [2958465, '9999-12-31'],
    [0, null],
    [2958466, null],
  ])('%d → %j', (serial, iso) => {
    expect(serialToIsoDate(serial)).toBe(iso);
  });

  it('inverts isoDateToSerial for every day', () => {
    fc.assert(fc.property(isoDay, (iso) => serialToIsoDate(isoDateToSerial(iso)) === iso));
    expect(isoDateToSerial('1900-03-01')).toBe(61);
    expect(isoDateToSerial('1900-02-28')).toBe(59);
  });
});
