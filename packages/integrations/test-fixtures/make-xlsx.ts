// Generates the .xlsx fixtures of the sheets tests (committed beside this script).
// Run: npx tsx packages/integrations/test-fixtures/make-xlsx.ts
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const here = dirname(fileURLToPath(import.meta.url));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function partnersWorkbook(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  // Fixed dates keep the file byte-stable between runs.
  wb.created = day('2025-01-01');
  wb.modified = day('2025-01-01');
  const readme = wb.addWorksheet('Read me');
  readme.getCell('A1').value = 'Partner tracker — exported from Google Sheets. See the "Partners" tab.';

  const ws = wb.addWorksheet('Partners');
  // Rows 1–2 are blank: the header is the first non-blank row (row 3).
  ws.getRow(3).values = [
    'Partner Company',
    'Partner Type',
    'ICP Match',
    '90-Day Start Date',
    'Next Action Date',
    'Pipeline Value',
    'Intros Made',
    'Reps Bringing Deals',
    "Reps We've Engaged",
    'Total Engaged Reps',
    'Last Engagement Date',
    'Days Since Last Touch',
    'HUBSPOT LINK',
    'NOTES',
    'Accounts Named',
  ];
  const r4 = ws.getRow(4);
  r4.values = [
    'Snowflake',
    'Tech Vendor',
    true,
    day('2025-01-15'),
    { formula: 'K4+7', result: 45692 } as never,
    85000,
    6,
    2,
    3,
    { formula: 'H4+I4', result: 5 } as never,
    day('2025-01-28'),
    { formula: 'TODAY()-K4', result: 7 } as never,
    { formula: 'HYPERLINK("https://app.hubspot.com/contacts/123456/company/9876543210","Link")', result: 'Link' } as never,
    { richText: [{ text: 'Top partner ', font: { bold: true } }, { text: 'this quarter 🚀' }] } as never,
    'ABC Corp\nXYZ Inc\nDEF Co',
  ];
  for (const c of [4, 5, 11]) r4.getCell(c).numFmt = 'yyyy-mm-dd';
  r4.getCell(6).numFmt = '"$"#,##0';
  const r5 = ws.getRow(5);
  r5.values = [
    'Brightwave Agency',
    'Agency',
    'No',
    45662, // an unformatted serial (2025-01-05)
    'Jan 30, 2025',
    '$80k',
    { error: '#N/A' } as never,
    0,
    1,
    { formula: 'H5+I5', result: 1 } as never,
    day('2025-01-10'),
    { formula: 'TODAY()-K5', result: 25 } as never,
    { text: '5550001112', hyperlink: 'https://app.hubspot.com/contacts/123456/company/5550001112' } as never,
    'Line one\nLine two, with "quotes"',
    'Globex, Initech',
  ];
  r5.getCell(11).numFmt = 'd-mmm-yy';
  ws.getRow(6).getCell(1).value = '   '; // only spaces: a blank row
  // Row 7 is absent from the file (blank), row 8 holds the last partner.
  ws.getRow(8).values = ['Zoë & Co ☕', 'Advisor', '✓', null, null, null, 1, 0, 0, { formula: 'H8+I8', result: 0 } as never];

  const reps = wb.addWorksheet('Reps');
  reps.addRow(['Rep Name', 'Partner Company', 'Engagement Tier', 'Rep Quality Score', 'Last Contact Date']);
  reps.addRow(['Jarred Clifford', 'Snowflake', 'Tier 1', 9, day('2025-01-28')]).getCell(5).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(join(here, 'partners.xlsx'));
}

await partnersWorkbook();
console.log('wrote partners.xlsx');
