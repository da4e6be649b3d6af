import type { PartnerListRowDto } from '@ptrack/contracts';
import { describe, expect, it } from 'vitest';
import { changedFields, currentOf, nextAfterReviewed, splitQueue, stepFrom } from './review-queue';

const row = (id: string, reviewedThisWeek: boolean) => ({ id, reviewedThisWeek }) as PartnerListRowDto;
const ids = (...names: string[]) => names.map((id) => ({ id }));

describe('the weekly review queue', () => {
  it('splits the server list into partners left and reviewed, keeping its order', () => {
    const queue = splitQueue([row('a', false), row('c', false), row('b', true)]);
    expect(queue.left.map((r) => r.id)).toEqual(['a', 'c']);
    expect(queue.reviewed.map((r) => r.id)).toEqual(['b']);
    expect(queue.total).toBe(3);
  });

  it('shows the chosen partner while it is left, else the first left', () => {
    expect(currentOf(ids('a', 'b'), 'b')).toBe('b');
    expect(currentOf(ids('a', 'b'), 'gone')).toBe('a');
    expect(currentOf(ids('a', 'b'), null)).toBe('a');
    expect(currentOf([], 'a')).toBeNull();
  });

  it('steps forward and back, wrapping around so skipped partners come back', () => {
    expect(stepFrom(ids('a', 'b', 'c'), 'a', 1)).toBe('b');
    expect(stepFrom(ids('a', 'b', 'c'), 'c', 1)).toBe('a');
    expect(stepFrom(ids('a', 'b', 'c'), 'a', -1)).toBe('c');
    expect(stepFrom(ids('a'), 'a', 1)).toBeNull();
    expect(stepFrom([], null, 1)).toBeNull();
  });

  it('after marking one reviewed goes to the one after it, or nowhere when it was the last', () => {
    expect(nextAfterReviewed(ids('a', 'b', 'c'), 'b')).toBe('c');
    expect(nextAfterReviewed(ids('a', 'b', 'c'), 'c')).toBe('a');
    expect(nextAfterReviewed(ids('b'), 'b')).toBeNull();
  });

  it('lists the labelled fields that changed since the record was loaded', () => {
    const loaded: Record<string, unknown> = { phase: 'Phase 1: Identify', notes: null, programStatus: 'Active', version: 1 };
    const current = { phase: 'Phase 2: Activate', notes: 'Call Tuesday', programStatus: 'Active', version: 2 };
    expect(changedFields(loaded, current, { phase: 'Phase', notes: 'Notes', programStatus: 'Program status' })).toEqual([
      { field: 'phase', label: 'Phase', before: 'Phase 1: Identify', now: 'Phase 2: Activate' },
      { field: 'notes', label: 'Notes', before: '', now: 'Call Tuesday' },
    ]);
  });
});
