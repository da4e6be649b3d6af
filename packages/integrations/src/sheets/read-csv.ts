import { type Readable, Transform } from 'node:stream';
import { defined } from '@ptrack/domain';
import { parse } from 'csv-parse';
import type { SheetCell } from './parsed';
import { SheetError } from './sheet-error';
import type { SheetContents, SheetRow, SheetStats } from './sheet-types';

const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

/** The delimiter used most, outside quotes, in the first non-blank line of `head`; ',' when none is. */
export function detectDelimiter(head: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let seen = false;
  for (let i = 0; i < head.length; i++) {
    const ch = defined(head[i]);
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seen && (counts[','] || counts[';'] || counts['\t'])) break;
    } else if (!inQuotes && ch in counts) counts[ch as Delimiter]++;
    else if (ch.trim() !== '') seen = true;
  }
  return DELIMITERS.reduce((best, d) => (counts[d] > counts[best] ? d : best), ',' as Delimiter);
}

function cellsOf(record: string[]): { cells: SheetCell[]; blank: boolean } {
  let blank = true;
  const cells = new Array<SheetCell>(record.length);
  for (let i = 0; i < record.length; i++) {
    const v = defined(record[i]);
    if (v === '') cells[i] = null;
    else {
      cells[i] = v;
      if (blank && v.trim() !== '') blank = false;
    }
  }
  return { cells, blank };
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** UTF-16 by its BOM (Excel's "Unicode Text"), UTF-8 when the head decodes as UTF-8, else Windows-1252. */
function encodingOf(head: Uint8Array): Encoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    // The head may end inside a character: decoding as a stream leaves an unfinished last one pending
    // instead of calling it invalid (cutting a fixed number of bytes off could still cut one in two).
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    // Excel's "CSV" on Windows: Windows-1252, where 0x80–0x9F are € ‘ ’ “ ” – … (not Latin-1's controls).
    return 'windows-1252';
  }
}

/**
 * Streams a CSV: `head` (the first bytes) decides the delimiter (or Excel's "sep=" line) and the encoding
 * (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252). Quoted line breaks stay inside their cell, so row
 * numbers count records, as a spreadsheet shows them.
 */
export async function readCsv(input: Readable, head: Uint8Array): Promise<SheetContents> {
  const encoding = encodingOf(head);
  const headText = new TextDecoder(encoding).decode(head.subarray(0, 65_536)).replace(/^\uFEFF/, '');
  // Excel writes and honours a first line "sep=;" naming the delimiter.
  const sepLine = /^sep=([,;\t])\r?\n/i.exec(headText);
  const delimiter = (sepLine ? sepLine[1] : detectDelimiter(headText)) as Delimiter;
  const parser = parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true });
  input.on('error', (e) => parser.destroy(e));
  if (encoding === 'utf-8') input.pipe(parser);
  else {
    const decoder = new TextDecoder(encoding);
    const decode = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        done(null, decoder.decode(chunk, { stream: true }));
      },
    });
    decode.on('error', (e) => parser.destroy(e));
    input.pipe(decode).pipe(parser);
  }
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const stats: SheetStats = { dataRows: 0, blankRows: 0 };
  let rowNumber = 0;

  const next = async (): Promise<IteratorResult<string[]>> => {
    try {
      return await records.next();
    } catch (e) {
      throw new SheetError('UNREADABLE_FILE', `The CSV cannot be read near row ${rowNumber + 1}: ${(e as Error).message}`, {
        rowNumber: rowNumber + 1,
      });
    }
  };

  let headers: string[] | null = null;
  if (sepLine) {
    await next();
    rowNumber++;
  }
  while (headers === null) {
    const r = await next();
    if (r.done) throw new SheetError('EMPTY_SHEET', 'The CSV has no header row: it is empty.');
    rowNumber++;
    const { blank } = cellsOf(r.value);
    if (!blank) headers = r.value.map((h) => h.trim());
  }
  const headerRowNumber = rowNumber;

  async function* rows(): AsyncGenerator<SheetRow> {
    try {
      for (;;) {
        const r = await next();
        if (r.done) return;
        rowNumber++;
        const { cells, blank } = cellsOf(r.value);
        if (blank) stats.blankRows++;
        else {
          stats.dataRows++;
          yield { rowNumber, cells };
        }
      }
    } finally {
      input.destroy();
      parser.destroy();
    }
  }

  const close = async () => {
    input.destroy();
    parser.destroy();
  };
  return { format: 'csv', sheetNames: [], sheetName: null, headers, headerRowNumber, rows: rows(), stats, close, delimiter };
}
