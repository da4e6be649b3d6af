import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { cellText } from './parsed';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { SheetError } from './sheet-error';
import type { SheetContents, SheetFormat, SheetRow } from './sheet-types';

export type SheetSource = { path: string } | { buffer: Uint8Array; name?: string };
export type ReadSheetOptions = {
  /** The worksheet of a workbook to read (default: the first); ignored for CSV. */
  sheet?: string;
  /** Overrides detection by file extension and content. */
  format?: SheetFormat;
  /** More named columns than this refuses the sheet before any row is read (default MAX_SHEET_COLUMNS). */
  maxColumns?: number;
  /** More data rows than this stops the reading with an error (default MAX_SHEET_ROWS). */
  maxRows?: number;
};

/** A tracker sheet has a few dozen columns; thousands mean a file that is not one (or an attack). */
export const MAX_SHEET_COLUMNS = 500;
/** Well above the largest sheet the product is sized for (100,000 partners). */
export const MAX_SHEET_ROWS = 250_000;

const HEAD_BYTES = 65_536;

async function headOf(source: SheetSource): Promise<Uint8Array> {
  if ('buffer' in source) return source.buffer.subarray(0, HEAD_BYTES);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(source.path, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } catch (e) {
    throw new SheetError(
      'UNREADABLE_FILE',
      `The file cannot be opened: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
      {
        path: source.path,
      },
    );
  } finally {
    await handle?.close();
  }
}

function formatOf(source: SheetSource, head: Uint8Array): SheetFormat {
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const isOle = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  const name = 'path' in source ? source.path : (source.name ?? '');
  const ext = extname(name).toLowerCase();
  if (isOle || ext === '.xls')
    throw new SheetError('UNSUPPORTED_FORMAT', 'This is an old Excel .xls file: save it as .xlsx or .csv and import that.');
  if (isZip) return 'xlsx';
  if (ext === '.xlsx' || ext === '.xlsm')
    throw new SheetError('UNREADABLE_FILE', 'The file is named .xlsx but is not an Excel workbook.');
  if (ext === '.ods' || ext === '.numbers')
    throw new SheetError('UNSUPPORTED_FORMAT', `${ext} files are not supported: export as .xlsx or .csv.`);
  return 'csv';
}

/** Headers as read (our export's OWASP apostrophe removed), without the empty cells after the last named column. */
function trimHeaders(contents: SheetContents): SheetContents {
  const headers = contents.headers.map((h) => cellText(h));
  let end = headers.length;
  while (end > 0 && headers[end - 1] === '') end--;
  return { ...contents, headers: headers.slice(0, end) };
}

/**
 * The first `n` rows (to sample for header matching and custom field types) and an iterable that yields
 * them again followed by the rest — so a sheet is still read once, streaming.
 */
export async function peekRows(
  rows: AsyncIterable<SheetRow>,
  n: number,
): Promise<{ head: SheetRow[]; rows: AsyncIterable<SheetRow> }> {
  const it = rows[Symbol.asyncIterator]();
  const head: SheetRow[] = [];
  let done = false;
  while (head.length < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    head.push(r.value);
  }
  async function* all(): AsyncGenerator<SheetRow> {
    yield* head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { head, rows: all() };
}

// The parser turns each piece it is given into rows at once, whoever is waiting for them: a file handed
// over whole would sit in memory as every one of its rows (measured: 100,000 rows, +500 MB). In pieces,
// the rows wait for the reader a piece at a time.
const PIECE_BYTES = 256 * 1024;

function* piecesOf(buffer: Buffer): Generator<Buffer> {
  for (let at = 0; at < buffer.length; at += PIECE_BYTES) yield buffer.subarray(at, at + PIECE_BYTES);
}

/** The rows, stopping with a SheetError at the first one over `maxRows`. */
async function* boundedRows(rows: AsyncIterable<SheetRow>, maxRows: number): AsyncGenerator<SheetRow> {
  let count = 0;
  for await (const row of rows) {
    if (++count > maxRows) {
      throw new SheetError(
        'TOO_LARGE',
        `The sheet has more than ${maxRows.toLocaleString('en-US')} rows: split it into smaller files.`,
        { maxRows },
      );
    }
    yield row;
  }
}

/**
 * Opens a CSV or XLSX sheet for streaming: the header row (the first non-blank row) and an async
 * iterable of the data rows. Throws SheetError for what makes the whole file unreadable, and for a
 * sheet over the column or row caps (the columns at once, the rows when the reading reaches them).
 */
export async function readSheet(source: SheetSource, options: ReadSheetOptions = {}): Promise<SheetContents> {
  const head = await headOf(source);
  const format = options.format ?? formatOf(source, head);
  const buffer =
    'buffer' in source ? Buffer.from(source.buffer.buffer, source.buffer.byteOffset, source.buffer.byteLength) : null;
  const path = 'path' in source ? source.path : '';
  const open = () => (buffer ? Readable.from(piecesOf(buffer)) : createReadStream(path, { highWaterMark: PIECE_BYTES }));
  const contents =
    format === 'csv' ? await readCsv(open(), head) : await readXlsx(buffer ? { buffer } : { path }, options.sheet, open);
  const trimmed = trimHeaders(contents);
  const maxColumns = options.maxColumns ?? MAX_SHEET_COLUMNS;
  if (trimmed.headers.length > maxColumns) {
    await trimmed.close();
    throw new SheetError(
      'TOO_LARGE',
      `The sheet has ${trimmed.headers.length.toLocaleString('en-US')} columns; at most ${maxColumns} are read. Remove the columns it does not need.`,
      { columns: trimmed.headers.length, maxColumns },
    );
  }
  return { ...trimmed, rows: boundedRows(trimmed.rows, options.maxRows ?? MAX_SHEET_ROWS) };
}
