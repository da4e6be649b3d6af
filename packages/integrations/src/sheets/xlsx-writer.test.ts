import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsxRows, xmlText } from './xlsx-writer';

async function workbook(rows: unknown[][], headers: string[], sheetName?: string) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  async function* gen() {
    yield* rows as never[];
  }
  const n = await writeXlsxRows(
    out,
    headers,
    headers.map(() => 'default'),
    gen(),
    { sheetName },
  );
  out.end();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as never);
  return { n, wb };
}

describe('writeXlsxRows', () => {
  it('escapes XML, keeps line breaks and CR, drops characters XML cannot hold', async () => {
    expect(xmlText('a & b <c> "d"\r\u0001')).toBe('a &amp; b &lt;c&gt; &quot;d&quot;&#13;');
    const { n, wb } = await workbook(
      [['  spaced  ', 'x\r\ny', 'bell\u0007', true, 3.5, null, 'end']],
      ['A', 'B', 'C', 'D', 'E', 'F', 'G'],
      'Bad:Name/[x]',
    );
    expect(n).toBe(1);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Bad Name  x ');
    expect(ws.getRow(2).values).toEqual([undefined, '  spaced  ', 'x\r\ny', 'bell', true, 3.5, undefined, 'end']);
  });

  it('writes an empty sheet with only its header', async () => {
    const { n, wb } = await workbook([], ['Only']);
    expect(n).toBe(0);
    expect(wb.worksheets[0]!.rowCount).toBe(1);
  });
});
