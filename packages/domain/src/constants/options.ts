import { defined } from '../defined';
// docs/RULES.md: option lists (types, archetypes, action types, phases…) are editable; these are the
// defaults. The workspace stores its own copy per list name; a list it lacks falls back to these.

import { OPTION_LIST_NAMES, type OptionListName } from '@ptrack/catalog';

export { OPTION_LIST_NAMES, type OptionListName };

/** The action type a follow-up gets unless the user picks another (seed 000: Next Action Type). */
export const DEFAULT_ACTION_TYPE = 'Follow-up';

/** The default option lists. Frozen: copy before editing (`structuredClone`). */
export const DEFAULT_OPTION_LISTS: Readonly<Record<OptionListName, string[]>> = deepFreeze({
  partnerType: ['Tech Vendor', 'Agency', 'Affiliate', 'Recruiting', 'Platform', 'Advisor'],
  archetype: ['Demand Creator', 'Deal Accelerator', 'Capability Completer', 'Channel Multiplier'],
  programStatus: ['Active', 'Testing', 'Paused', 'Inactive'],
  // docs/RULES.md: Phase 1–4, default labels Identify, Activate, Scale, Expand.
  phase: ['Phase 1: Identify', 'Phase 2: Activate', 'Phase 3: Scale', 'Phase 4: Expand'],
  actionType: [DEFAULT_ACTION_TYPE, 'Account Research', 'Intro Request', 'Deal Support', 'Co-Marketing'],
  enterpriseTier: ['Bronze', 'Silver', 'Gold', 'Platinum', 'Strategic'],
  jvpStatus: ['Yes', 'No', 'Pending'],
});

function deepFreeze<T extends Record<string, string[]>>(lists: T): Readonly<T> {
  for (const values of Object.values(lists)) Object.freeze(values);
  return Object.freeze(lists);
}

/** True when `name` is the name of an option list. */
export function isOptionListName(name: string): name is OptionListName {
  return (OPTION_LIST_NAMES as readonly string[]).includes(name);
}

/**
 * The allowed value a loosely typed input (a sheet cell, a CLI argument) stands for, or null: an exact
 * match first, then one ignoring case and surrounding space, then a label's prefix before ":" — so the
 * seed sheet's "Phase 2" finds "Phase 2: Activate".
 */
export function findOptionValue(allowed: readonly string[], input: string): string | null {
  if (allowed.includes(input)) return input;
  const key = input.trim().toLowerCase();
  if (key === '') return null;
  const byCase = allowed.find((a) => a.trim().toLowerCase() === key);
  if (byCase !== undefined) return byCase;
  const byPrefix = allowed.filter((a) => (a.includes(':') ? a.slice(0, a.indexOf(':')) : a).trim().toLowerCase() === key);
  return byPrefix.length === 1 ? defined(byPrefix[0]) : null;
}
