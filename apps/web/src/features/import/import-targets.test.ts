import { describe, expect, it } from 'vitest';
import { type ColumnTarget, customKeyFor, describeTarget, targetFromValue, targetOptions, targetValue } from './import-targets';

describe('column targets in plain words', () => {
  it('names fields, computed columns, custom fields and ignored columns', () => {
    expect(describeTarget({ kind: 'field', field: 'name' })).toBe('Partner name');
    expect(describeTarget({ kind: 'field', field: 'plan.goal' })).toBe('90-day goal');
    expect(describeTarget({ kind: 'computed', name: 'daysSinceLastTouch' })).toBe('Computed — not stored');
    expect(describeTarget({ kind: 'custom', key: 'level', label: 'Level', type: 'select', options: ['Gold'] })).toBe(
      'Custom field (choice list)',
    );
    expect(describeTarget({ kind: 'ignore' })).toBe("Don't import");
  });

  it('round-trips a target through its Select value, restoring the proposed custom field or computed column', () => {
    const custom: ColumnTarget = { kind: 'custom', key: 'level', label: 'Level', type: 'select', options: ['Gold'] };
    expect(targetFromValue(targetValue(custom), custom, 'Level', 1)).toEqual(custom);
    const computed: ColumnTarget = { kind: 'computed', name: 'tier1Reps' };
    expect(targetFromValue('computed', computed, 'Tier 1 Reps', 2)).toEqual(computed);
    expect(targetFromValue('field:type', custom, 'Level', 1)).toEqual({ kind: 'field', field: 'type' });
    expect(targetFromValue('ignore', custom, 'Level', 1)).toEqual({ kind: 'ignore' });
  });

  it('makes a new text custom field of a column the server had mapped to a field', () => {
    expect(targetFromValue('custom', { kind: 'field', field: 'notes' }, 'Notes (2)', 4)).toEqual({
      kind: 'custom',
      key: 'notes2',
      label: 'Notes (2)',
      type: 'text',
    });
  });

  it('derives custom keys the server accepts (a letter first, letters and digits after)', () => {
    expect(customKeyFor('KEY CONTACT ROLE', 0)).toBe('keyContactRole');
    expect(customKeyFor('Société Générale', 0)).toBe('societeGenerale');
    expect(customKeyFor('2024 revenue', 3)).toBe('column4');
    expect(customKeyFor('🍕', 7)).toBe('column8');
  });

  it('offers computed only to a column recognised as computed', () => {
    const values = (groups: ReturnType<typeof targetOptions>) => groups.flatMap((g) => g.items.map((i) => i.value));
    expect(values(targetOptions({ kind: 'field', field: 'name' }, { kind: 'field', field: 'name' }))).not.toContain('computed');
    expect(values(targetOptions({ kind: 'computed', name: 'ippScore' }, { kind: 'ignore' }))).toContain('computed');
    expect(values(targetOptions({ kind: 'ignore' }, { kind: 'ignore' }))).toContain('field:activity.lastEngagementDate');
  });
});
