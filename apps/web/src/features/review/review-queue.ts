import type { PartnerListRowDto } from '@ptrack/contracts';
import type { ConflictRow } from '../../ui/conflict-dialog';

// The weekly review walks the partners the server says are not reviewed this week (its
// "this-weeks-review" view: not reviewed first, then by name). The browser never decides what "this
// week" is; it only keeps its place in that list.

export type ReviewQueue = {
  /** Partners not yet reviewed this week, in the server's order. */
  left: PartnerListRowDto[];
  reviewed: PartnerListRowDto[];
  total: number;
};

export function splitQueue(rows: readonly PartnerListRowDto[]): ReviewQueue {
  const left = rows.filter((r) => !r.reviewedThisWeek);
  const reviewed = rows.filter((r) => r.reviewedThisWeek);
  return { left, reviewed, total: rows.length };
}

/** The partner on screen: the one chosen while it is still left, else the first left. */
export function currentOf(left: readonly { id: string }[], chosenId: string | null): string | null {
  if (chosenId !== null && left.some((p) => p.id === chosenId)) return chosenId;
  return left[0]?.id ?? null;
}

/**
 * The partner `delta` steps from `id` in the list left, wrapping around so skipped partners come back
 * after the last one. Null when `id` is the only one left (or none are).
 */
export function stepFrom(left: readonly { id: string }[], id: string | null, delta: 1 | -1): string | null {
  if (left.length === 0) return null;
  const index = left.findIndex((p) => p.id === id);
  if (index === -1) return left[0]?.id ?? null;
  if (left.length === 1) return null;
  return left[(index + delta + left.length) % left.length]?.id ?? null;
}

/** Where the review goes after `id` is marked reviewed: the next one left, or null when none remain. */
export function nextAfterReviewed(left: readonly { id: string }[], id: string): string | null {
  return stepFrom(left, id, 1);
}

export type FieldChange = { field: string; label: string; before: string; now: string };

/** The changes as rows of the conflict dialog: the value when loaded, and the value saved now. */
export function conflictRows(changes: FieldChange[]): ConflictRow[] {
  return changes.map((c) => ({ key: c.field, label: c.label, before: c.before, theirs: c.now }));
}

/** Fields whose value differs between what the user loaded and what the server has now, for a conflict. */
export function changedFields<T extends Record<string, unknown>>(
  loaded: T,
  current: T,
  labels: Partial<Record<keyof T & string, string>>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, label] of Object.entries(labels) as [keyof T & string, string][]) {
    const before = shown(loaded[field]);
    const now = shown(current[field]);
    if (before !== now) changes.push({ field, label, before, now });
  }
  return changes;
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
