import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSheet } from './read-sheet';
import { readXlsxWithExceljs } from './read-xlsx-exceljs';
import { collect, fixture } from './test-support';

describe('readXlsxWithExceljs (the fallback for ZIP64 workbooks)', () => {
  it('reads the fixture exactly as the main XLSX reader does', async () => {
    const path = fixture('partners.xlsx');
    const fallback = await readXlsxWithExceljs(createReadStream(path), 'Partners');
    const main = await readSheet({ path }, { sheet: 'Partners' });
    expect(fallback.headers).toEqual(main.headers);
    expect(fallback.sheetNames).toEqual(main.sheetNames);
    const [a, b] = [await collect(fallback.rows), await collect(main.rows)];
    // One known difference: exceljs reads a formula's cached result 0 as no result (row 8, column J).
    expect(a[2]!.cells[9]).toBeNull();
    expect(b[2]!.cells[9]).toBe(0);
    a[2]!.cells[9] = 0;
    expect(a).toEqual(b);
    expect(fallback.stats).toEqual(main.stats);
  });

  it('names the sheets when the one asked for is missing', async () => {
    await expect(readXlsxWithExceljs(createReadStream(fixture('partners.xlsx')), 'Nope')).rejects.toMatchObject({
      code: 'SHEET_NOT_FOUND',
    });
  });
});
