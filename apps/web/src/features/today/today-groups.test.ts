import { plural } from '@ptrack/catalog';
import type { ActionDto } from '@ptrack/contracts';
import { describe, expect, it } from 'vitest';
import { groupByPartner } from './today-groups';

const action = (id: string, partnerId: string) => ({ id, partnerId, partnerName: `Partner ${partnerId}` }) as ActionDto;

describe('the Today list', () => {
  it('groups actions by partner in the order the partners first appear', () => {
    const groups = groupByPartner([action('1', 'b'), action('2', 'a'), action('3', 'b')]);
    expect(groups.map((g) => [g.partnerId, g.items.map((i) => i.id)])).toEqual([
      ['b', ['1', '3']],
      ['a', ['2']],
    ]);
    expect(groups[0]?.partnerName).toBe('Partner b');
  });

  it('says one or many', () => {
    expect(plural(1, 'action', 'actions')).toBe('1 action');
    expect(plural(0, 'action', 'actions')).toBe('0 actions');
  });
});
