import { describe, expect, it } from 'vitest';
import { StandInError } from './errors.ts';
import { parseSearchRequest, runSearch } from './search.ts';
import { seedProgram } from './seed.ts';
import { HubSpotStore } from './store.ts';

function fixture() {
  const store = new HubSpotStore();
  seedProgram(store, { companies: 0, contactsPerCompany: 0, deals: 0 });
  const at = (day: number) => Date.UTC(2026, 0, day);
  const rows = [
    { email: 'ann@alpha.io', firstname: 'Ann Marie', engagement_tier: '1', rep_quality_score: '9', day: 1 },
    { email: 'bob@beta.io', firstname: 'Bob', engagement_tier: '2', rep_quality_score: '10', day: 2 },
    { email: 'cy@alpha.io', firstname: 'Cy', engagement_tier: '3', day: 3 },
    { email: 'dee@gamma.io', firstname: 'Dee', engagement_tier: '4', rep_quality_score: '2', day: 4 },
  ];
  const ids = rows.map(({ day, ...props }) => {
    store.setNow(at(day));
    return store.create('contacts', props).id;
  });
  return { store, ids, at };
}

const search = (store: HubSpotStore, body: unknown) => runSearch(store, 'contacts', parseSearchRequest(body));
const f = (propertyName: string, operator: string, rest: Record<string, unknown> = {}) => ({ propertyName, operator, ...rest });
const one = (...filters: unknown[]) => ({ filterGroups: [{ filters }], limit: 200 });

describe('runSearch', () => {
  const { store, ids, at } = fixture();
  const [ann, bob, cy, dee] = ids as [string, string, string, string];
  const idsOf = (body: unknown) => search(store, body).records.map((r) => r.id);

  it.each([
    ['EQ', f('engagement_tier', 'EQ', { value: '2' }), [bob]],
    ['NEQ', f('engagement_tier', 'NEQ', { value: '2' }), [ann, cy, dee]],
    ['LT on numbers, not strings', f('rep_quality_score', 'LT', { value: '9' }), [dee]],
    ['LTE', f('rep_quality_score', 'LTE', { value: '9' }), [ann, dee]],
    ['GT', f('rep_quality_score', 'GT', { value: '9' }), [bob]],
    ['GTE', f('engagement_tier', 'GTE', { value: '3' }), [cy, dee]],
    [
      'BETWEEN dates given as epoch ms',
      f('createdate', 'BETWEEN', { value: String(at(2)), highValue: String(at(3)) }),
      [bob, cy],
    ],
    ['GTE dates given as ISO', f('lastmodifieddate', 'GTE', { value: new Date(at(4)).toISOString() }), [dee]],
    ['IN', f('engagement_tier', 'IN', { values: ['1', '4'] }), [ann, dee]],
    ['NOT_IN', f('engagement_tier', 'NOT_IN', { values: ['1', '4'] }), [bob, cy]],
    ['HAS_PROPERTY', f('rep_quality_score', 'HAS_PROPERTY'), [ann, bob, dee]],
    ['NOT_HAS_PROPERTY', f('rep_quality_score', 'NOT_HAS_PROPERTY'), [cy]],
    ['CONTAINS_TOKEN with a word', f('firstname', 'CONTAINS_TOKEN', { value: 'marie' }), [ann]],
    ['CONTAINS_TOKEN with a wildcard', f('email', 'CONTAINS_TOKEN', { value: '*@alpha.io' }), [ann, cy]],
    ['NOT_CONTAINS_TOKEN', f('email', 'NOT_CONTAINS_TOKEN', { value: '*@alpha.io' }), [bob, dee]],
  ])('%s', (_name, filter, expected) => {
    expect(idsOf(one(filter))).toEqual(expected);
  });

  it('ANDs filters inside a group and ORs the groups', () => {
    const body = {
      filterGroups: [
        { filters: [f('email', 'CONTAINS_TOKEN', { value: '*@alpha.io' }), f('engagement_tier', 'EQ', { value: '3' })] },
        { filters: [f('engagement_tier', 'EQ', { value: '2' })] },
      ],
    };
    expect(idsOf(body)).toEqual([bob, cy]);
  });

  it('honours one sort, descending, in object or string form', () => {
    expect(idsOf({ sorts: [{ propertyName: 'createdate', direction: 'DESCENDING' }] })).toEqual([dee, cy, bob, ann]);
    expect(idsOf({ sorts: ['-createdate'] })).toEqual([dee, cy, bob, ann]);
    expect(idsOf({ sorts: ['rep_quality_score'] })).toEqual([dee, ann, bob, cy]);
  });

  it('pages with a numeric after and reports the total', () => {
    const first = search(store, { limit: 3 });
    expect(first.total).toBe(4);
    expect(first.nextAfter).toBe('3');
    const second = search(store, { limit: 3, after: first.nextAfter });
    expect(second.records.map((r) => r.id)).toEqual([dee]);
    expect(second.nextAfter).toBeUndefined();
  });
});

describe('parseSearchRequest', () => {
  const reject = (body: unknown) => {
    try {
      parseSearchRequest(body);
    } catch (error) {
      return error instanceof StandInError ? `${error.status} ${error.category}` : 'other';
    }
    return 'accepted';
  };

  it('accepts limit 200 and rejects 201', () => {
    expect(reject({ limit: 200 })).toBe('accepted');
    expect(reject({ limit: 201 })).toBe('400 VALIDATION_ERROR');
  });

  it('rejects paging beyond the 10,000th result', () => {
    expect(reject({ limit: 100, after: '9900' })).toBe('accepted');
    expect(reject({ limit: 100, after: '9901' })).toBe('400 VALIDATION_ERROR');
  });

  it('rejects unknown operators, BETWEEN without highValue, and more than 5 groups', () => {
    expect(reject(one(f('a', 'LIKE', { value: 'x' })))).toBe('400 VALIDATION_ERROR');
    expect(reject(one(f('a', 'BETWEEN', { value: '1' })))).toBe('400 VALIDATION_ERROR');
    const groups = Array.from({ length: 6 }, () => ({ filters: [f('a', 'HAS_PROPERTY')] }));
    expect(reject({ filterGroups: groups })).toBe('400 VALIDATION_ERROR');
  });
});

describe('runSearch with limit 0', () => {
  it('counts without offering a next page that would never advance', () => {
    const { store } = fixture();
    const result = search(store, { limit: 0 });
    expect(result.total).toBe(4);
    expect(result.records).toEqual([]);
    expect(result.nextAfter).toBeUndefined();
  });
});
