import { defined } from '@ptrack/domain';
import { fail, ok, type Parsed, type SheetCell } from './parsed';

/** How a numeric date like 03/04/2025 is read when both parts could be the month. */
export type DateOrder = 'MDY' | 'DMY';
export type ParseDateOptions = { dateOrder?: DateOrder };

// Serials below this (1927-05-18) are refused: in a tracker a small number in a date column is far more
// likely a year or a count than a date in 1900–1927, and we never guess.
export const MIN_DATE_SERIAL = 10_000;
const MAX_DATE_SERIAL = 2_958_465; // 9999-12-31

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).filter((m) => m.length > 3);

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?$/i;
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
// "Jan 5, 2025", "January 5th 2025", "Jan-05-2025"
const MONTH_FIRST = /^([a-z]+)\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})(?:,?\s+\d{1,2}:\d{2}.*)?$/i;
// "5 January 2025", "5-Jan-2025", "5th of Jan, 2025"
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}.*)?$/i;
const SERIAL_TEXT = /^\d{5,7}(?:\.\d+)?$/;

/** `YYYY-MM-DD` when the day exists, else null. */
export function isoDateOf(year: number, month: number, day: number): string | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const dim =
    month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (day > dim) return null;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * A spreadsheet serial (1900 date system) as a calendar day. Serial 1 is 1900-01-01; serial 60 is the
 * 29 February 1900 that Lotus 1-2-3 invented and Excel kept, which does not exist (null); from 61 on the
 * serials are one day ahead of a true count, hence the epoch 1899-12-30. A time fraction is dropped.
 */
export function serialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_DATE_SERIAL + 1) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  const epochDays = whole < 60 ? whole - 25568 : whole - 25569; // days from 1970-01-01
  return new Date(epochDays * 86_400_000).toISOString().slice(0, 10);
}

/** The 1900-system serial of a calendar day `YYYY-MM-DD` (inverse of serialToIsoDate). */
export function isoDateToSerial(iso: string): number {
  const days = Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
  const serial = days + 25569;
  return serial <= 60 ? serial - 1 : serial;
}

function twoDigitYear(y: string): number {
  const n = Number(y);
  // Stated rule: 00–69 → 2000–2069, 70–99 → 1970–1999 (as POSIX strptime reads %y).
  if (y.length === 2) return n < 70 ? 2000 + n : 1900 + n;
  return n;
}

function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  const m = MONTHS[w];
  if (m !== undefined) return m;
  const byPrefix = w.length >= 3 ? MONTH_NAMES.find((n) => n.startsWith(w)) : undefined;
  return byPrefix ? defined(MONTHS[byPrefix]) : null;
}

function day(iso: string | null, text: string): Parsed<string> {
  return iso ? ok(iso) : fail(`"${text}" is not a real calendar date`);
}

/**
 * A calendar day `YYYY-MM-DD` from a cell as people type it: ISO (`2025-01-05`, `2025-01-05T10:00`), numeric
 * (`1/5/2025`, `05.01.25` — read month-first unless `dateOrder: 'DMY'`, except that a first part above 12
 * can only be a day and a second part above 12 only a day), written (`Jan 5, 2025`, `5 January 2025`),
 * spreadsheet serials (numbers ≥ 10000, 1900 system) and Date objects (their UTC day, as sheet readers
 * build them). A time of day is ignored; an ISO time with an offset keeps the day as written.
 */
export function parseDate(cell: SheetCell, options: ParseDateOptions = {}): Parsed<string | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('not a valid date');
    return ok(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'boolean') return fail(`${cell ? 'TRUE' : 'FALSE'} is not a date`);
  if (typeof cell === 'number') return fromSerial(cell, String(cell));
  const text = cell.trim();
  if (text === '') return ok(null);

  let m = ISO.exec(text);
  if (m) return day(isoDateOf(Number(m[1]), Number(m[2]), Number(m[3])), text);

  m = NUMERIC.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = twoDigitYear(defined(m[3]));
    const dayFirst = a > 12 ? true : b > 12 ? false : options.dateOrder === 'DMY';
    if (a > 12 && b > 12) return fail(`"${text}" has no month (both parts are above 12)`);
    return day(dayFirst ? isoDateOf(year, b, a) : isoDateOf(year, a, b), text);
  }

  const written = text.replace(WEEKDAY, '');
  m = MONTH_FIRST.exec(written);
  if (m) {
    const month = monthOf(defined(m[1]));
    if (month !== null) return day(isoDateOf(Number(m[3]), month, Number(m[2])), text);
  }
  m = DAY_FIRST.exec(written);
  if (m) {
    const month = monthOf(defined(m[2]));
    if (month !== null) return day(isoDateOf(twoDigitYear(defined(m[3])), month, Number(m[1])), text);
  }

  if (SERIAL_TEXT.test(text)) return fromSerial(Number(text), text);
  if (/^\d{4}$/.test(text)) return fail(`"${text}" is a year, not a date`);
  return fail(`"${text}" is not a date we can read (use YYYY-MM-DD)`);
}

function fromSerial(serial: number, text: string): Parsed<string | null> {
  if (serial < MIN_DATE_SERIAL) return fail(`${text} is not a date (too small for a spreadsheet date serial)`);
  const iso = serialToIsoDate(serial);
  return iso ? ok(iso) : fail(`${text} is not a spreadsheet date serial`);
}
