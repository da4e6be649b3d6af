import { describe, expect, it } from 'vitest';
import { matchesFilter, validateFilter } from './filters';
import { isPartnerListField } from './partner-list-fields';
import { BUILT_IN_VIEWS } from './views';

const today = '2026-03-31';
const view = (id: string) => {
  const v = BUILT_IN_VIEWS.find((x) => x.id === id);
  if (!v) throw new Error(`no view ${id}`);
  return v.definition;
};
const passes = (id: string, row: Record<string, unknown>) => {
  const f = view(id).filter;
  return f === null || matchesFilter({ id: '1', ...row }, f, today);
};

describe('BUILT_IN_VIEWS', () => {
  it('are the six views of docs/RULES.md, with unique ids and names', () => {
    expect(BUILT_IN_VIEWS.map((v) => v.id)).toEqual([
      'today',
      'strategic',
      'tier-1',
      'needs-attention',
      'high-performance',
      'this-weeks-review',
    ]);
    expect(new Set(BUILT_IN_VIEWS.map((v) => v.name.toLowerCase())).size).toBe(6);
  });

  it.each(BUILT_IN_VIEWS.map((v) => [v.id, v] as const))('%s is a valid definition', (_, v) => {
    if (v.definition.filter !== null)
      expect(validateFilter(v.definition.filter)).toEqual({ ok: true, filter: v.definition.filter });
    for (const s of v.definition.sort) expect(isPartnerListField(s.field)).toBe(true);
    for (const c of v.definition.columns) expect(isPartnerListField(c)).toBe(true);
    expect(new Set(v.definition.columns).size).toBe(v.definition.columns.length);
    expect(v.definition.columns[0]).toBe('name');
  });

  it.each([
    ['today', { nextActionDate: '2026-03-31' }, true],
    ['today', { nextActionDate: '2026-01-02' }, true],
    ['today', { nextActionDate: '2026-04-01' }, false],
    ['today', { nextActionDate: null }, false],
    ['strategic', { partnerStatus: 'Strategic', ippScore: 40 }, true],
    ['strategic', { partnerStatus: 'Good', ippScore: 39 }, false],
    ['tier-1', { tier1Reps: 1 }, true],
    ['tier-1', { tier1Reps: 0 }, false],
    ['needs-attention', { daysSinceLastTouch: 30, lastEngagementDate: '2026-03-01' }, true],
    ['needs-attention', { daysSinceLastTouch: 29, lastEngagementDate: '2026-03-02' }, false],
    ['needs-attention', { daysSinceLastTouch: null, lastEngagementDate: null }, true],
    ['high-performance', { closedWon: 0, openDeals: 1 }, true],
    ['high-performance', { closedWon: 2, openDeals: 0 }, true],
    ['high-performance', { closedWon: 0, openDeals: 0 }, false],
    ['this-weeks-review', { reviewedThisWeek: true }, true],
    ['this-weeks-review', { reviewedThisWeek: false }, true],
  ])('%s shows %j: %s', (id, row, shown) => {
    expect(passes(id, row)).toBe(shown);
  });

  it('sort the Today view oldest first and the review view not-yet-reviewed first', () => {
    expect(view('today').sort[0]).toEqual({ field: 'nextActionDate', dir: 'asc' });
    expect(view('this-weeks-review').sort).toEqual([
      { field: 'reviewedThisWeek', dir: 'asc' },
      { field: 'name', dir: 'asc' },
    ]);
  });
});
