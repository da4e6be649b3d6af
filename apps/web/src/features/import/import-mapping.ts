import type { SheetImportDto } from '@ptrack/contracts';
import { type ColumnTarget, fieldLabel } from './import-targets';

// The mapping the wizard edits: the sheet adapter's SavedMapping (contracts carry it as JSON), one entry
// per column in sheet order. A repeated header is told apart by its occurrence, as `ptrack import
// --mapping` reads it back.

export type DateOrder = 'MDY' | 'DMY';
export type MappingColumn = { header: string; occurrence: number; target: ColumnTarget };
export type SavedMapping = { version: 1; entity: 'partner' | 'rep'; dateOrder?: DateOrder; columns: MappingColumn[] };

type ImportColumns = Pick<SheetImportDto, 'entity' | 'columns' | 'mapping'>;

/** The mapping as the server holds it, rebuilt from its columns when it holds none (one entry per column). */
export function mappingOf(dto: ImportColumns): SavedMapping {
  const stored = dto.mapping as Partial<SavedMapping> | null;
  const seen = new Map<string, number>();
  const columns = dto.columns.map((c, i) => {
    const key = c.header.trim().toLowerCase();
    const counted = (seen.get(key) ?? 0) + 1;
    seen.set(key, counted);
    // The server counts repeats by its own header normalisation: its stored occurrence wins.
    const kept = stored?.columns?.[i];
    const occurrence = kept && kept.header === c.header ? kept.occurrence : counted;
    return { header: c.header, occurrence, target: c.target as ColumnTarget };
  });
  return {
    version: 1,
    entity: dto.entity,
    ...(stored?.dateOrder ? { dateOrder: stored.dateOrder } : {}),
    columns,
  };
}

export function withTarget(mapping: SavedMapping, index: number, target: ColumnTarget): SavedMapping {
  return { ...mapping, columns: mapping.columns.map((c, i) => (i === index ? { ...c, target } : c)) };
}

export function withDateOrder(mapping: SavedMapping, dateOrder: DateOrder | undefined): SavedMapping {
  const { dateOrder: _old, ...rest } = mapping;
  return dateOrder ? { ...rest, dateOrder } : rest;
}

/** Column index → a message for each column whose partner field another column already fills. */
export function duplicateTargets(mapping: SavedMapping): Map<number, string> {
  const problems = new Map<number, string>();
  const first = new Map<string, string>();
  mapping.columns.forEach((c, i) => {
    if (c.target.kind !== 'field') return;
    const earlierHeader = first.get(c.target.field);
    if (earlierHeader === undefined) first.set(c.target.field, c.header);
    else
      problems.set(
        i,
        `"${earlierHeader}" already fills ${fieldLabel(c.target.field, mapping.entity)}: pick another field or don't import`,
      );
  });
  return problems;
}

/** Whether the partner name has a column: without one no row can be imported. */
export const mapsName = (mapping: SavedMapping): boolean =>
  mapping.columns.some((c) => c.target.kind === 'field' && c.target.field === 'name');

export const sameMapping = (a: SavedMapping, b: SavedMapping): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A data: URL of the mapping as JSON, for "Download mapping" (reused by `ptrack import --mapping`). */
export function mappingDownloadHref(mapping: SavedMapping): string {
  return `data:application/json;charset=utf-8,${encodeURIComponent(`${JSON.stringify(mapping, null, 2)}\n`)}`;
}

/** "tracker.csv" → "tracker-mapping.json". */
export function mappingFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]+$/, '') || 'sheet'}-mapping.json`;
}

/** "30 partner fields · 2 custom fields · 4 computed · 1 left out": the mapping at a glance. */
export function mappingSummary(mapping: SavedMapping): string {
  const count = { field: 0, custom: 0, computed: 0, ignore: 0 };
  for (const c of mapping.columns) count[c.target.kind]++;
  const parts = [
    `${count.field} ${count.field === 1 ? 'partner field' : 'partner fields'}`,
    count.custom ? `${count.custom} ${count.custom === 1 ? 'custom field' : 'custom fields'}` : '',
    count.computed ? `${count.computed} computed (not stored)` : '',
    count.ignore ? `${count.ignore} left out` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}
