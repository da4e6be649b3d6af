// `npm run bench:sheets`: imports a generated partner sheet end to end (upload → preview → apply, as
// POST /api/imports does) into a fresh embedded database, then exports it as CSV and XLSX, and writes
// the figures between the markers in bench/RESULTS.md. Issue 5's targets: import ≥ 20,000 rows/s with
// RSS ≤ 500 MB on PGlite; export ≥ 50,000 rows/s. Beside them, the floors (bench/sheets-floor.ts): the
// same rows written and read by plain SQL. Each part runs in a process of its own, so its peak RSS
// (the kernel's high-water mark) is its own.
//
//   npm run bench:sheets -- [--rows 100000] [--no-write]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defined } from '@ptrack/domain';
import {
  applySheetImport,
  createContext,
  createSheetImport,
  previewSheetImport,
  systemActor,
  writePartnerExport,
} from '@ptrack/services';
import { openDatabase } from '@ptrack/storage';
import { REPO_ROOT } from './server';
import { rawExportFloor, rawImportFloor } from './sheets-floor';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    'no-write': { type: 'boolean', default: false },
    part: { type: 'string' },
  },
});
const ROWS = Number(args.rows);
const BENCH_DATA = join(REPO_ROOT, 'bench', '.data');
const DATA = join(BENCH_DATA, 'sheets');
const FLOOR_DATA = join(BENCH_DATA, 'sheets-floor');
const SHEET = join(BENCH_DATA, 'sheets.csv');
const RESULTS = join(REPO_ROOT, 'bench', 'RESULTS.md');
const START = '<!-- sheets:start -->';
const END = '<!-- sheets:end -->';

/** The shared fixture's 36 columns with generated values: dates, money, lists, links, non-ASCII. */
function sheet(rows: number): Buffer {
  const header = readFileSync(join(REPO_ROOT, 'packages/integrations/test-fixtures/final-schema-tracker.csv'), 'utf8').split(
    /\r?\n/,
  )[0];
  if (!header) throw new Error('the fixture sheet has no header row');
  const types = ['Tech Vendor', 'Agency', 'Affiliate', 'Recruiting', 'Platform', 'Advisor'];
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const m = String((i % 12) + 1).padStart(2, '0');
    const d = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      [
        `Partner ${i} Société`,
        types[i % 6],
        'Deal Accelerator',
        `p-${i}`,
        i % 3 ? 'Yes' : 'No',
        `"Acct ${i % 500}, Acct ${(i + 1) % 500}, Acct ${(i + 2) % 500}"`,
        'Sales reps bring us into deals',
        'Yes',
        '3 qualified convos',
        `2025-${m}-${d}`,
        'On Track',
        `Manager ${i}`,
        `m${i}@example.com`,
        `@m${i}`,
        'Met at a conference',
        '"Responsive, ""engaged"""',
        'Active',
        '1',
        '2',
        '3',
        '1',
        `2026-${m}-${d}`,
        'Follow-up',
        `Rep ${i}`,
        'Follow up on lists',
        String(i % 9),
        String(i % 4),
        String(i % 3),
        String(i % 2),
        `$${(i % 50) * 1000}`,
        `11/${d}/2024`,
        `2025-01-${d}`,
        '12',
        'Phase 2',
        `https://app.hubspot.com/contacts/123/company/${9_000_000_000 + i}`,
        'Imported 🚀',
      ].join(','),
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

const discard = () =>
  new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });

/** The process's peak resident set so far, in bytes (Linux reports kilobytes). */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

type ImportRun = {
  uploadMs: number;
  previewMs: number;
  applyMs: number;
  importPeak: number;
  counts: Record<string, number>;
  created: number;
  exports: { format: string; ms: number; rows: number }[];
};
type FloorRun = { importMs: number; importPeak: number; exportMs: number; exportRows: number };

/** The product's way: the sheet file as an upload, through the services, then exported twice. */
async function importRun(): Promise<ImportRun> {
  const database = await openDatabase({ kind: 'pglite', dataDir: DATA });
  const ctx = createContext(database, systemActor('bench', 'import'));
  const content = readFileSync(SHEET);
  let t = performance.now();
  // The file as the server's upload route hands it over: the request body's bytes, not a copy.
  const created = await createSheetImport(ctx, { entity: 'partner', fileName: 'bench.csv', content });
  const uploadMs = performance.now() - t;
  t = performance.now();
  const preview = await previewSheetImport(ctx, created.id);
  const previewMs = performance.now() - t;
  t = performance.now();
  const applied = await applySheetImport(ctx, created.id);
  const applyMs = performance.now() - t;
  const importPeak = peakRss();
  const exports: ImportRun['exports'] = [];
  for (const format of ['csv', 'xlsx'] as const) {
    t = performance.now();
    const rows = await writePartnerExport(ctx, {}, format, discard());
    exports.push({ format, ms: performance.now() - t, rows });
  }
  await database.close();
  return { uploadMs, previewMs, applyMs, importPeak, counts: preview.counts, created: applied.summary.create ?? 0, exports };
}

async function floorRun(): Promise<FloorRun> {
  const database = await openDatabase({ kind: 'pglite', dataDir: FLOOR_DATA });
  const importMs = await rawImportFloor(database, ROWS);
  const importPeak = peakRss();
  const exported = await rawExportFloor(database);
  await database.close();
  return { importMs, importPeak, exportMs: exported.ms, exportRows: exported.rows };
}

