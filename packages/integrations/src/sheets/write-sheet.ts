import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { defined, PLAN_METRIC_LABELS, PLAN_STATUS_LABELS, type PlanMetric, type PlanStatus } from '@ptrack/domain';
import type { ExportColumn, ExportFormat } from './export-columns';
import { isoDateToSerial } from './parse-date';
import { minorDigits } from './parse-money';
import { CORPORATE_SUFFIX } from './parse-values';
import { writeXlsxRows, type XlsxCell, type XlsxStyle } from './xlsx-writer';

/** A record to export: values by column key (see ExportColumn.key). */
export type ExportRecord = Readonly<Record<string, unknown>>;
export type WriteSheetOptions = {
  /** The workspace currency: sets the minor-unit digits of money columns (default USD, 2 digits). */
  currency?: string;
  /** The HubSpot portal id for links; "_" (HubSpot resolves it) by default, as the API's hubspotUrl. */
  hubspotPortalId?: string;
  /** CSV only: ";" for Excel in locales whose decimal mark is a comma (default ","). */
  delimiter?: ',' | ';' | '\t';
};

// Apostrophes already in front are counted in, so "'=x" survives the round trip as itself.
const DANGEROUS_START = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * OWASP CSV injection: a text cell beginning with = + - @ tab or CR (or their full-width forms) gets a
 * leading apostrophe so no spreadsheet runs it as a formula. Numbers, booleans and dates are unchanged.
 * The import strips that apostrophe again, so an export re-imports unchanged.
 */
