import { describe, expect, it } from 'vitest';
import { mergeTimeline, sortKey, type TimelineEntry, type TimelineKind, type TimelineSource } from './merge-timeline';

const entry = (kind: TimelineKind, at: string): TimelineEntry => ({ id: `${kind}-${at}`, kind, at, title: at });
const source = (kind: TimelineKind, ats: string[], hasMore: boolean): TimelineSource => ({
  kind,
  entries: ats.map((at) => entry(kind, at)),
  oldestAt: ats.at(-1) ?? null,
  hasMore,
});

describe('sortKey', () => {
  it('sorts a calendar day as its midnight, and an instant with an offset as UTC', () => {
    expect(sortKey('2026-02-04')).toBe('2026-02-04T00:00:00.000Z');
    expect(sortKey('2026-02-04T09:30:00-08:00')).toBe('2026-02-04T17:30:00.000Z');
  });
});

describe('mergeTimeline', () => {
  it('merges lists read whole newest first', () => {
    const merged = mergeTimeline([
      source('touch', ['2026-03-05T10:00:00.000Z', '2026-03-01T10:00:00.000Z'], false),
      source('referral', ['2026-03-03'], false),
    ]);
    expect(merged.entries.map((e) => e.at)).toEqual(['2026-03-05T10:00:00.000Z', '2026-03-03', '2026-03-01T10:00:00.000Z']);
    expect(merged.limiting).toEqual([]);
  });

  it('stops at the oldest point a paged list has reached, and names that list as the one to page', () => {
    const merged = mergeTimeline([
      source('touch', ['2026-03-05T10:00:00.000Z', '2026-03-04T10:00:00.000Z'], true),
      source('action', ['2026-03-06T10:00:00.000Z', '2026-03-01T10:00:00.000Z'], false),
    ]);
    // The action of March 1 waits: older touches not read yet may come before it.
    expect(merged.entries.map((e) => e.kind)).toEqual(['action', 'touch', 'touch']);
    expect(merged.limiting).toEqual(['touch']);
  });

  it('judges the frontier on raw items, so a filtered-out page still moves it', () => {
    const history: TimelineSource = { kind: 'change', entries: [], oldestAt: '2026-03-02T00:00:00.000Z', hasMore: true };
    const merged = mergeTimeline([history, source('touch', ['2026-03-03T00:00:00.000Z', '2026-03-01T00:00:00.000Z'], false)]);
    expect(merged.entries.map((e) => e.at)).toEqual(['2026-03-03T00:00:00.000Z']);
    expect(merged.limiting).toEqual(['change']);
  });

  it('shows nothing older than a paged list that has not been read yet', () => {
    const merged = mergeTimeline([source('touch', [], true), source('action', ['2026-03-01'], false)]);
    expect(merged.entries).toEqual([]);
    expect(merged.limiting).toEqual(['touch']);
  });
});
