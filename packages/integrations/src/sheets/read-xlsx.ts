import type { Readable } from 'node:stream';
import { defined } from '@ptrack/domain';
import type { SheetCell } from './parsed';
import { readXlsxWithExceljs } from './read-xlsx-exceljs';
import { SheetError } from './sheet-error';
import type { SheetContents, SheetRow, SheetStats } from './sheet-types';
import { completeElements, parseDateStyles, parseWorkbook, stringItemText, unescapeXml } from './xlsx-parts';
import { ZipReader } from './zip-reader';

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const SHARED_STRING = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const FORMULA = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
const HYPERLINK_FORMULA = /^\s*HYPERLINK\(\s*"((?:[^"]|"")*)"/i;
// A hyperlink whose text is only a word like "Link" stands for its target (seed 000: HUBSPOT LINK = "Link").
const GENERIC_LINK_TEXT = /^(link|open|view|here|click here|hubspot|notion|url|website|🔗)?$/i;

/** An attribute's value from a tag's attribute text: indexOf first (machine-written XML), a regex otherwise. */
function attr(attrs: string, name: string): string | undefined {
  const i = attrs.indexOf(` ${name}="`);
  if (i >= 0) {
    const start = i + name.length + 3;
    return attrs.slice(start, attrs.indexOf('"', start));
  }
  if (attrs.indexOf(`${name}=`) < 0) return undefined;
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']([^"']*)`).exec(attrs)?.[1];
}

function valueText(body: string): string | undefined {
  const i = body.indexOf('<v>');
  if (i >= 0) return body.slice(i + 3, body.indexOf('</v>', i + 3));
  return body.indexOf('v>') >= 0 ? VALUE.exec(body)?.[1] : undefined;
}

async function* textChunks(stream: Readable): AsyncGenerator<string> {
  stream.setEncoding('utf8');
  for await (const chunk of stream) yield chunk as string;
}

async function sharedStrings(zip: ZipReader): Promise<string[]> {
  const stream = await zip.stream('xl/sharedStrings.xml');
  if (!stream) return [];
  const strings: string[] = [];
  let pending = '';
  for await (const chunk of textChunks(stream)) {
    const { items, rest } = completeElements(pending + chunk, SHARED_STRING);
    for (const m of items) strings.push(m[1] === undefined ? '' : stringItemText(m[1]));
    pending = rest;
  }
  return strings;
}

function columnIndex(ref: string | undefined, fallback: number): number {
  if (!ref) return fallback;
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n > 0 ? n - 1 : fallback;
}

type Context = { strings: string[]; dateStyles: boolean[]; date1904: boolean };

function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86_400_000));
}

/** Calls `visit` with the attribute text and body of each <c> of a row; indexOf for plain XML, a regex for prefixed. */
function scanCells(inner: string, visit: (attrs: string, body: string | undefined) => void): void {
  if (inner.indexOf(':c ') >= 0 || inner.indexOf(':c>') >= 0) {
    CELL.lastIndex = 0;
    for (let m = CELL.exec(inner); m; m = CELL.exec(inner)) visit(defined(m[1]), m[2]);
    return;
  }
  let pos = 0;
  for (;;) {
    let start = inner.indexOf('<c', pos);
    // skip tags that only start with "c" (none are expected inside a row, but be exact)
    while (start >= 0) {
      const next = inner.charCodeAt(start + 2);
      if (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13) break;
      start = inner.indexOf('<c', start + 2);
    }
    if (start < 0) return;
    const tagEnd = inner.indexOf('>', start);
    if (tagEnd < 0) return;
    if (inner.charCodeAt(tagEnd - 1) === 47) {
      visit(inner.slice(start + 2, tagEnd - 1), undefined);
      pos = tagEnd + 1;
    } else {
      const close = inner.indexOf('</c>', tagEnd);
      if (close < 0) return;
      visit(inner.slice(start + 2, tagEnd), inner.slice(tagEnd + 1, close));
      pos = close + 4;
    }
  }
}

function inlineText(body: string): string | null {
  // The common shape first: <is><t>text</t></is>.
  if (body.startsWith('<is><t>') && body.endsWith('</t></is>') && body.indexOf('<', 7) === body.length - 9)
    return unescapeXml(body.slice(7, -9));
  const is = INLINE.exec(body);
  return is ? stringItemText(defined(is[1])) : null;
}

/** The cells of one <row>: values, the formula columns, and whether every cell is blank. */
function parseRow(inner: string | undefined, ctx: Context): { cells: SheetCell[]; formulas: Set<number>; blank: boolean } {
  const cells: SheetCell[] = [];
  const formulas = new Set<number>();
  let blank = true;
  if (inner === undefined) return { cells, formulas, blank };
  let next = 0;
  scanCells(inner, (attrs, body) => {
    const col = columnIndex(attr(attrs, 'r'), next);
    next = col + 1;
    if (!body) return;
    const type = attr(attrs, 't') ?? 'n';
    const v = type === 'inlineStr' ? undefined : valueText(body);
    let value: SheetCell = null;
    switch (type) {
      case 's':
        value = v === undefined ? null : (ctx.strings[Number(v)] ?? null);
        break;
      case 'inlineStr':
        value = inlineText(body);
        break;
      case 'str':
      case 'e':
        value = v === undefined ? null : unescapeXml(v);
        break;
      case 'b':
        value = v === undefined ? null : v.trim() === '1' || v.trim() === 'true';
        break;
      case 'd':
        value = v === undefined ? null : new Date(unescapeXml(v));
        break;
      default: {
        if (v === undefined || v.trim() === '') break;
        const n = Number(v);
        const style = attr(attrs, 's');
        value = style !== undefined && ctx.dateStyles[Number(style)] ? serialDate(n, ctx.date1904) : n;
      }
    }
    if (body.indexOf('<f') >= 0 || body.indexOf(':f') >= 0) {
      const f = FORMULA.exec(body);
      if (f) {
        formulas.add(col);
        const link = f[2] ? HYPERLINK_FORMULA.exec(unescapeXml(f[2])) : null;
        // Google Sheets exports links as =HYPERLINK("url","Link"): a generic label stands for its url.
        if (link && (typeof value !== 'string' || GENERIC_LINK_TEXT.test(value.trim())))
          value = defined(link[1]).replace(/""/g, '"');
      }
    }
    while (cells.length < col) cells.push(null);
    cells[col] = value;
    if (blank && value !== null && !(typeof value === 'string' && value.trim() === '')) blank = false;
  });
  return { cells, formulas, blank };
}

function headerText(cell: SheetCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/**
 * Streams the chosen worksheet (the first by default) of an .xlsx workbook: the ZIP's central directory
 * locates the parts, shared strings and styles are read first, then the sheet's XML is scanned row by row
 * as it inflates. Workbooks this reader cannot open (ZIP64) go to exceljs's WorkbookReader.
 */
export async function readXlsx(
  source: { path: string } | { buffer: Buffer },
  sheet: string | undefined,
  fallback: () => Readable,
): Promise<SheetContents> {
  let zip: ZipReader;
  let info: ReturnType<typeof parseWorkbook>;
  let ctx: Context;
  try {
    zip = await ZipReader.open(source);
  } catch (e) {
    if (/ZIP64/.test((e as Error).message)) return readXlsxWithExceljs(fallback(), sheet);
    throw new SheetError('UNREADABLE_FILE', `The file is not a readable .xlsx workbook (${(e as Error).message}).`);
  }
  try {
    const [workbookXml, relsXml, stylesXml] = await Promise.all([
      zip.text('xl/workbook.xml'),
      zip.text('xl/_rels/workbook.xml.rels'),
      zip.text('xl/styles.xml'),
    ]);
    if (!workbookXml || !relsXml)
      throw new SheetError('UNREADABLE_FILE', 'The file is not an Excel workbook (no xl/workbook.xml).');
    info = parseWorkbook(workbookXml, relsXml);
    ctx = { strings: await sharedStrings(zip), dateStyles: parseDateStyles(stylesXml), date1904: info.date1904 };
  } catch (e) {
    await zip.close();
    throw e instanceof SheetError
      ? e
      : new SheetError('UNREADABLE_FILE', `The workbook cannot be read (${(e as Error).message}).`);
  }
  const sheetNames = info.sheets.map((s) => s.name);
  const wanted =
    sheet === undefined
      ? info.sheets[0]
      : (info.sheets.find((s) => s.name === sheet) ??
        info.sheets.find((s) => s.name.trim().toLowerCase() === sheet.trim().toLowerCase()));
  if (!wanted) {
    await zip.close();
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
  const stream = await zip.stream(wanted.target);
  if (!stream) {
    await zip.close();
    throw new SheetError('UNREADABLE_FILE', `The workbook lacks the part of sheet "${wanted.name}".`);
  }
  const part = stream; // known to be there: the generators below cannot see the check above

  // Raw rows in file order, with their sheet row numbers.
  async function* rawRows(): AsyncGenerator<{ number: number; cells: SheetCell[]; formulas: Set<number>; blank: boolean }> {
    let pending = '';
    let last = 0;
    for await (const chunk of textChunks(part)) {
      const { items, rest } = completeElements(pending + chunk, ROW);
      pending = rest;
      for (const m of items) {
        const r = attr(defined(m[1]), 'r');
        last = r ? Number(r) : last + 1;
        yield { number: last, ...parseRow(m[2], ctx) };
      }
    }
  }
  const raw = rawRows();
  const fail = (e: unknown): never => {
    throw e instanceof SheetError
      ? e
      : new SheetError('UNREADABLE_FILE', `The sheet "${wanted.name}" cannot be read (${(e as Error).message}).`);
  };

  const stats: SheetStats = { dataRows: 0, blankRows: 0 };
  let headers: string[] | null = null;
  let headerRowNumber = 0;
  let lastRowNumber = 0;
  while (headers === null) {
    const r = await raw.next().catch(fail);
    if (r.done) {
      await zip.close();
      throw new SheetError('EMPTY_SHEET', `The sheet "${wanted.name}" has no header row: it is empty.`);
    }
    lastRowNumber = r.value.number;
    if (!r.value.blank) {
      headers = r.value.cells.map(headerText);
      headerRowNumber = r.value.number;
    }
  }

  async function* rows(): AsyncGenerator<SheetRow> {
    try {
      for (;;) {
        const r = await raw.next().catch(fail);
        if (r.done) return;
        const { number, cells, formulas, blank } = r.value;
        // Rows missing from the file between two present rows are blank rows of the sheet.
        stats.blankRows += Math.max(0, number - lastRowNumber - 1);
        lastRowNumber = number;
        if (blank) stats.blankRows++;
        else {
          stats.dataRows++;
          yield formulas.size > 0 ? { rowNumber: number, cells, formulas } : { rowNumber: number, cells };
        }
      }
    } finally {
      part.destroy();
      await zip.close();
    }
  }

  const close = async () => {
    stream.destroy();
    await zip.close();
  };
  return { format: 'xlsx', sheetNames, sheetName: wanted.name, headers, headerRowNumber, rows: rows(), stats, close };
}
