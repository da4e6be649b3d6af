import { describe, expect, it } from 'vitest';
import { describeSchedule } from './jobs-format';

describe('describeSchedule', () => {
  it('says daily and weekly schedules in words, with the time zone', () => {
    expect(describeSchedule({ cron: '30 2 * * *', timeZone: 'America/Los_Angeles' })).toBe(
      'Every day at 02:30 (America/Los_Angeles)',
    );
    expect(describeSchedule({ cron: '0 8 * * 1', timeZone: 'Europe/Paris' })).toBe('Every Monday at 08:00 (Europe/Paris)');
  });

  it('shows any other expression as it is, and no schedule as on demand', () => {
    expect(describeSchedule({ cron: '*/15 * * * *', timeZone: 'UTC' })).toBe('*/15 * * * * (UTC)');
    expect(describeSchedule(null)).toBe('On demand');
  });
});
