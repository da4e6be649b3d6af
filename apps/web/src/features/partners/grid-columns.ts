import {
  DEFAULT_GRID_COLUMNS,
  type GridFieldDef,
  type GridFieldKind,
  PARTNER_GRID_FIELDS,
  type PartnerGridField,
} from '@ptrack/catalog';

// The partner grid's columns, built from the catalog's grid fields (the same list the server's list
// query, filter grammar and OpenAPI document are built from): nothing about a field is written here.

export type ColumnKey = PartnerGridField;
export type ColumnKind = GridFieldKind;

export type GridColumn<K extends string = ColumnKey> = {
  key: K;
  label: string;
  kind: ColumnKind;
  /** Pixels; the grid scrolls sideways when the columns are wider than the screen. */
  width: number;
  /** Set for a column the server computes (read-only): how it is computed, shown on hover and focus. */
  computed?: string;
  /** The totals row adds these up. */
  sum?: true;
};

export type GridColumns<K extends string> = {
  /** Every column, in the order the column chooser lists them. */
  all: readonly GridColumn<K>[];
  columnOf(key: string): GridColumn<K> | undefined;
  isColumnKey(key: string): key is K;
  /** The columns to show, in order: the known ones of `keys`, and always the first (the name; it is frozen). */
  visibleColumns(keys: readonly string[]): GridColumn<K>[];
};

/** The grid's columns for a catalog's grid fields (the first field is the frozen one). */
export function buildGridColumns<const F extends GridFieldDef>(fields: readonly F[]): GridColumns<F['key']> {
  const all: GridColumn<F['key']>[] = fields.map((f) => ({
    key: f.key,
    label: f.label,
    kind: f.kind,
    width: f.width,
    ...(f.hint === undefined ? {} : { computed: f.hint }),
    ...(f.sum ? { sum: f.sum } : {}),
  }));
  const byKey = new Map<string, GridColumn<F['key']>>(all.map((c) => [c.key, c]));
  const first = all[0];
  const isColumnKey = (key: string): key is F['key'] => byKey.has(key);
  return {
    all,
    columnOf: (key) => byKey.get(key),
    isColumnKey,
    visibleColumns(keys) {
      const rest = [...new Set(keys.filter(isColumnKey).filter((k) => k !== first?.key))];
      return [...(first ? [first] : []), ...rest.flatMap((k) => byKey.get(k) ?? [])];
    },
  };
}

const PARTNER_COLUMNS = buildGridColumns(PARTNER_GRID_FIELDS);

export const GRID_COLUMNS = PARTNER_COLUMNS.all;
export const columnOf = PARTNER_COLUMNS.columnOf;
export const isColumnKey = PARTNER_COLUMNS.isColumnKey;
export const visibleColumns = PARTNER_COLUMNS.visibleColumns;

/** The columns of "All partners" and of a view that names none. */
export const DEFAULT_COLUMNS: readonly ColumnKey[] = DEFAULT_GRID_COLUMNS;
