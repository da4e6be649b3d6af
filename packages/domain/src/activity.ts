import { daysBetween, type IsoDate } from './calendar';

/**
 * docs/RULES.md "Days since last touch": calendar days from the last touch to today, both in the
 * workspace time zone; null when never touched. Negative only for a touch dated in the future (the
 * SQL twin, `today - last_touch_date`, agrees).
 */
export function daysSinceLastTouch(lastTouch: IsoDate | null, today: IsoDate): number | null {
  return lastTouch === null ? null : daysBetween(lastTouch, today);
}
