import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './read-csv';
import { peekRows, readSheet } from './read-sheet';
import { SheetError } from './sheet-error';
import { collect, fixture } from './test-support';

const csv = (text: string, name = 'x.csv') => ({ buffer: new TextEncoder().encode(text), name });

describe('readSheet on CSV', () => {
  it('reads the shared final-schema fixture: 36 headers, 5 rows numbered as the sheet shows them', async () => {
    const sheet = await readSheet({ path: fixture('final-schema-tracker.csv') });
    expect(sheet).toMatchObject({ format: 'csv', delimiter: ',', headerRowNumber: 1, sheetNames: [] });
    expect(sheet.headers).toHaveLength(36);
    const rows = await collect(sheet.rows);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6]);
    expect(rows[0]!.cells[5]).toBe('ABC Corp, XYZ Inc, DEF Co');
    expect(rows[3]!.cells[3]).toBeNull();
  });

  it('reads a file given in memory whole, with a character and a quoted line break cut where it is read in pieces', async () => {
    // The encoding is judged on the first 64 KiB and the file read 256 KiB at a time: the cell below
    // starts at byte 27, so bytes 65,536 and 262,144 both fall in the middle of one of its two-byte 'é's
    // (the distance from 27 is odd), and a quoted line break spans them too.
    const head = 'Partner Company,Notes\r\nXY,"';
    expect(new TextEncoder().encode(head).length % 2).toBe(1);
    const cell = `${'é'.repeat(131_000)}\n${'é'.repeat(9_000)}`;
    const sheet = await readSheet(csv(`${head}${cell}"\r\nSociété Générale,"two\nlines 🚀"\r\n`));
    const rows = await collect(sheet.rows);
    expect(rows.map((r) => r.cells)).toEqual([
      ['XY', cell],
      ['Société Générale', 'two\nlines 🚀'],
    ]);
  });

  it('strips the BOM, keeps quoted line breaks in their cell, skips and counts blank rows', async () => {
    const sheet = await readSheet({ path: fixture('legacy-partners.csv') });
    expect(sheet.headers[0]).toBe('Partner Company');
    const rows = await collect(sheet.rows);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 4, 5, 6, 7, 8]);
    expect(rows[0]!.cells[11]).toBe('Top partner.\nLikes "joint" webinars 🚀');
    expect(rows[2]!.cells[0]).toBe('Société Générale Partenaires');
    expect(sheet.stats).toEqual({ dataRows: 6, blankRows: 2 });
  });

  it('detects semicolon and tab delimiters', async () => {
    const semi = await readSheet({ path: fixture('semicolon-dmy.csv') });
    expect(semi.delimiter).toBe(';');
    expect((await collect(semi.rows))[0]!.cells.slice(3, 4)).toEqual(['Credit Suisse; UBS; Nestlé']);
    const tab = await readSheet({ path: fixture('reps-messy.tsv') });
    expect(tab.delimiter).toBe('\t');
    expect(tab.headers).toContain('Tell me when you have a deal?');
  });

  it.each([
    ['a,b;c\n', ','],
    ['a;b;"c,d,e"\n', ';'],
    ['a\tb\tc', '\t'],
    ['"x;y",b,c', ','],
    ['\n\nname;type\n', ';'],
    ['single', ','],
  ])('detectDelimiter(%j) → %j', (head, d) => {
    expect(detectDelimiter(head)).toBe(d);
  });

  it('finds the header on the first non-blank row and reads from a buffer', async () => {
    const sheet = await readSheet(csv('\n,,\nName,Notes\n"Acme","say ""hi"""\n'));
    expect(sheet.headerRowNumber).toBe(3);
    expect(sheet.headers).toEqual(['Name', 'Notes']);
    expect(await collect(sheet.rows)).toEqual([{ rowNumber: 4, cells: ['Acme', 'say "hi"'] }]);
  });

  it('drops empty trailing header cells and un-neutralises headers', async () => {
    const sheet = await readSheet(csv("Name,'=Score,,\nAcme,1,,\n"));
    expect(sheet.headers).toEqual(['Name', '=Score']);
  });

  it('reads Windows-1252 files that are not UTF-8', async () => {
    const sheet = await readSheet({ path: fixture('windows-1252.csv') });
    expect(await collect(sheet.rows)).toEqual([{ rowNumber: 2, cells: ['Café Crème', '“Économie” – l’été', '€45.000'] }]);
  });

  it('reads UTF-16 "Unicode Text" exports and honours a "sep=" line', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name\tNotes\r\nZoë\t🚀 go\r\n', 'utf16le')]);
    const sheet = await readSheet({ buffer: utf16, name: 'export.txt' });
    expect(sheet.delimiter).toBe('\t');
    expect(await collect(sheet.rows)).toEqual([{ rowNumber: 2, cells: ['Zoë', '🚀 go'] }]);
    const sep = await readSheet(csv('sep=;\nName;Notes, more\nAcme;a, b\n'));
    expect(sep).toMatchObject({ delimiter: ';', headers: ['Name', 'Notes, more'], headerRowNumber: 2 });
    expect(await collect(sep.rows)).toEqual([{ rowNumber: 3, cells: ['Acme', 'a, b'] }]);
  });

  it('refuses empty files, unknown paths and old .xls files with a code', async () => {
    await expect(readSheet(csv('\n \n'))).rejects.toMatchObject({ code: 'EMPTY_SHEET' });
    await expect(readSheet({ path: fixture('nope.csv') })).rejects.toMatchObject({ code: 'UNREADABLE_FILE' });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]);
    await expect(readSheet({ buffer: ole })).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    await expect(readSheet(csv('a,b', 'x.xlsx'))).rejects.toBeInstanceOf(SheetError);
  });

  it('closes a sheet read only for its header and sample', async () => {
    for (const name of ['final-schema-tracker.csv', 'partners.xlsx']) {
      const sheet = await readSheet({ path: fixture(name) });
      await peekRows(sheet.rows, 1);
      await sheet.close();
      await sheet.close();
    }
  });

  it('peekRows replays the sampled rows and then the rest', async () => {
    const sheet = await readSheet({ path: fixture('final-schema-tracker.csv') });
    const { head, rows } = await peekRows(sheet.rows, 2);
    expect(head.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect((await collect(rows)).map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('readSheet on XLSX', () => {
  it('reads the first sheet by default and lists every sheet', async () => {
    const sheet = await readSheet({ path: fixture('partners.xlsx') });
    expect(sheet).toMatchObject({ format: 'xlsx', sheetName: 'Read me', sheetNames: ['Read me', 'Partners', 'Reps'] });
  });

  it('reads a named sheet: header row, dates, serials, formulas (flagged, cached result), links, rich text', async () => {
    const buffer = await readFile(fixture('partners.xlsx'));
    const sheet = await readSheet({ buffer, name: 'upload.bin' }, { sheet: 'partners' });
    expect(sheet.sheetName).toBe('Partners');
    expect(sheet.headerRowNumber).toBe(3);
    expect(sheet.headers).toHaveLength(15);
    const rows = await collect(sheet.rows);
    expect(rows.map((r) => r.rowNumber)).toEqual([4, 5, 8]);
    expect(sheet.stats).toEqual({ dataRows: 3, blankRows: 2 });
    const [snowflake, brightwave] = rows;
    expect(snowflake!.cells.slice(0, 6)).toEqual([
      'Snowflake',
      'Tech Vendor',
      true,
      new Date('2025-01-15T00:00:00Z'),
      new Date('2025-02-04T00:00:00Z'),
      85000,
    ]);
    expect(snowflake!.formulas).toEqual(new Set([4, 9, 11, 12]));
    expect(snowflake!.cells[9]).toBe(5);
    expect(snowflake!.cells[12]).toBe('https://app.hubspot.com/contacts/123456/company/9876543210');
    expect(snowflake!.cells[13]).toBe('Top partner this quarter 🚀');
    expect(snowflake!.cells[14]).toBe('ABC Corp\nXYZ Inc\nDEF Co');
    expect(brightwave!.cells[3]).toBe(45662);
    expect(brightwave!.cells[6]).toBe('#N/A');
    expect(brightwave!.cells[12]).toBe('5550001112');
  });

  it('names the sheets when the one asked for is missing', async () => {
    const err = await readSheet({ path: fixture('partners.xlsx') }, { sheet: 'Partner List' }).catch((e) => e);
    expect(err).toBeInstanceOf(SheetError);
    expect(err).toMatchObject({ code: 'SHEET_NOT_FOUND', details: { sheetNames: ['Read me', 'Partners', 'Reps'] } });
    expect(err.message).toBe('There is no sheet "Partner List". The sheets are: "Read me", "Partners", "Reps".');
  });

  it('refuses a damaged workbook', async () => {
    const buffer = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(readSheet({ buffer })).rejects.toMatchObject({ code: 'UNREADABLE_FILE' });
  });
});
