import type { JobDto } from '@ptrack/contracts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Daily and weekly cron expressions in words; anything else as the expression itself. */
export function describeSchedule(schedule: JobDto['schedule']): string {
  if (!schedule) return 'On demand';
  const match = /^(\d{1,2}) (\d{1,2}) \* \* (\*|[0-6])$/.exec(schedule.cron);
  if (!match) return `${schedule.cron} (${schedule.timeZone})`;
  const [, minute = '0', hour = '0', day] = match;
  const time = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  const days = day === '*' ? 'Every day' : `Every ${WEEKDAYS[Number(day)]}`;
  return `${days} at ${time} (${schedule.timeZone})`;
}
