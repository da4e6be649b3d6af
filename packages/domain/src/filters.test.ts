import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePartnerRows, type Filter, MAX_FILTER_DEPTH, matchesFilter, type SortKey, validateFilter } from './filters';
import { PARTNER_LIST_FIELDS } from './partner-list-fields';

const today = '2026-03-31';

describe('validateFilter', () => {
  it.each([
    [{ field: 'name', op: 'contains', value: 'acme' }],
    [{ field: 'nextActionDate', op: 'lte', value: { today: 0 } }],
    [{ field: 'nextActionDate', op: 'gte', value: '2026-01-01' }],
    [{ field: 'ippScore', op: 'gte', value: 40 }],
    [{ field: 'reviewedThisWeek', op: 'eq', value: false }],
    [{ field: 'createdAt', op: 'lt', value: '2026-01-01T00:00:00Z' }],
    [{ field: 'programStatus', op: 'in', value: ['Active', 'Testing'] }],
    [{ field: 'lastEngagementDate', op: 'empty' }],
    [{ or: [{ field: 'closedWon', op: 'gt', value: 0 }, { and: [] }] }],
  ])('accepts %j and returns it unchanged', (json) => {
    expect(validateFilter(json)).toEqual({ ok: true, filter: json });
  });

  it.each([
    [null, '', /must be an object/],
    [[], '', /must be an object/],
    [{ field: 'nope', op: 'eq', value: 1 }, 'field', /unknown field "nope"/],
    [{ field: 'name', op: 'like', value: 'a' }, 'op', /unknown op "like"/],
    [{ field: 'name', op: 'eq', value: 'a', extra: 1 }, 'extra', /unknown key/],
    [{ field: 'ippScore', op: 'gte', value: '40' }, 'value', /must be a number/],
    [{ field: 'ippScore', op: 'contains', value: '4' }, 'op', /contains works on text/],
    [{ field: 'nextActionDate', op: 'lte', value: '2026-02-30' }, 'value', /date/],
    [{ field: 'nextActionDate', op: 'lte', value: { today: 1.5 } }, 'value', /date/],
    [{ field: 'createdAt', op: 'lte', value: { today: 0 } }, 'value', /date-time/],
    [{ field: 'reviewedThisWeek', op: 'lt', value: true }, 'op', /eq or neq/],
    [{ field: 'lastEngagementDate', op: 'empty', value: true }, 'value', /takes no value/],
    [{ field: 'type', op: 'in', value: 'Agency' }, 'value', /list/],
    [{ field: 'nextActionDate', op: 'in', value: ['2026-01-01', { today: 0 }] }, 'value.1', /date/],
    [
      {
        or: [
          { field: 'name', op: 'eq', value: 'a' },
          { field: 'name', op: 'eq', value: 1 },
        ],
      },
      'or.1.value',
      /text/,
    ],
    [{ and: [], or: [] }, '', /only "and"/],
    [{ and: {} }, 'and', /list/],
  ])('refuses %j at "%s"', (json, path, message) => {
    const r = validateFilter(json);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.path).toBe(path);
      expect(r.message).toMatch(message);
    }
  });

  it(`allows groups nested ${MAX_FILTER_DEPTH} deep and no deeper`, () => {
    const nest = (depth: number): unknown => (depth === 0 ? { field: 'name', op: 'notEmpty' } : { and: [nest(depth - 1)] });
    expect(validateFilter(nest(MAX_FILTER_DEPTH)).ok).toBe(true);
    const r = validateFilter(nest(MAX_FILTER_DEPTH + 1));
    expect(r).toEqual({ ok: false, path: 'and.0.and.0.and.0.and.0.and.0', message: expect.stringMatching(/at most 5 deep/) });
  });

  it('drops nothing it accepts and accepts nothing with an unknown field', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('eq', 'empty'), (field, op) => {
        const r = validateFilter({ field, op, ...(op === 'eq' ? { value: 'x' } : {}) });
        const known = Object.hasOwn(PARTNER_LIST_FIELDS, field);
        if (!known) expect(r.ok).toBe(false);
        if (r.ok) expect(r.filter).toEqual({ field, op, ...(op === 'eq' ? { value: 'x' } : {}) });
      }),
    );
  });
});

