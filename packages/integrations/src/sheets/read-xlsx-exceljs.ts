import type { Readable } from 'node:stream';
import { defined } from '@ptrack/domain';
import ExcelJS from 'exceljs';
import type { SheetCell } from './parsed';
import { SheetError } from './sheet-error';
import type { SheetContents, SheetRow, SheetStats } from './sheet-types';

type ExcelRow = { number: number; values: unknown; getCell(i: number): { numFmt?: string } };

// A hyperlink whose text is only a word like "Link" stands for its target (seed 000: HUBSPOT LINK = "Link").
const GENERIC_LINK_TEXT = /^(link|open|view|here|click here|hubspot|notion|url|website|🔗)?$/i;
const HYPERLINK_FORMULA = /^\s*HYPERLINK\(\s*"((?:[^"]|"")*)"/i;
// A number format shows a date when it has d, m, y (or h, s) outside quotes and brackets.
const DATE_FORMAT = /[dmyhs]/i;

function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return DATE_FORMAT.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

function textOfRich(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join('');
}

/** A cell value of exceljs as a SheetCell; formulas give their cached result and are flagged. */
function toCell(v: unknown, row: ExcelRow, col: number, formulas: Set<number>, index: number): SheetCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    formulas.add(index);
    const result = o.result;
    // Google Sheets exports links as =HYPERLINK("url","Link"): a generic label stands for its url.
    const link = typeof o.formula === 'string' ? HYPERLINK_FORMULA.exec(o.formula) : null;
    if (link && (typeof result !== 'string' || GENERIC_LINK_TEXT.test(result.trim())))
      return defined(link[1]).replace(/""/g, '"');
    if (typeof result === 'number' && isDateFormat(row.getCell(col).numFmt)) {
      return new Date(Math.round((result - 25569) * 86_400_000));
    }
    return toCell(result, row, col, formulas, index);
  }
  if (Array.isArray(o.richText)) return textOfRich(o as { richText: { text: string }[] });
  if ('hyperlink' in o) {
    const text = typeof o.text === 'string' ? o.text : o.text && typeof o.text === 'object' ? textOfRich(o.text as never) : '';
    return GENERIC_LINK_TEXT.test(text.trim()) ? String(o.hyperlink) : text;
  }
  if ('error' in o) return String(o.error);
  return null;
}

function rowCells(row: ExcelRow): { cells: SheetCell[]; formulas: Set<number>; blank: boolean } {
  const values = row.values as unknown[];
  const formulas = new Set<number>();
  const cells = new Array<SheetCell>(Math.max(0, values.length - 1)).fill(null);
  let blank = true;
  for (let col = 1; col < values.length; col++) {
    const cell = toCell(values[col], row, col, formulas, col - 1);
    cells[col - 1] = cell;
    if (blank && cell !== null && !(typeof cell === 'string' && cell.trim() === '')) blank = false;
  }
  return { cells, formulas, blank };
}

function headerText(cell: SheetCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Streams the chosen worksheet with exceljs's WorkbookReader: the fallback for workbooks readXlsx does not handle (ZIP64). */
export async function readXlsxWithExceljs(input: Readable, sheet: string | undefined): Promise<SheetContents> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  const unreadable = (e: unknown) =>
    e instanceof SheetError
      ? e
      : new SheetError('UNREADABLE_FILE', `The file is not a readable .xlsx workbook (${(e as Error).message}).`);
  let sheetNames: string[] = [];
  const seen: string[] = [];
  let chosen: (AsyncIterable<ExcelRow> & { name: string }) | null = null;
  try {
    for (;;) {
      const r = await sheets.next();
      if (r.done) break;
      const ws = r.value as unknown as AsyncIterable<ExcelRow> & { name: string };
      seen.push(ws.name);
      const model = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model;
      if (sheetNames.length === 0 && model?.sheets) sheetNames = model.sheets.map((s) => s.name);
      const wanted = sheet ?? sheetNames[0] ?? ws.name;
      if (ws.name === wanted || ws.name.trim().toLowerCase() === wanted.trim().toLowerCase()) {
        chosen = ws;
        break;
      }
    }
  } catch (e) {
    input.destroy();
    throw unreadable(e);
  }
  if (sheetNames.length === 0) sheetNames = seen;
  if (!chosen) {
    input.destroy();
    if (sheetNames.length === 0) throw new SheetError('EMPTY_SHEET', 'The workbook has no worksheets.');
    throw new SheetError(
      'SHEET_NOT_FOUND',
      `There is no sheet "${sheet}". The sheets are: ${sheetNames.map((n) => `"${n}"`).join(', ')}.`,
      {
        sheet,
        sheetNames,
      },
    );
  }

  const rowIterator = chosen[Symbol.asyncIterator]();
  const stats: SheetStats = { dataRows: 0, blankRows: 0 };
  let lastRowNumber = 0;
  const next = async () => {
    try {
      return await rowIterator.next();
    } catch (e) {
      input.destroy();
      throw unreadable(e);
    }
  };

  let headers: string[] | null = null;
  let headerRowNumber = 0;
  while (headers === null) {
    const r = await next();
    if (r.done) {
      input.destroy();
      throw new SheetError('EMPTY_SHEET', `The sheet "${chosen.name}" has no header row: it is empty.`);
    }
    const { cells, blank } = rowCells(r.value);
    lastRowNumber = r.value.number;
    if (!blank) {
      headers = cells.map(headerText);
      headerRowNumber = r.value.number;
    }
  }

  async function* rows(): AsyncGenerator<SheetRow> {
    try {
      for (;;) {
        const r = await next();
        if (r.done) return;
        const { cells, formulas, blank } = rowCells(r.value);
        // Rows missing from the file between two present rows are blank rows of the sheet.
        stats.blankRows += Math.max(0, r.value.number - lastRowNumber - 1);
        lastRowNumber = r.value.number;
        if (blank) stats.blankRows++;
        else {
          stats.dataRows++;
          yield formulas.size > 0 ? { rowNumber: r.value.number, cells, formulas } : { rowNumber: r.value.number, cells };
        }
      }
    } finally {
      input.destroy();
    }
  }

  const close = async () => {
    input.destroy();
  };
  return { format: 'xlsx', sheetNames, sheetName: chosen.name, headers, headerRowNumber, rows: rows(), stats, close };
}
