import { addDays, type IsoDate } from '@ptrack/domain';
import ical, { ICalCalendarMethod } from 'ical-generator';

/** One open action as a calendar event (an all-day event on its due date). */
export type CalendarAction = {
  id: string;
  dueDate: IsoDate;
  partnerName: string;
  repName: string | null;
  type: string;
  notes: string | null;
  url: string | null;
};

function utcDay(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * The ICS feed of open actions. Each UID is the action's id, so a calendar that refreshes the feed moves
 * a snoozed action instead of adding a second event. Dates are given as UTC midnights with no calendar
 * time zone: ical-generator then writes the day itself (VALUE=DATE), whatever the server's zone.
 */
export function buildActionsCalendar(options: { name: string; domain: string; actions: readonly CalendarAction[] }): string {
  const calendar = ical({ name: options.name, prodId: { company: 'Partner Tracker', product: 'ptrack', language: 'EN' } });
  calendar.method(ICalCalendarMethod.PUBLISH);
  for (const a of options.actions) {
    const description = [
      a.repName ? `Rep: ${a.repName}` : null,
      `Type: ${a.type}`,
      a.notes ? `Notes: ${a.notes}` : null,
      a.url,
    ].filter((l): l is string => l !== null);
    calendar.createEvent({
      id: `${a.id}@${options.domain}`,
      start: utcDay(a.dueDate),
      end: utcDay(addDays(a.dueDate, 1)),
      allDay: true,
      summary: `${a.partnerName} — ${a.type}${a.repName ? ` with ${a.repName}` : ''}`,
      description: description.join('\n'),
      ...(a.url ? { url: a.url } : {}),
    });
  }
  return calendar.toString();
}