describe('matchesFilter', () => {
  const row = {
    id: '1',
    name: 'Acme Cloud',
    type: 'Tech Vendor',
    ippScore: 42,
    nextActionDate: '2026-03-30',
    lastEngagementDate: null,
    daysSinceLastTouch: null,
    reviewedThisWeek: false,
    createdAt: '2026-01-05T10:00:00.000Z',
    closedWon: 0,
    openDeals: 2,
  };
  const check = (f: unknown) => {
    const v = validateFilter(f);
    if (!v.ok) throw new Error(v.message);
    return matchesFilter(row, v.filter, today);
  };

  it.each([
    [{ field: 'name', op: 'eq', value: 'ACME CLOUD' }, true], // text ignores case
    [{ field: 'name', op: 'contains', value: 'cloud' }, true],
    [{ field: 'name', op: 'contains', value: '' }, true],
    [{ field: 'type', op: 'in', value: ['agency', 'tech vendor'] }, true],
    [{ field: 'type', op: 'in', value: [] }, false],
    [{ field: 'ippScore', op: 'gte', value: 40 }, true],
    [{ field: 'ippScore', op: 'lt', value: 42 }, false],
    [{ field: 'nextActionDate', op: 'lte', value: { today: 0 } }, true],
    [{ field: 'nextActionDate', op: 'lte', value: { today: -2 } }, false],
    [{ field: 'nextActionDate', op: 'eq', value: { today: -1 } }, true],
    [{ field: 'createdAt', op: 'lt', value: '2026-01-05T11:00:00+01:00' }, false], // the same instant
    [{ field: 'createdAt', op: 'lte', value: '2026-01-05T11:00:00+01:00' }, true],
    [{ field: 'reviewedThisWeek', op: 'eq', value: false }, true],
    // A missing value matches neither eq nor neq, as in SQL; only empty finds it.
    [{ field: 'daysSinceLastTouch', op: 'gte', value: 30 }, false],
    [{ field: 'daysSinceLastTouch', op: 'neq', value: 30 }, false],
    [{ field: 'lastEngagementDate', op: 'empty' }, true],
    [{ field: 'lastEngagementDate', op: 'notEmpty' }, false],
    [
      {
        or: [
          { field: 'closedWon', op: 'gt', value: 0 },
          { field: 'openDeals', op: 'gt', value: 0 },
        ],
      },
      true,
    ],
    [
      {
        and: [
          { field: 'closedWon', op: 'gt', value: 0 },
          { field: 'openDeals', op: 'gt', value: 0 },
        ],
      },
      false,
    ],
    [{ and: [] }, true],
    [{ or: [] }, false],
  ])('%j → %s', (f, expected) => {
    expect(check(f)).toBe(expected);
  });

  const condArb: fc.Arbitrary<Filter> = fc.constantFrom<Filter>(
    { field: 'ippScore', op: 'gte', value: 40 },
    { field: 'closedWon', op: 'gt', value: 0 },
    { field: 'name', op: 'contains', value: 'a' },
    { field: 'lastEngagementDate', op: 'empty' },
    { field: 'nextActionDate', op: 'lte', value: { today: 0 } },
  );
  const filterArb: fc.Arbitrary<Filter> = fc.letrec<{ f: Filter }>((tie) => ({
    f: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      condArb,
      fc.array(tie('f'), { maxLength: 3 }).map((and) => ({ and })),
      fc.array(tie('f'), { maxLength: 3 }).map((or) => ({ or })),
    ),
  })).f;
  const rowArb = fc.record({
    id: fc.uuid(),
    name: fc.string({ maxLength: 5 }),
    ippScore: fc.option(fc.integer({ min: 0, max: 50 })),
    closedWon: fc.nat({ max: 3 }),
    lastEngagementDate: fc.option(fc.constant('2026-03-01')),
    nextActionDate: fc.option(fc.constantFrom('2026-03-30', '2026-03-31', '2026-04-01')),
  });

  it('and = every, or = some, for any nesting', () => {
    fc.assert(
      fc.property(filterArb, filterArb, rowArb, (a, b, r) => {
        expect(matchesFilter(r, { and: [a, b] }, today)).toBe(matchesFilter(r, a, today) && matchesFilter(r, b, today));
        expect(matchesFilter(r, { or: [a, b] }, today)).toBe(matchesFilter(r, a, today) || matchesFilter(r, b, today));
      }),
    );
  });

  it('eq and neq never both hold; with a value, exactly one does', () => {
    fc.assert(
      fc.property(rowArb, fc.integer({ min: 0, max: 50 }), (r, v) => {
        const eq = matchesFilter(r, { field: 'ippScore', op: 'eq', value: v }, today);
        const neq = matchesFilter(r, { field: 'ippScore', op: 'neq', value: v }, today);
        expect(eq && neq).toBe(false);
        expect(eq || neq).toBe(r.ippScore !== null);
      }),
    );
  });
});

describe('comparePartnerRows', () => {
  const rows = [
    { id: 'c', name: 'beta', ippScore: null },
    { id: 'a', name: 'Alpha', ippScore: 30 },
    { id: 'b', name: 'alpha', ippScore: 45 },
    { id: 'd', name: null, ippScore: 45 },
  ];
  const sorted = (sort: SortKey[]) => [...rows].sort((x, y) => comparePartnerRows(x, y, sort)).map((r) => r.id);

  it.each([
    [[{ field: 'name', dir: 'asc' }], ['a', 'b', 'c', 'd']], // case ties broken by id; missing last
    [[{ field: 'name', dir: 'desc' }], ['c', 'a', 'b', 'd']], // missing last in both directions
    [
      [
        { field: 'ippScore', dir: 'desc' },
        { field: 'name', dir: 'asc' },
      ],
      ['b', 'd', 'a', 'c'],
    ],
    [[], ['a', 'b', 'c', 'd']],
  ] as [SortKey[], string[]][])('%j → %j', (sort, ids) => {
    expect(sorted(sort)).toEqual(ids);
  });

  it('is antisymmetric, and reversing the direction reverses distinct values', () => {
    fc.assert(
      fc.property(
        fc.record({ id: fc.uuid(), ippScore: fc.option(fc.integer({ min: 0, max: 3 })) }),
        fc.record({ id: fc.uuid(), ippScore: fc.option(fc.integer({ min: 0, max: 3 })) }),
        (a, b) => {
          const asc: SortKey[] = [{ field: 'ippScore', dir: 'asc' }];
          const desc: SortKey[] = [{ field: 'ippScore', dir: 'desc' }];
          expect(Math.sign(comparePartnerRows(a, b, asc))).toBe(-Math.sign(comparePartnerRows(b, a, asc)) || 0);
          if (a.ippScore !== null && b.ippScore !== null && a.ippScore !== b.ippScore) {
            expect(Math.sign(comparePartnerRows(a, b, asc))).toBe(-Math.sign(comparePartnerRows(a, b, desc)));
          }
        },
      ),
    );
  });
});
