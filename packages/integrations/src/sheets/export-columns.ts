import type { ExportColumn, ExportFormat } from '@ptrack/catalog';
import type { CustomFieldDef } from './header-match';

export {
  type ExportColumn,
  type ExportFormat,
  PARTNER_EXPORT_COLUMNS,
  PARTNER_EXTRA_COLUMNS,
  PARTNER_SEED_COLUMNS,
  REP_EXPORT_COLUMNS,
  REP_EXTRA_COLUMNS,
  REP_SEED_COLUMNS,
} from '@ptrack/catalog';

/** The columns of an export: the catalog's, then one per custom field. */
export function exportColumns(fixed: readonly ExportColumn[], defs: readonly CustomFieldDef[]): ExportColumn[] {
  return [...fixed, ...customExportColumns(defs)];
}

/** The header row of an export. */
export function exportHeaders(fixed: readonly ExportColumn[], defs: readonly CustomFieldDef[] = []): string[] {
  return exportColumns(fixed, defs).map((c) => c.header);
}

/** Columns for custom fields, appended after the fixed ones; the header is the field's label. */
export function customExportColumns(defs: readonly CustomFieldDef[]): ExportColumn[] {
  return defs.map((d) => {
    const format: ExportFormat =
      d.type === 'number' ? 'number' : d.type === 'date' ? 'date' : d.type === 'checkbox' ? 'flag' : 'text';
    return { header: d.label, key: `custom.${d.key}`, format };
  });
}
