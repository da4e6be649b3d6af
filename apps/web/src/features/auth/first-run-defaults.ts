// First run asks for the workspace time zone and week start, prefilled from the browser (issue 14:
// a workspace left at UTC puts "today" at the wrong hour for most teams).

/** The browser's IANA time zone, or UTC when it does not say. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

type WeekInfo = { firstDay?: number };
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/**
 * The first day of the week for `locale`, 0 = Sunday … 6 = Saturday (the settings' `weekStartsOn`);
 * Monday where the browser cannot tell (Intl's week info is not in every engine yet).
 * Intl numbers days 1 = Monday … 7 = Sunday.
 */
export function weekStartOf(locale: string | undefined): number {
  const MONDAY = 1;
  if (!locale) return MONDAY;
  try {
    const l = new Intl.Locale(locale) as LocaleWithWeek;
    const firstDay = (l.getWeekInfo?.() ?? l.weekInfo)?.firstDay;
    return typeof firstDay === 'number' && firstDay >= 1 && firstDay <= 7 ? firstDay % 7 : MONDAY;
  } catch {
    return MONDAY;
  }
}
