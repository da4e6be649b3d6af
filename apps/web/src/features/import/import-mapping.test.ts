import type { SheetImportDto } from '@ptrack/contracts';
import { describe, expect, it } from 'vitest';
import {
  duplicateTargets,
  mappingFileName,
  mappingOf,
  mappingSummary,
  mapsName,
  withDateOrder,
  withTarget,
} from './import-mapping';

const column = (index: number, header: string, target: Record<string, unknown>) => ({
  index,
  header,
  target,
  matchedBy: 'header',
  samples: [],
});
const sheet = (mapping: unknown = null): Pick<SheetImportDto, 'entity' | 'columns' | 'mapping'> => ({
  entity: 'partner',
  mapping,
  columns: [
    column(0, 'Partner Company', { kind: 'field', field: 'name' }),
    column(1, 'Notes', { kind: 'field', field: 'notes' }),
    column(2, 'notes', { kind: 'custom', key: 'notes2', label: 'Notes (2)', type: 'text' }),
  ],
});

describe('the mapping the wizard edits', () => {
  it('has one entry per column, a repeated header told apart by its occurrence, and keeps the date order', () => {
    const m = mappingOf(sheet({ version: 1, entity: 'partner', dateOrder: 'DMY', columns: [] }));
    expect(m.dateOrder).toBe('DMY');
    expect(m.columns.map((c) => [c.header, c.occurrence])).toEqual([
      ['Partner Company', 1],
      ['Notes', 1],
      ['notes', 2],
    ]);
  });

  it('keeps the occurrences the server stored (it normalises headers its own way)', () => {
    const stored = {
      version: 1,
      entity: 'partner',
      columns: [
        { header: 'Partner Company', occurrence: 1, target: { kind: 'field', field: 'name' } },
        { header: 'Notes', occurrence: 1, target: { kind: 'field', field: 'notes' } },
        { header: 'notes', occurrence: 2, target: { kind: 'ignore' } },
      ],
    };
    const s = sheet(stored);
    s.columns[2]!.header = 'Notes:';
    stored.columns[2]!.header = 'Notes:';
    expect(mappingOf(s).columns[2]!.occurrence).toBe(2);
  });

  it('changes one column and the date order without touching the rest', () => {
    const m = mappingOf(sheet());
    const changed = withTarget(m, 1, { kind: 'ignore' });
    expect(changed.columns[1]!.target).toEqual({ kind: 'ignore' });
    expect(changed.columns[0]).toBe(m.columns[0]);
    expect(withDateOrder(m, 'MDY').dateOrder).toBe('MDY');
    expect('dateOrder' in withDateOrder(withDateOrder(m, 'MDY'), undefined)).toBe(false);
  });

  it('flags a field filled by two columns, and a mapping without the partner name', () => {
    const m = withTarget(mappingOf(sheet()), 2, { kind: 'field', field: 'notes' });
    expect([...duplicateTargets(m).keys()]).toEqual([2]);
    expect(duplicateTargets(m).get(2)).toContain('"Notes" already fills Notes');
    expect(mapsName(m)).toBe(true);
    expect(mapsName(withTarget(m, 0, { kind: 'ignore' }))).toBe(false);
  });

  it('sums the mapping up by kind of target', () => {
    const m = mappingOf(sheet());
    expect(mappingSummary(m)).toBe('2 partner fields · 1 custom field');
    expect(mappingSummary(withTarget(m, 2, { kind: 'ignore' }))).toBe('2 partner fields · 1 left out');
  });

  it('names the downloaded mapping after the sheet', () => {
    expect(mappingFileName('tracker.final.csv')).toBe('tracker.final-mapping.json');
  });
});
