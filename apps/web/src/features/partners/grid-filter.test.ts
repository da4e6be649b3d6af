import type { PartnerFilter } from '@ptrack/contracts';
import { describe, expect, it } from 'vitest';
import {
  choicesFor,
  combineFilters,
  describeCondition,
  type GridCondition,
  isValidCondition,
  opsFor,
  parseFilterParam,
  toApiFilter,
} from './grid-filter';

const agency: GridCondition = { field: 'type', op: 'eq', value: 'Agency' };
const pipeline: GridCondition = { field: 'pipelineValueMinor', op: 'gte', value: 5_000_000 };
const stale: GridCondition = { field: 'lastEngagementDate', op: 'lt', value: { today: -30 } };

describe('the grid filter in the URL', () => {
  it('reads back the conditions it wrote', () => {
    const conditions = [agency, pipeline, stale, { field: 'owner', op: 'empty' } as GridCondition];
    expect(parseFilterParam(JSON.stringify(conditions))).toEqual(conditions);
    expect(parseFilterParam(undefined)).toBeUndefined();
  });

  it('drops a malformed or unknown filter instead of failing the page', () => {
    expect(parseFilterParam('{not json')).toBeUndefined();
    expect(parseFilterParam('[]')).toBeUndefined();
    expect(parseFilterParam(JSON.stringify([{ field: 'nope', op: 'eq', value: 'x' }]))).toBeUndefined();
    // contains is for text; a number column refuses it
    expect(parseFilterParam(JSON.stringify([{ field: 'ippScore', op: 'contains', value: '4' }]))).toBeUndefined();
    // a value of the wrong kind, a missing value, a value where none belongs
    expect(parseFilterParam(JSON.stringify([{ field: 'ippScore', op: 'gte', value: '40' }]))).toBeUndefined();
    expect(parseFilterParam(JSON.stringify([{ field: 'type', op: 'eq' }]))).toBeUndefined();
    expect(parseFilterParam(JSON.stringify([{ field: 'type', op: 'empty', value: 'x' }]))).toBeUndefined();
    expect(parseFilterParam(JSON.stringify([{ field: 'type', op: 'eq', value: 'x', extra: 1 }]))).toBeUndefined();
  });

  it('accepts one condition given bare, as a hand-written link might', () => {
    expect(parseFilterParam(JSON.stringify(agency))).toEqual([agency]);
  });

  it('offers no operator for timestamps and only yes/no for booleans', () => {
    expect(opsFor('instant')).toEqual([]);
    expect(opsFor('boolean')).toEqual(['eq']);
    expect(isValidCondition({ field: 'reviewedThisWeek', op: 'eq', value: false })).toBe(true);
    expect(isValidCondition({ field: 'reviewedThisWeek', op: 'lt', value: false })).toBe(false);
  });
});

describe('the filter sent to the API and saved in a view', () => {
  it('sends one condition alone and several under and', () => {
    expect(toApiFilter([])).toBeNull();
    expect(toApiFilter([agency])).toEqual(agency);
    expect(toApiFilter([agency, pipeline])).toEqual({ and: [agency, pipeline] });
  });

  it("keeps the view's own filter beside the grid's conditions", () => {
    const view: PartnerFilter = { field: 'daysSinceLastTouch', op: 'gte', value: 30 };
    expect(combineFilters(view, [])).toEqual(view);
    expect(combineFilters(null, [agency])).toEqual(agency);
    expect(combineFilters(view, [agency, pipeline])).toEqual({ and: [view, { and: [agency, pipeline] }] });
  });
});

describe('a condition in words', () => {
  it('reads like a sentence, with money in the currency and relative days', () => {
    expect(describeCondition(agency, 'USD')).toBe('Type is “Agency”');
    expect(describeCondition(pipeline, 'USD')).toMatch(/^Pipeline ≥ .*50,000$/);
    expect(describeCondition(stale, 'USD')).toBe('Last touch is before 30 days ago');
    expect(describeCondition({ field: 'planStatus', op: 'in', value: ['at-risk', 'failed'] }, 'USD')).toBe(
      '90-day plan is any of At Risk, Failed',
    );
    expect(describeCondition({ field: 'reviewedThisWeek', op: 'eq', value: false }, 'USD')).toBe('Reviewed this week: no');
  });

  it('offers the option list or the fixed codes as choices', () => {
    expect(choicesFor('type', { partnerType: ['Agency', 'Platform'] })).toEqual(['Agency', 'Platform']);
    expect(choicesFor('qualification', undefined)).toEqual(['pursue', 'polite-pass', 'incomplete']);
    expect(choicesFor('name', { partnerType: [] })).toBeUndefined();
  });
});
