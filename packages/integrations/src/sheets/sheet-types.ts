import type { SheetCell } from './parsed';

export type SheetFormat = 'csv' | 'xlsx';

/** One row of a sheet. `rowNumber` is the row as the user sees it in the sheet (1-based, header included). */
export type SheetRow = {
  rowNumber: number;
  cells: SheetCell[];
  /** Indexes of the cells that held a formula; the cell's value is its cached result. */
  formulas?: ReadonlySet<number>;
};

/** Counts that grow while `rows` is read; final once the iteration ends. */
export type SheetStats = { dataRows: number; blankRows: number };

export type SheetContents = {
  format: SheetFormat;
  /** Every sheet of a workbook in workbook order; [] for CSV. */
  sheetNames: string[];
  /** The sheet read (xlsx), null for CSV. */
  sheetName: string | null;
  headers: string[];
  headerRowNumber: number;
  /** Data rows after the header; fully blank rows are skipped and counted in `stats`. Iterate once. */
  rows: AsyncIterable<SheetRow>;
  stats: SheetStats;
  /** Releases the file when `rows` is not read to the end (reading to the end, or breaking out, releases it too). */
  close(): Promise<void>;
  /** The CSV delimiter detected. */
  delimiter?: ',' | ';' | '\t';
};
