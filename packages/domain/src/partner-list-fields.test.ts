import { describe, expect, it } from 'vitest';
import { isPartnerListField, PARTNER_LIST_FIELDS } from './partner-list-fields';

describe('PARTNER_LIST_FIELDS', () => {
  it('names the grid columns with their kinds', () => {
    expect(PARTNER_LIST_FIELDS.name).toBe('text');
    expect(PARTNER_LIST_FIELDS.nextActionDate).toBe('date');
    expect(PARTNER_LIST_FIELDS.createdAt).toBe('instant');
    expect(PARTNER_LIST_FIELDS.reviewedThisWeek).toBe('boolean');
    expect(PARTNER_LIST_FIELDS.pipelineValueMinor).toBe('number');
    expect(Object.keys(PARTNER_LIST_FIELDS)).toHaveLength(37);
  });

  it.each([
    ['name', true],
    ['daysSinceLastTouch', true],
    ['tier12RepNames', false], // a list: in every row, never filtered or sorted
    ['id', false],
    ['toString', false], // not fooled by the prototype
    ['__proto__', false],
  ])('isPartnerListField(%s) → %s', (f, ok) => {
    expect(isPartnerListField(f)).toBe(ok);
  });
});