export function neutraliseCell<T>(value: T): T | string {
  return typeof value === 'string' && DANGEROUS_START.test(value) ? `'${value}` : value;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const serials = new Map<string, number>();
/** isoDateToSerial, remembered: an export repeats the same few hundred days. */
function serialOf(iso: string): number {
  let serial = serials.get(iso);
  if (serial === undefined) {
    serial = isoDateToSerial(iso);
    if (serials.size < 100_000) serials.set(iso, serial);
  }
  return serial;
}

const LIST_ITEM_UNSAFE = /[,;\r\n]|\s(?:and|&)\s|^\s*[-•*·]/i;

function listText(value: unknown): string {
  if (!Array.isArray(value)) return value == null ? '' : String(value);
  const items = value.map((v) => (v && typeof v === 'object' && 'name' in v ? String((v as { name: unknown }).name) : String(v)));
  // ", " like the seed unless an item would split differently on re-import; then one item per line.
  const plain = items.every((i) => !LIST_ITEM_UNSAFE.test(i) && !CORPORATE_SUFFIX.test(i.trim()));
  return items.join(plain ? ', ' : '\n');
}

type Cell = string | number | boolean | Date | null;

/** The value of one cell; `forXlsx` keeps dates as Date and numbers as numbers (formats go on the column). */
function cellOf(format: ExportFormat, value: unknown, digits: number, options: WriteSheetOptions, forXlsx: boolean): Cell {
  if (value === null || value === undefined || value === '') return null;
  switch (format) {
    case 'text':
      return neutraliseCell(String(value));
    case 'integer':
    case 'number':
      return typeof value === 'number' ? value : neutraliseCell(String(value));
    case 'money':
      return typeof value === 'number' ? value / 10 ** digits : neutraliseCell(String(value));
    case 'date': {
      const iso = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
      // XLSX: the day's serial, which the column's date style shows as a date.
      return forXlsx && ISO_DAY.test(iso) ? serialOf(iso) : iso;
    }
    case 'yesNo':
      return value === 'yes' || value === true ? 'Yes' : value === 'no' || value === false ? 'No' : neutraliseCell(String(value));
    case 'flag':
      return value === true ? 'Yes' : value === false ? 'No' : neutraliseCell(String(value));
    case 'list':
      return neutraliseCell(listText(value));
    case 'percent':
      return typeof value === 'number'
        ? forXlsx
          ? value
          : `${Math.round(value * 10000) / 100}%`
        : neutraliseCell(String(value));
    case 'tier':
      // seed 001 writes the tier as a word and its number: Tier 1 … Tier 4
      return typeof value === 'number' ? `Tier ${value}` : neutraliseCell(String(value));
    case 'planStatus':
      return PLAN_STATUS_LABELS[value as PlanStatus] ?? neutraliseCell(String(value));
    case 'planMetric':
      return PLAN_METRIC_LABELS[value as PlanMetric] ?? neutraliseCell(String(value));
    case 'hubspotCompany':
      return `https://app.hubspot.com/contacts/${options.hubspotPortalId ?? '_'}/company/${value}`;
    case 'hubspotContact':
      return `https://app.hubspot.com/contacts/${options.hubspotPortalId ?? '_'}/contact/${value}`;
    default: {
      const never: never = format;
      return never;
    }
  }
}

function csvField(cell: Cell, delimiter: string): string {
  if (cell === null) return '';
  const s =
    cell instanceof Date ? cell.toISOString().slice(0, 10) : typeof cell === 'boolean' ? (cell ? 'TRUE' : 'FALSE') : String(cell);
  return s.includes(delimiter) || /["\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CHUNK_ROWS = 500;

/**
 * Streams records to CSV (UTF-8 with a BOM so Excel reads accents; comma-delimited unless told; CRLF), one column per
 * ExportColumn in order, honouring back-pressure. Resolves with the number of data rows written. Leaves
 * `out` open (the caller ends it).
 */
export async function writeCsv(
  rows: AsyncIterable<ExportRecord> | Iterable<ExportRecord>,
  columns: readonly ExportColumn[],
  out: Writable,
  options: WriteSheetOptions = {},
): Promise<number> {
  const digits = minorDigits(options.currency ?? null);
  const delimiter = options.delimiter ?? ',';
  let chunk = `\uFEFF${columns.map((c) => csvField(neutraliseCell(c.header), delimiter)).join(delimiter)}\r\n`;
  let count = 0;
  let inChunk = 0;
  const flush = async () => {
    if (!out.write(chunk)) await once(out, 'drain');
    chunk = '';
    inChunk = 0;
  };
  for await (const record of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const c = defined(columns[i]);
      if (i > 0) line += delimiter;
      line += csvField(cellOf(c.format, record[c.key], digits, options, false), delimiter);
    }
    chunk += `${line}\r\n`;
    count++;
    if (++inChunk >= CHUNK_ROWS) await flush();
  }
  if (chunk !== '') await flush();
  return count;
}

const XLSX_STYLES: Partial<Record<ExportFormat, XlsxStyle>> = { date: 'date', money: 'money', percent: 'percent' };

/**
 * Streams records to an .xlsx workbook: one sheet, a bold frozen header row, real dates, money as numbers
 * with a number format, text neutralised as in CSV. Resolves (with the row count) once the workbook is
 * fully written to `out`; leaves `out` open.
 */
export async function writeXlsx(
  rows: AsyncIterable<ExportRecord> | Iterable<ExportRecord>,
  columns: readonly ExportColumn[],
  out: Writable,
  options: WriteSheetOptions & { sheetName?: string } = {},
): Promise<number> {
  const digits = minorDigits(options.currency ?? null);
  async function* cells(): AsyncGenerator<XlsxCell[]> {
    for await (const record of rows) {
      const values: XlsxCell[] = new Array(columns.length);
      for (let i = 0; i < columns.length; i++) {
        const c = defined(columns[i]);
        values[i] = cellOf(c.format, record[c.key], digits, options, true);
      }
      yield values;
    }
  }
  return writeXlsxRows(
    out,
    columns.map((c) => neutraliseCell(c.header)),
    columns.map((c) => XLSX_STYLES[c.format] ?? 'default'),
    cells(),
    { sheetName: options.sheetName },
  );
}
