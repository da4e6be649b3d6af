import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSheet } from './read-sheet';
import { collect } from './test-support';
import { ZipWriter } from './zip-writer';

const NS =
  'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook from hand-written parts, as other tools write them (prefixes, no `r`, 1904 dates…). */
async function workbook(parts: Record<string, string>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const zip = new ZipWriter(out);
  for (const [name, xml] of Object.entries(parts)) await zip.add(name, [xml]);
  await zip.finish();
  out.end();
  return Buffer.concat(chunks);
}

const base = (workbookPr: string, sheetXml: string, extra: Record<string, string> = {}) => ({
  'xl/workbook.xml': `<x:workbook ${NS}>${workbookPr}<x:sheets><x:sheet name="Data" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
  'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Target="/xl/worksheets/data.xml"/></Relationships>',
  'xl/worksheets/data.xml': sheetXml,
  ...extra,
});

describe('readSheet on XLSX written by other tools', () => {
  it('reads prefixed XML, cells without references, shared strings with runs, booleans, errors and ISO dates', async () => {
    const sheet = `<x:worksheet ${NS}><x:sheetData>
      <x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>
      <x:row><x:c t="s"><x:v>3</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="d"><x:v>2025-01-05T00:00:00Z</x:v></x:c></x:row>
      <x:row><x:c t="inlineStr"><x:is><x:t>A &amp; B</x:t></x:is></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>
    </x:sheetData></x:worksheet>`;
    const strings =
      `<x:sst ${NS}><x:si><x:t>Partner Company</x:t></x:si><x:si><x:r><x:t>ICP </x:t></x:r><x:r><x:t>Match</x:t></x:r></x:si>` +
      '<x:si><x:t>Notes</x:t></x:si><x:si><x:t>Zoë_x000D_</x:t><x:rPh><x:t>ゾエ</x:t></x:rPh></x:si></x:sst>';
    const buffer = await workbook(base('', sheet, { 'xl/sharedStrings.xml': strings }));
    const read = await readSheet({ buffer });
    expect(read.sheetNames).toEqual(['Data']);
    expect(read.headers).toEqual(['Partner Company', 'ICP Match', 'Notes']);
    expect(await collect(read.rows)).toEqual([
      { rowNumber: 2, cells: ['Zoë\r', true, new Date('2025-01-05T00:00:00Z')] },
      { rowNumber: 3, cells: ['A & B', '#N/A', 2], formulas: new Set([2]) },
    ]);
  });

  it('reads dates by their style in the 1904 date system, and skips rows and columns that are absent', async () => {
    const styles =
      '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const sheet =
      '<worksheet><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>When</t></is></c><c r="D2" t="inlineStr"><is><t>Count</t></is></c></row>' +
      '<row r="5"><c r="B5" s="1"><v>44196</v></c><c r="D5"><v>7</v></c></row><row r="6"><c r="B6" s="2"><v>0</v></c></row></sheetData></worksheet>';
    const read = await readSheet({
      buffer: await workbook(base('<workbookPr date1904="1"/>', sheet, { 'xl/styles.xml': styles })),
    });
    expect(read.headerRowNumber).toBe(2);
    expect(read.headers).toEqual(['', 'When', '', 'Count']);
    expect(await collect(read.rows)).toEqual([
      { rowNumber: 5, cells: [null, new Date('2025-01-01T00:00:00Z'), null, 7] },
      { rowNumber: 6, cells: [null, new Date('1904-01-01T00:00:00Z')] },
    ]);
    expect(read.stats).toEqual({ dataRows: 2, blankRows: 2 });
  });

  it('refuses a workbook without its workbook part', async () => {
    const buffer = await workbook({ 'hello.txt': 'hi' });
    await expect(readSheet({ buffer, name: 'x.xlsx' })).rejects.toMatchObject({ code: 'UNREADABLE_FILE' });
  });
});
