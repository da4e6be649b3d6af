/** When the scheduled digest goes out, in the workspace time zone. */
export type DigestScheduleSettings = {
  scheduleEnabled: boolean;
  /** 0 = Sunday … 6 = Saturday. */
  scheduleWeekday: number;
  /** "HH:MM", 24-hour clock. */
  scheduleTime: string;
  timeZone: string;
};

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isDigestTime(value: string): boolean {
  return TIME.test(value);
}

/**
 * The cron line and time zone for the job scheduler (pg-boss takes both), or null when the schedule is
 * off or malformed: "30 8 * * 1" in Europe/Paris is 08:30 every Monday there, summer time included.
 */
export function digestSchedule(settings: DigestScheduleSettings): { cron: string; tz: string } | null {
  if (!settings.scheduleEnabled) return null;
  const match = TIME.exec(settings.scheduleTime);
  const weekday = settings.scheduleWeekday;
  if (!match || !Number.isInteger(weekday) || weekday < 0 || weekday > 6) return null;
  return { cron: `${Number(match[2])} ${Number(match[1])} * * ${weekday}`, tz: settings.timeZone };
}
