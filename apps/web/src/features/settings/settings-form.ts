import type { SettingsDto } from '@ptrack/contracts';

// Pure helpers of the settings page: the lists it offers, option-list edits, and what a stale save
// (409) shows. The server validates every value; these only shape what is sent and shown.

/** Plain-English names of the option lists (the server's names are camelCase keys). */
export const OPTION_LIST_LABELS: Record<string, { label: string; one: string; help: string }> = {
  partnerType: { label: 'Partner types', one: 'a partner type', help: 'What kind of company a partner is' },
  archetype: { label: 'Archetypes', one: 'an archetype', help: 'How a partner creates value for you' },
  programStatus: { label: 'Program statuses', one: 'a program status', help: 'Where a partner stands in your program' },
  phase: { label: 'Phases', one: 'a phase', help: 'The stage of the partnership' },
  actionType: { label: 'Action types', one: 'an action type', help: 'The kinds of next steps; the first is the default' },
  enterpriseTier: { label: 'Enterprise tiers', one: 'an enterprise tier', help: 'Enterprise evaluation tier' },
  jvpStatus: { label: 'JVP statuses', one: 'a JVP status', help: 'Joint value proposition status' },
};

export function optionListLabel(name: string): string {
  return OPTION_LIST_LABELS[name]?.label ?? name;
}

/** Moves the value at `from` by `delta` places; out-of-range moves leave the list as it is. */
export function moveValue(values: readonly string[], from: number, delta: -1 | 1): string[] {
  const to = from + delta;
  const next = [...values];
  const moving = next[from];
  const other = next[to];
  if (moving === undefined || other === undefined) return next;
  next[from] = other;
  next[to] = moving;
  return next;
}

/** Why `value` cannot be added to `values` (blank, or there already ignoring case), or null. */
export function addProblem(values: readonly string[], value: string): string | null {
  const v = value.trim();
  if (v === '') return 'Type a value to add';
  if (values.some((x) => x.trim().toLowerCase() === v.toLowerCase())) return `"${v}" is already in the list`;
  return null;
}

/** One line of what changed in a section since it was loaded, for the 409 dialog. */
export type SettingChange = { label: string; before: string; now: string; yours: string };

/**
 * The settings of a section that differ between what the user loaded (`before`), what is saved now
 * (`now`) and what they were about to save (`yours`); a line is shown when `now` differs from `before`
 * or from `yours`.
 */
export function sectionChanges(
  before: Record<string, string>,
  now: Record<string, string>,
  yours: Record<string, string>,
): SettingChange[] {
  return Object.keys(yours)
    .filter((label) => before[label] !== now[label] || now[label] !== yours[label])
    .map((label) => ({ label, before: before[label] ?? '', now: now[label] ?? '', yours: yours[label] ?? '' }));
}

export const TIER_NAMES: Record<'1' | '2' | '3' | '4', string> = {
  '1': 'Tier 1 (active deals)',
  '2': 'Tier 2 (engaged)',
  '3': 'Tier 3 (warming)',
  '4': 'Tier 4 (stale)',
};

export type SettingsSection<T> = {
  pick(settings: SettingsDto): T;
  /** The label → shown value lines a conflict compares. */
  describe(value: T): Record<string, string>;
};

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The user's edit replayed on top of what is saved now (after a 409): a key the user left as loaded
 * takes the saved value, a key they changed keeps theirs. Lists and plain values are the user's whole.
 */
export function rebase<T>(loaded: T, mine: T, now: T): T {
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(loaded) || !isRecord(mine) || !isRecord(now)) return mine;
  const merged: Record<string, unknown> = { ...now };
  for (const key of Object.keys(mine)) {
    if (!sameValue(mine[key], loaded[key])) merged[key] = mine[key];
  }
  return merged as T;
}
