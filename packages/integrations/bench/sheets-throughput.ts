// Throughput check of the sheet adapters (not a timed test): writes and reads 100,000 partner rows.
// Run one phase per process so each peak RSS is its own:
//   npx tsx packages/integrations/bench/sheets-throughput.ts write-csv|write-xlsx|read-csv|read-xlsx [rows] [seed|all]
// "seed" writes the 36 columns of seed 000, "all" (default) the 62 columns of PARTNER_EXPORT_COLUMNS.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import {
  createPartnerRowMapper,
  type ExportRecord,
  matchHeaders,
  PARTNER_EXPORT_COLUMNS,
  PARTNER_SEED_COLUMNS,
  peekRows,
  readSheet,
  writeCsv,
  writeXlsx,
} from '../src/index';

const phase = process.argv[2] ?? 'write-csv';
const total = Number(process.argv[3] ?? 100_000);
const dir = process.env.BENCH_DIR ?? '/tmp';
const columnSet = process.argv[4] === 'seed' ? PARTNER_SEED_COLUMNS : PARTNER_EXPORT_COLUMNS;

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const TYPES = ['Tech Vendor', 'Agency', 'Affiliate', 'Recruiting', 'Platform', 'Advisor'];
function* records(n: number): Generator<ExportRecord> {
  for (let i = 0; i < n; i++) {
    const d = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    yield {
      name: `Partner ${i} Ünïcode 🚀`,
      type: TYPES[i % 6],
      archetype: 'Deal Accelerator',
      slackChannel: `p-${i}`,
      icpMatch: i % 3 === 0 ? 'no' : 'yes',
      namedAccounts: ['ABC Corp', 'XYZ Inc', `Account ${i}`],
      introMechanism: 'Sales reps bring us into deals',
      economicsOk: 'yes',
      'plan.goal': '3 qualified convos',
      'plan.startDate': d,
      'plan.status': 'on-track',
      partnerManagerName: 'Maria Gomez',
      partnerManagerEmail: `maria${i}@example.com`,
      partnerManagerSlack: '@maria',
      originStory: 'Met at a conference, "great" fit',
      relationshipNotes: 'Strong relationship,\nresponsive',
      programStatus: 'Active',
      'computed.repsBringingDeals': i % 4,
      'computed.repsEngaged': i % 5,
      'computed.totalEngaged': (i % 4) + (i % 5),
      'computed.repsWhoDeliver': i % 3,
      'nextAction.dueDate': d,
      'nextAction.type': 'Follow-up',
      'nextAction.repName': 'Jarred Clifford',
      'nextAction.notes': 'Follow up on account lists',
      'baseline.introsMade': i % 10,
      'baseline.qualifiedConversations': i % 7,
      'baseline.dealsBroughtIn': i % 4,
      'baseline.closedWon': i % 2,
      'baseline.pipelineValueMinor': (i % 1000) * 10_000,
      'activity.firstTouchDate': '2024-11-20',
      'activity.lastEngagementDate': d,
      'computed.daysSinceLastTouch': i % 90,
      phase: 'Phase 2: Activate',
      hubspotCompanyId: String(9_000_000_000 + i),
      notes: i % 50 === 0 ? '=SUM(A1:A3)' : 'Top partner this quarter',
    };
  }
}

const started = performance.now();
const cpuStart = process.cpuUsage();
let rows = 0;
let problems = 0;
let columnsRead = 0;
if (phase === 'write-csv' || phase === 'write-xlsx') {
  const out = createWriteStream(`${dir}/bench-partners.${phase === 'write-csv' ? 'csv' : 'xlsx'}`);
  rows = await (phase === 'write-csv' ? writeCsv : writeXlsx)(records(total), columnSet, out);
  out.end();
  await finished(out);
} else {
  const sheet = await readSheet({ path: `${dir}/bench-partners.${phase === 'read-csv' ? 'csv' : 'xlsx'}` });
  columnsRead = sheet.headers.length;
  const { head, rows: all } = await peekRows(sheet.rows, 200);
  const map = createPartnerRowMapper(matchHeaders(sheet.headers, { entity: 'partner', samples: head }));
  for await (const row of all) {
    problems += map(row).problems.length;
    rows++;
  }
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
console.log(
  `${phase} (${phase.startsWith('read') ? columnsRead : columnSet.length} columns): ${rows} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s, peak RSS ${Math.round(peakRss / 2 ** 20)} MB; CPU ${cpuSeconds.toFixed(2)} s (${Math.round(rows / cpuSeconds)} rows per CPU-second)` +
    (phase.startsWith('read') ? `, ${problems} problems` : ''),
);
