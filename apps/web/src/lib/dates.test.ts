import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, relativeDay } from './dates';

describe('calendar day helpers', () => {
  it('adds days across month and leap-year boundaries', () => {
    expect(addDays('2026-02-04', 14)).toBe('2026-02-18');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts whole days between two dates, ignoring daylight-saving changes', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-02-18', '2026-02-04')).toBe(-14);
  });

  it('describes a day relative to today', () => {
    expect(relativeDay('2026-02-04', '2026-02-04')).toBe('today');
    expect(relativeDay('2026-02-05', '2026-02-04')).toBe('tomorrow');
    expect(relativeDay('2026-02-07', '2026-02-04')).toBe('in 3 days');
    expect(relativeDay('2026-02-01', '2026-02-04')).toBe('3 days ago');
  });
});
