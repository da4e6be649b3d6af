import { describe, expect, it } from 'vitest';
import { browserTimeZone, weekStartOf } from './first-run-defaults';

describe('the first-run defaults', () => {
  it('start the week on Sunday in the US and on Monday in Germany, as the locale says', () => {
    // Node 20's ICU knows week data; an engine without it falls back to Monday for both.
    const hasWeekInfo =
      typeof (new Intl.Locale('en-US') as { getWeekInfo?: unknown }).getWeekInfo === 'function' ||
      (new Intl.Locale('en-US') as { weekInfo?: unknown }).weekInfo !== undefined;
    expect(weekStartOf('de-DE')).toBe(1);
    expect(weekStartOf('en-US')).toBe(hasWeekInfo ? 0 : 1);
  });

  it('start the week on Monday when the locale is missing or not a locale', () => {
    expect(weekStartOf(undefined)).toBe(1);
    expect(weekStartOf('not a locale!')).toBe(1);
  });

  it('take the time zone the browser reports', () => {
    expect(browserTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
