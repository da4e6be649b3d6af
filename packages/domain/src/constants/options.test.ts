import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTION_LISTS, findOptionValue, isOptionListName, OPTION_LIST_NAMES } from './options';

describe('DEFAULT_OPTION_LISTS', () => {
  it('has the docs/RULES.md defaults for every list', () => {
    expect(Object.keys(DEFAULT_OPTION_LISTS).sort()).toEqual([...OPTION_LIST_NAMES].sort());
    expect(DEFAULT_OPTION_LISTS.partnerType).toEqual(['Tech Vendor', 'Agency', 'Affiliate', 'Recruiting', 'Platform', 'Advisor']);
    expect(DEFAULT_OPTION_LISTS.programStatus).toEqual(['Active', 'Testing', 'Paused', 'Inactive']);
    expect(DEFAULT_OPTION_LISTS.actionType[0]).toBe('Follow-up');
    expect(DEFAULT_OPTION_LISTS.phase).toHaveLength(4);
    for (const values of Object.values(DEFAULT_OPTION_LISTS)) {
      expect(new Set(values.map((v) => v.toLowerCase())).size).toBe(values.length);
    }
  });

  it('cannot be changed by accident', () => {
    expect(() => DEFAULT_OPTION_LISTS.partnerType.push('Reseller')).toThrow(TypeError);
    expect(structuredClone(DEFAULT_OPTION_LISTS).partnerType).toHaveLength(6);
  });

  it.each([
    ['partnerType', true],
    ['actionType', true],
    ['type', false],
    ['constructor', false],
  ])('isOptionListName(%s) → %s', (name, ok) => {
    expect(isOptionListName(name)).toBe(ok);
  });
});

describe('findOptionValue', () => {
  it.each([
    ['Agency', 'Agency'],
    [' agency ', 'Agency'],
    ['Phase 2', 'Phase 2: Activate'],
    ['phase 2: activate', 'Phase 2: Activate'],
    ['Reseller', null],
    ['', null],
  ])('%j → %j', (input, found) => {
    expect(findOptionValue([...DEFAULT_OPTION_LISTS.partnerType, ...DEFAULT_OPTION_LISTS.phase], input)).toBe(found);
  });
});
