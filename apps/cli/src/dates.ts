import { calendarDateOf, daysBetween } from '@ptrack/domain';

/**
 * An instant on the calendar day `date` in the workspace time zone, for a touch logged with a date
 * only: now when the day is today, else around midday of that day there.
 */
export function instantOnDay(date: string, timeZone: string, now: Date = new Date()): string {
  if (calendarDateOf(now, timeZone) === date) return now.toISOString();
  let instant = new Date(`${date}T12:00:00Z`).getTime();
  // Zones far from UTC (Pacific/Kiritimati, +14) put UTC midday on another day: step towards the date.
  for (let i = 0; i < 3; i++) {
    const shift = daysBetween(date, calendarDateOf(new Date(instant), timeZone));
    if (shift === 0) break;
    instant -= shift * 12 * 3600_000;
  }
  return new Date(instant).toISOString();
}
