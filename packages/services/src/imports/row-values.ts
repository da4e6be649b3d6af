import { TZDate } from '@date-fns/tz';
import { DEFAULT_OPTION_LISTS, findOptionValue, type OptionListName } from '@ptrack/domain';
import type { Settings } from '../settings';

// Small rules every kind of imported row follows (partners and reps).

export type CustomDef = { key: string; type: string; options: string[] };
/** Option values a sheet uses that the workspace's lists lack: the import adds them. */
export type NewOptions = Map<OptionListName, Set<string>>;

export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** A blank cell (absent, null or empty) changes nothing. */
export const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/** A stored value as an import compares it: instants as ISO strings, missing as null. */
export function currentValue(record: Record<string, unknown>, field: string): unknown {
  const v = record[field];
  return v instanceof Date ? v.toISOString() : (v ?? null);
}

/** An option value in the list's spelling (the domain's matching rule); an unknown one is added to the list. */
export function canonicalOption(settings: Settings, list: OptionListName, value: string, newOptions: NewOptions): string {
  const hit = findOptionValue(settings.optionLists[list] ?? DEFAULT_OPTION_LISTS[list], value);
  if (hit !== null) return hit;
  const added = newOptions.get(list) ?? new Set();
  const again = findOptionValue([...added], value);
  if (again !== null) return again;
  added.add(value);
  newOptions.set(list, added);
  return value;
}

/** Noon on the day in the workspace's time zone: a touch made from a date falls on that calendar day. */
export function noonOn(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 12, 0, 0, timeZone).getTime());
}
