import { describe, expect, it } from 'vitest';
import { addProblem, moveValue, rebase, sectionChanges } from './settings-form';

describe('settings form helpers', () => {
  it('moves a value up or down and ignores moves past either end', () => {
    expect(moveValue(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveValue(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveValue(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveValue(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('refuses a blank value or one already listed, ignoring case and spaces', () => {
    expect(addProblem(['Agency'], '  ')).toBe('Type a value to add');
    expect(addProblem(['Agency'], ' agency ')).toBe('"agency" is already in the list');
    expect(addProblem(['Agency'], 'Reseller')).toBeNull();
  });

  it('lists the settings someone else changed, and those the user is changing', () => {
    const before = { 'Tier 1': '7', 'Tier 2': '14' };
    const now = { 'Tier 1': '5', 'Tier 2': '14' };
    expect(sectionChanges(before, now, { 'Tier 1': '10', 'Tier 2': '14' })).toEqual([
      { label: 'Tier 1', before: '7', now: '5', yours: '10' },
    ]);
    expect(sectionChanges(before, before, { 'Tier 1': '7', 'Tier 2': '21' })).toEqual([
      { label: 'Tier 2', before: '14', now: '14', yours: '21' },
    ]);
  });

  it('replays only the keys the user changed on top of the saved settings', () => {
    const loaded = { '1': 7, '2': 14, '3': 30 };
    const mine = { '1': 6, '2': 14, '3': 30 };
    const now = { '1': 7, '2': 10, '3': 30 };
    expect(rebase(loaded, mine, now)).toEqual({ '1': 6, '2': 10, '3': 30 });
    // A list is one value: the user's edit of it stands whole.
    expect(rebase(['a', 'b'], ['b', 'a'], ['a', 'b', 'c'])).toEqual(['b', 'a']);
  });
});
