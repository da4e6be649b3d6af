import { describe, expect, it } from 'vitest';
import { formatSort, nextSort, parseColumns, parseSort, validatePartnersSearch } from './partners-search';

describe('the partner grid URL', () => {
  it('keeps a valid view, search, sort and columns', () => {
    expect(
      validatePartnersSearch({ view: 'needs-attention', q: ' acme ', sort: '-ippScore,name', cols: 'name,type,ippScore' }),
    ).toEqual({ view: 'needs-attention', q: 'acme', sort: '-ippScore,name', cols: 'name,type,ippScore', filter: undefined });
  });

  it('drops what is malformed instead of failing the page', () => {
    expect(validatePartnersSearch({ view: 'no such/view', q: '   ', sort: '-nope', cols: 'nope,,' })).toEqual({
      view: undefined,
      q: undefined,
      sort: undefined,
      cols: undefined,
      filter: undefined,
    });
  });

  it('keeps a valid grid filter, given as text or already parsed, and drops a bad one', () => {
    const conditions = [{ field: 'type', op: 'eq', value: 'Agency' }];
    expect(validatePartnersSearch({ filter: JSON.stringify(conditions) }).filter).toEqual(conditions);
    expect(validatePartnersSearch({ filter: conditions }).filter).toEqual(conditions);
    expect(validatePartnersSearch({ filter: '[{"field":"type","op":"lt","value":3}]' }).filter).toBeUndefined();
  });

  it('keeps only the known columns of a list', () => {
    expect(parseColumns('name,bogus,pipelineValueMinor')).toEqual(['name', 'pipelineValueMinor']);
    expect(validatePartnersSearch({ cols: 'type,bogus' }).cols).toBe('type');
  });
});

describe('sorting by a column header', () => {
  it('parses and formats the API syntax both ways', () => {
    const keys = parseSort('-pipelineValueMinor,name');
    expect(keys).toEqual([
      { field: 'pipelineValueMinor', dir: 'desc' },
      { field: 'name', dir: 'asc' },
    ]);
    expect(formatSort(keys!)).toBe('-pipelineValueMinor,name');
  });

  it('sorts a new column ascending, toggles it on a second click, and breaks ties by name', () => {
    const first = nextSort([{ field: 'name', dir: 'asc' }], 'ippScore');
    expect(formatSort(first)).toBe('ippScore,name');
    expect(formatSort(nextSort(first, 'ippScore'))).toBe('-ippScore,name');
    expect(formatSort(nextSort(nextSort(first, 'ippScore'), 'ippScore'))).toBe('ippScore,name');
  });

  it('toggles the name column alone', () => {
    expect(formatSort(nextSort([{ field: 'name', dir: 'asc' }], 'name'))).toBe('-name');
  });
});