/** Runs one part of the benchmark in a child process and returns what it printed last (JSON). */
function runPart<T>(part: string): T {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--part', part, '--rows', String(ROWS)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    },
  );
  const lines = out.toString().trim().split('\n');
  return JSON.parse(defined(lines[lines.length - 1])) as T;
}

function freshDir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // A new PGlite directory runs initdb in WebAssembly (~900 MB peak, once): done in its own process so
  // the import's peak RSS is the import's, as on every start after the first.
  runPart(`init:${dir}`);
}

async function main() {
  if (args.part) {
    const part = args.part;
    let result: unknown;
    if (part.startsWith('init:')) {
      await (await openDatabase({ kind: 'pglite', dataDir: part.slice(5) })).close();
      result = {};
    } else result = part === 'import' ? await importRun() : await floorRun();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  mkdirSync(BENCH_DATA, { recursive: true });
  const content = sheet(ROWS);
  writeFileSync(SHEET, content);
  freshDir(DATA);
  const run = runPart<ImportRun>('import');
  freshDir(FLOOR_DATA);
  const floor = runPart<FloorRun>('floor');
  const { uploadMs, previewMs, applyMs, importPeak, exports } = run;

  const rate = (rows: number, ms: number) => Math.round((rows / ms) * 1000);
  const importMs = uploadMs + previewMs + applyMs;
  const importRate = rate(ROWS, importMs);
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
  const ratio = (ms: number, floorMs: number) => `${(ms / floorMs).toFixed(1)}×`;
  const csvExport = defined(
    exports.find((e) => e.format === 'csv'),
    'the CSV export figure',
  );
  const lines = [
    START,
    '## Spreadsheet import and export (`npm run bench:sheets`)',
    '',
    `Run ${new Date().toISOString()}: ${ROWS.toLocaleString('en-US')} partner rows in the shared fixture's 36 columns (${(content.length / 1024 ** 2).toFixed(1)} MiB of CSV), imported through the services`,
    `(upload → preview → apply, each batch of 500 one transaction) into a fresh PGlite directory, then exported. ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB, load average at the end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}.`,
    'The floor is plain SQL on a fresh PGlite directory of its own: the same rows COPYed in (in one transaction), and COPYed out as CSV (bench/sheets-floor.ts).',
    '',
    '| Step | Time | Rows/s | Floor | × floor | Target | Verdict |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    `| Upload (read the whole sheet, match columns, store) | ${(uploadMs / 1000).toFixed(1)} s | ${rate(ROWS, uploadMs).toLocaleString('en-US')} | | | | |`,
    `| Preview (every row planned, nothing written) | ${(previewMs / 1000).toFixed(1)} s | ${rate(ROWS, previewMs).toLocaleString('en-US')} | | | | |`,
    `| Apply (${run.created.toLocaleString('en-US')} created) | ${(applyMs / 1000).toFixed(1)} s | ${rate(ROWS, applyMs).toLocaleString('en-US')} | ${(floor.importMs / 1000).toFixed(1)} s | ${ratio(applyMs, floor.importMs)} | | |`,
    `| **Import, all three** | ${(importMs / 1000).toFixed(1)} s | **${importRate.toLocaleString('en-US')}** | ${rate(ROWS, floor.importMs).toLocaleString('en-US')} rows/s | ${ratio(importMs, floor.importMs)} | ≥ 20,000 | ${verdict(importRate >= 20_000)} |`,
    `| Peak RSS of the importing process (incl. PGlite) | ${mb(importPeak)} | | ${mb(floor.importPeak)} | | ≤ 500 MB | ${verdict(importPeak <= 500 * 1024 ** 2)} |`,
    ...exports.map(
      (e) =>
        `| Export ${e.format.toUpperCase()} (${e.rows.toLocaleString('en-US')} rows) | ${(e.ms / 1000).toFixed(1)} s | **${rate(e.rows, e.ms).toLocaleString('en-US')}** | ${rate(floor.exportRows, floor.exportMs).toLocaleString('en-US')} rows/s | ${ratio(e.ms, floor.exportMs)} | ≥ 50,000 | ${verdict(rate(e.rows, e.ms) >= 50_000)} |`,
    ),
    '',
    `Preview counts: ${JSON.stringify(run.counts)}. CSV export ${ratio(csvExport.ms, floor.exportMs)} the floor. The sheet adapters alone (read + match + map, write) are measured by`,
    '`npx tsx packages/integrations/bench/sheets-throughput.ts`.',
    END,
  ];
  const report = lines.join('\n');
  process.stdout.write(`${report}\n`);
  if (!args['no-write']) {
    const current = readFileSync(RESULTS, 'utf8');
    const at = current.indexOf(START);
    const next =
      at >= 0
        ? current.slice(0, at) + report + current.slice(current.indexOf(END) + END.length)
        : `${current.trimEnd()}\n\n${report}\n`;
    writeFileSync(RESULTS, next);
    // The report is committed: keep it as the formatter (and so CI's lint) wants it.
    spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', RESULTS], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    });
  }
}

await main();
process.exit(0);
