import { describe, expect, it } from 'vitest';
import { plural } from './wording';

describe('plural', () => {
  it('says one without an s, and any other count with it (zero included)', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(0, 'row')).toBe('0 rows');
    expect(plural(2, 'person', 'people')).toBe('2 people');
    expect(plural(12_345, 'second')).toBe('12,345 seconds');
  });
});
