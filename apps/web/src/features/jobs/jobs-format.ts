import type { JobDto } from '@ptrack/contracts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Daily and weekly cron expressions in words; anything else as the expression itself. */
export function describeSchedule(schedule: JobDto['schedule']): string {
  if (!schedule) return 'On demand';
  const match = /^(\d{1,2}) (\d{1,2}) \* \* (\*|[0-6])$/.exec(schedule.cron);
  if (!match) return `${schedule.cron} (${schedule.timeZone})`;
  const time = `${match[2]!.padStart(2, '0')}:${match[1]!.padStart(2, '0')}`;
  const days = match[3] === '*' ? 'Every day' : `Every ${WEEKDAYS[Number(match[3])]}`;
  return `${days} at ${time} (${schedule.timeZone})`;
}
