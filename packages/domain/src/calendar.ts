import { TZDate } from '@date-fns/tz';

// docs/ARCHITECTURE.md: calendar days are `YYYY-MM-DD`; every "today" comes from the workspace time zone.
// Calendar arithmetic is done on UTC day numbers, so it never depends on the machine's zone or DST.

/** A calendar day `YYYY-MM-DD` (no time, no zone). Lexicographic order is chronological order. */
export type IsoDate = string;

/** A day of the week as JavaScript numbers them: 0 = Sunday … 6 = Saturday. */
export type WeekStartsOn = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a calendar date: "${date}"`);
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(d.getTime() / MS_PER_DAY);
}

function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * MS_PER_DAY);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A date computed from valid ones that falls outside the years a date can be written in (a 90-day plan
 * starting 9999-12-31): the input was too close to the edge, which the server answers with a 400.
 */
export class DateRangeError extends RangeError {
  override readonly name = 'DateRangeError';
}

function isoOf(year: number, month: number, day: number): IsoDate {
  if (year < 0 || year > 9999) throw new DateRangeError(`year ${year} is outside 0000–9999`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a string `YYYY-MM-DD` naming a day that exists (2025-02-30 is refused). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

/** The calendar day `n` days after `date` (before it when `n` is negative). `n` must be an integer. */
export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`days must be a whole number, got ${n}`);
  return fromDayNumber(dayNumber(date) + n);
}

/** Calendar days from `a` to `b`: `b − a`, negative when `b` is earlier. `daysBetween(d, addDays(d, n)) = n`. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Day of the week of a calendar day: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): WeekStartsOn {
  // Day 0 of the Unix epoch, 1970-01-01, was a Thursday (4).
  return ((((dayNumber(date) + 4) % 7) + 7) % 7) as WeekStartsOn;
}

/** Monday to Friday: the working week a new workspace starts with. */
export const DEFAULT_WORKING_DAYS: readonly WeekStartsOn[] = [1, 2, 3, 4, 5];

/**
 * `date` when it is a working day, else the first working day after it (issue 14: follow-ups do not land
 * on weekends). `workingDays` lists days of the week (0 = Sunday …); an empty list leaves `date` as is.
 * The result is `date` or one of the 6 days after it.
 */
export function nextWorkingDay(date: IsoDate, workingDays: readonly number[]): IsoDate {
  if (workingDays.length === 0) return date;
  const shift = [0, 1, 2, 3, 4, 5, 6].find((n) => workingDays.includes((dayOfWeek(date) + n) % 7)) ?? 0;
  return addDays(date, shift);
}

/**
 * The days to spread `count` items over, `perDay` a working day from the first working day on or after
 * `start`, in order (issue 14: a stale backlog is rescheduled without piling onto one day). Item i goes
 * to the (i ÷ perDay)-th working day.
 */
export function spreadOverWorkingDays(count: number, start: IsoDate, perDay: number, workingDays: readonly number[]): IsoDate[] {
  if (!Number.isInteger(perDay) || perDay < 1) throw new RangeError(`perDay must be a whole number ≥ 1, got ${perDay}`);
  const days: IsoDate[] = [];
  let day = nextWorkingDay(start, workingDays);
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % perDay === 0) day = nextWorkingDay(addDays(day, 1), workingDays);
    days.push(day);
  }
  return days;
}

/**
 * The first day of the week containing `date`, for weeks starting on `weekStartsOn` (0 = Sunday,
 * 1 = Monday …). The result is `date` or one of the 6 days before it.
 */
export function startOfWeek(date: IsoDate, weekStartsOn: WeekStartsOn): IsoDate {
  const back = (dayOfWeek(date) - weekStartsOn + 7) % 7;
  return addDays(date, -back);
}

/**
 * True for a time-zone name both Intl and PostgreSQL read the same way: an IANA name such as
 * "Europe/Paris" or "UTC". Offsets like "+05:00" are refused — PostgreSQL's `at time zone` reads them
 * with the POSIX sign, the opposite of ISO 8601.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day an instant falls on in `timeZone` (an IANA name). */
export function calendarDateOf(instant: Date, timeZone: string): IsoDate {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid instant');
  const zoned = new TZDate(t, timeZone);
  return isoOf(zoned.getFullYear(), zoned.getMonth() + 1, zoned.getDate());
}

/** Today in the workspace time zone at the instant `now` (docs/RULES.md: every "today" is in that zone). */
export function todayIn(timeZone: string, now: Date): IsoDate {
  return calendarDateOf(now, timeZone);
}

/**
 * True when the weekly review happened this week: `reviewedAt` falls on or after the first day of the
 * current week in `timeZone` (docs/RULES.md "CURRENT WEEK = Y"). A review stamped later than now still
 * counts, as in the SQL twin (`reviewed_at >= week start`).
 */
export function isReviewedThisWeek(reviewedAt: Date | null, timeZone: string, now: Date, weekStartsOn: WeekStartsOn): boolean {
  if (reviewedAt === null) return false;
  const weekStart = startOfWeek(todayIn(timeZone, now), weekStartsOn);
  return calendarDateOf(reviewedAt, timeZone) >= weekStart;
}
