// Calendar days as `YYYY-MM-DD` strings (docs/ARCHITECTURE.md). "Today" always comes from the server,
// which knows the workspace time zone; these helpers only do day arithmetic and display.

const DAY_MS = 86_400_000;

function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  return new Date(toUtc(day).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const longFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Wed, Feb 18" in the reader's locale. */
export function formatDay(day: string): string {
  return dayFormat.format(toUtc(day));
}

export function formatLongDay(day: string): string {
  return longFormat.format(toUtc(day));
}

/** "tomorrow", "in 3 days", "today", "yesterday", "5 days ago" relative to `today`. */
export function relativeDay(day: string, today: string): string {
  const diff = daysBetween(today, day);
  if (diff === 0) return 'today';
  if (diff === 1) return 'tomorrow';
  if (diff === -1) return 'yesterday';
  return diff > 0 ? `in ${diff} days` : `${-diff} days ago`;
}

const shortDateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "Feb 18, 2026" in the reader's locale: a calendar day in a table, where the year matters. */
export function formatShortDate(day: string): string {
  return shortDateFormat.format(toUtc(day));
}
