import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  customExportColumns,
  type ExportColumn,
  PARTNER_EXPORT_COLUMNS,
  PARTNER_SEED_COLUMNS,
  REP_SEED_COLUMNS,
} from './export-columns';
import { cellText } from './parsed';
import { readSheet } from './read-sheet';
import { type ExportRecord, neutraliseCell, writeCsv, writeXlsx } from './write-sheet';

async function toBuffer(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await write(out);
  out.end();
  await ended;
  return Buffer.concat(chunks);
}

const columns: ExportColumn[] = [
  { header: 'Partner Company', key: 'name', format: 'text' },
  { header: 'ICP Match', key: 'icpMatch', format: 'yesNo' },
  { header: 'Accounts Named', key: 'namedAccounts', format: 'list' },
  { header: '90-Day Start Date', key: 'plan.startDate', format: 'date' },
  { header: '90-Day Status', key: 'plan.status', format: 'planStatus' },
  { header: 'Pipeline Value', key: 'baseline.pipelineValueMinor', format: 'money' },
  { header: 'Days Since Last Touch', key: 'computed.daysSinceLastTouch', format: 'integer' },
  { header: 'HUBSPOT LINK', key: 'hubspotCompanyId', format: 'hubspotCompany' },
  { header: 'NOTES', key: 'notes', format: 'text' },
];
const record: ExportRecord = {
  name: 'Snowflake',
  icpMatch: 'yes',
  namedAccounts: [{ name: 'ABC Corp' }, { name: 'XYZ Inc' }],
  'plan.startDate': '2025-01-15',
  'plan.status': 'on-track',
  'baseline.pipelineValueMinor': 8_500_050,
  'computed.daysSinceLastTouch': 7,
  hubspotCompanyId: '9876543210',
  notes: '=cmd|"/c calc"!A1',
};

describe('neutraliseCell', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@foo', "'@foo"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'=x", "''=x"],
    ['safe', 'safe'],
    [-5, -5],
    [true, true],
  ])('%j → %j', (input, output) => {
    expect(neutraliseCell(input)).toEqual(output);
  });

  it('never yields text a spreadsheet would run, and the import restores the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', ' ', '1', '(') }), (s) => {
        const out = neutraliseCell(s);
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
        if (s === s.trim()) expect(cellText(out)).toBe(s);
      }),
    );
  });
});

describe('writeCsv', () => {
  it('writes a BOM, the headers, formatted cells, quotes and neutralised text', async () => {
    const buf = await toBuffer((out) => writeCsv([record], columns, out));
    expect(buf.toString('utf8')).toBe(
      '\uFEFFPartner Company,ICP Match,Accounts Named,90-Day Start Date,90-Day Status,Pipeline Value,Days Since Last Touch,HUBSPOT LINK,NOTES\r\n' +
        'Snowflake,Yes,"ABC Corp, XYZ Inc",2025-01-15,On Track,85000.5,7,https://app.hubspot.com/contacts/_/company/9876543210,"\'=cmd|""/c calc""!A1"\r\n',
    );
  });

  it('puts list items on separate lines when a comma list would split differently', async () => {
    const list: ExportColumn[] = [{ header: 'Accounts Named', key: 'a', format: 'list' }];
    const buf = await toBuffer((out) =>
      writeCsv([{ a: ['Acme, Inc.', 'Procter and Gamble'] }, { a: ['Globex', 'Initech'] }], list, out),
    );
    expect(buf.toString('utf8')).toBe('\uFEFFAccounts Named\r\n"Acme, Inc.\nProcter and Gamble"\r\n"Globex, Initech"\r\n');
  });

  it('writes the seed column order with the seed spelling, custom fields after', () => {
    expect(PARTNER_SEED_COLUMNS.map((c) => c.header).join(',')).toBe(
      'Partner Company,Partner Type,Partner Archetype,Slack Channel,ICP Match,Accounts Named,Intro Mechanism,Economics OK,Current 90-Day Goal,90-Day Start Date,90-Day Status,Partner Manager Name,Partner Manager Email,Partner Manager Slack,Origin Story,Relationship Notes,Partner Program Status,Reps Bringing Deals,' +
        "Reps We've Engaged,Total Engaged Reps,Reps Who Deliver,Next Action Date,Next Action Type,Next Action Rep,Next Action Notes,Intros Made,Qualified Convos,Deals Brought In,CLOSED/WON DEALS,Pipeline Value,First Touch Date,Last Engagement Date,Days Since Last Touch,PHASE,HUBSPOT LINK,NOTES",
    );
    expect(REP_SEED_COLUMNS.map((c) => c.header).join(',')).toBe(
      'Rep Name,Partner Company,Engagement Tier,Rep Quality Score,Last Contact Date,Next Action Date,Next Action Type,Introductions Made,Response Rate,Notes',
    );
    expect(customExportColumns([{ key: 'hype', label: 'HYPE', type: 'number' }])).toEqual([
      { header: 'HYPE', key: 'custom.hype', format: 'number' },
    ]);
  });

  it('writes semicolon-delimited CSV for comma-decimal locales', async () => {
    const buf = await toBuffer((out) => writeCsv([record], columns.slice(0, 3), out, { delimiter: ';' }));
    expect(buf.toString('utf8')).toBe('\uFEFFPartner Company;ICP Match;Accounts Named\r\nSnowflake;Yes;ABC Corp, XYZ Inc\r\n');
  });

  it('writes rep tiers and response rates as the seed sheet does', async () => {
    const buf = await toBuffer((out) =>
      writeCsv([{ name: 'Jarred', engagementTier: 1, 'computed.responseRate': 0.8 }], REP_SEED_COLUMNS, out),
    );
    expect(buf.toString('utf8').split('\r\n')[1]).toBe('Jarred,,Tier 1,,,,,,80%,');
  });

  it('streams from an async iterable and counts rows', async () => {
    async function* many() {
      for (let i = 0; i < 2000; i++) yield { name: `P${i}` };
    }
    let n = 0;
    const buf = await toBuffer(async (out) => {
      n = await writeCsv(many(), PARTNER_EXPORT_COLUMNS, out);
    });
    expect(n).toBe(2000);
    expect(buf.toString('utf8').split('\r\n')).toHaveLength(2002);
  });
});

describe('writeXlsx', () => {
  it('writes real dates, numbers with formats, text neutralised, a frozen header', async () => {
    const buf = await toBuffer((out) => writeXlsx([record], columns, out, { sheetName: 'Partners' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as never);
    const ws = wb.getWorksheet('Partners')!;
    expect(ws.getRow(1).getCell(1).value).toBe('Partner Company');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    const row = ws.getRow(2);
    expect(row.getCell(4).value).toEqual(new Date('2025-01-15T00:00:00Z'));
    expect(row.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(6).value).toBe(85000.5);
    expect(row.getCell(6).numFmt).toBe('#,##0.00');
    expect(row.getCell(7).value).toBe(7);
    expect(row.getCell(8).value).toBe('https://app.hubspot.com/contacts/_/company/9876543210');
    expect(row.getCell(9).value).toBe('\'=cmd|"/c calc"!A1');

    const sheet = await readSheet({ buffer: buf });
    expect(sheet.headers).toEqual(columns.map((c) => c.header));
  });
});
