// `npx tsx bench/hubspot-sync.ts`: a full HubSpot sync of 2,000 companies, 10,000 partner-sales-rep
// contacts and 5,000 deals from the stand-in, which enforces HubSpot's Professional limit (190 requests
// per rolling 10 s; search 5/s), through the official client into a fresh embedded database. Issue 6's
// target: wall time within 1.2× the rate-limit floor (requests ÷ 19 per second). Writes its figures
// between the markers in bench/RESULTS.md. Each run has its own stand-in, database and request pacer
// (a new account: the pacer starts with one token); the median run is reported.
//
//   npm run bench:hubspot -- [--runs 3] [--companies 2000] [--reps-per-company 5] [--deals 5000] [--no-write]
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { defined } from '@ptrack/domain';
import { REQUEST_BURST } from '@ptrack/integrations';
import { createContext, saveHubSpotConnection, syncHubSpot, systemActor } from '@ptrack/services';
import { openDatabase } from '@ptrack/storage';
import { REPO_ROOT } from './server';

const { values: args } = parseArgs({
  options: {
    companies: { type: 'string', default: '2000' },
    'reps-per-company': { type: 'string', default: '5' },
    deals: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    'no-write': { type: 'boolean', default: false },
  },
});
const COMPANIES = Number(args.companies);
const REPS = Number(args['reps-per-company']);
const DEALS = Number(args.deals);
const RUNS = Math.max(1, Number(args.runs));
const LIMIT = { max: 190, intervalMs: 10_000 };
const PER_SECOND = LIMIT.max / (LIMIT.intervalMs / 1000);
const RESULTS = join(REPO_ROOT, 'bench', 'RESULTS.md');
const START = '<!-- hubspot-sync:start -->';
const END = '<!-- hubspot-sync:end -->';

type Run = {
  seconds: number;
  report: Awaited<ReturnType<typeof syncHubSpot>>;
  served: { total: number; rateLimited: number };
  resyncSeconds: number;
  resync: Awaited<ReturnType<typeof syncHubSpot>>;
};

/** One run: a stand-in in its own process (HubSpot is another machine: its work must not take turns with the sync on one event loop), a fresh database, a full sync and a second one. */
async function oneRun(): Promise<Run> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'bench', 'hubspot-stand-in-process.ts'),
      '--companies',
      String(COMPANIES),
      '--reps-per-company',
      String(REPS),
      '--deals',
      String(DEALS),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'], cwd: REPO_ROOT },
  );
  const replies = createInterface({ input: defined(child.stdout, "the stand-in's stdout") })[Symbol.asyncIterator]();
  const nextReply = async <T>() => JSON.parse(((await replies.next()).value as string) ?? 'null') as T;
  const standIn = await nextReply<{ url: string; accessToken: string; companies: number; deals: number }>();
  if (standIn.companies !== COMPANIES || standIn.deals !== DEALS) throw new Error('the stand-in seeded other data than asked');
  const database = await openDatabase({ kind: 'pglite-memory' });
  const ctx = createContext(database, systemActor('bench', 'system'));
  await saveHubSpotConnection(ctx, { token: standIn.accessToken, baseUrl: standIn.url, requestsPer10s: LIMIT.max });
  const started = performance.now();
  const report = await syncHubSpot(ctx, { mode: 'full' });
  const seconds = (performance.now() - started) / 1000;
  const commands = defined(child.stdin, "the stand-in's stdin");
  commands.write('stats\n');
  const served = await nextReply<{ total: number; rateLimited: number }>();
  const resyncStarted = performance.now();
  const resync = await syncHubSpot(ctx, { mode: 'full' });
  const resyncSeconds = (performance.now() - resyncStarted) / 1000;
  await database.close();
  commands.end();
  process.stderr.write(`run: ${seconds.toFixed(2)} s, ${report.requests} requests; second sync ${resyncSeconds.toFixed(2)} s\n`);
  return { seconds, report, served, resyncSeconds, resync };
}

const loadAtStart = loadavg();
const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) runs.push(await oneRun());
const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
const { seconds, report, served, resyncSeconds, resync } = defined(sorted[Math.floor((sorted.length - 1) / 2)]);
if (runs.some((r) => r.report.status !== 'succeeded' || r.report.failed.length > 0))
  throw new Error('a run did not sync everything');

// The fewest requests this data needs: every contact and deal listed 100 per call, every company read
// 100 per call. The floor is that many requests at 19 per second.
const minimum = Math.ceil((COMPANIES * REPS) / 100) + Math.ceil(COMPANIES / 100) + Math.ceil(DEALS / 100);
const floor = report.requests / PER_SECOND;
const minimumFloor = minimum / PER_SECOND;
const ratio = seconds / floor;
// The second sync's pacer had filled its bucket while the first one finished: its first REQUEST_BURST requests went at once.
const resyncFloor = Math.max(0, resync.requests - REQUEST_BURST) / PER_SECOND;
const fmt = (n: number) => n.toLocaleString('en-US');
const lines = [
  START,
  '## HubSpot full sync (issue 6)',
  '',
  `Written by \`npm run bench:hubspot\` on ${new Date().toISOString()}. ${cpus().length} cores, load average at start ${loadAtStart
    .map((l) => l.toFixed(2))
    .join(
      ' ',
    )} (a shared machine); Node ${process.version}; embedded PGlite in memory; the stand-in in a separate process (HubSpot is another machine).`,
  '',
  `- Data in the stand-in: ${fmt(COMPANIES)} companies, ${fmt(COMPANIES * REPS)} partner-sales-rep contacts, ${fmt(DEALS)} deals.`,
  `- Limit enforced by the stand-in: ${LIMIT.max} requests per rolling ${LIMIT.intervalMs / 1000} s (search 5/s). The client's pacer keeps to ${LIMIT.max} per rolling 10 s plus a margin, at ${PER_SECOND} per second, and may send up to ${REQUEST_BURST} requests back to back that a pause held back; it starts with one token.`,
  `- ${RUNS} runs, each with its own stand-in, database and pacer; the median is reported. First syncs: ${runs.map((r) => `${r.seconds.toFixed(1)} s`).join(', ')}.`,
  `- Result: ${report.status}, ${fmt(report.created)} records created, ${report.failed.length} failed.`,
  `- Requests: **${fmt(report.requests)}** (the stand-in counted ${fmt(served.total)}, of which ${served.rateLimited} answered 429); the fewest this data needs is ${fmt(minimum)}.`,
  `- Wall time: **${seconds.toFixed(1)} s**. Rate-limit floor = requests ÷ ${PER_SECOND}/s = ${floor.toFixed(1)} s ` +
    `(on the fewest possible requests: ${minimumFloor.toFixed(1)} s).`,
  `- Ratio: **${ratio.toFixed(2)}×** the floor (target ≤ 1.2×: ${ratio <= 1.2 ? 'PASS' : '**MISS**'}); ${(seconds / minimumFloor).toFixed(2)}× the floor of the fewest requests.`,
  `- A second full sync of the same data (nothing to change): ${resyncSeconds.toFixed(1)} s, ${fmt(resync.requests)} requests, ${fmt(resync.unchanged)} unchanged, ${fmt(resync.created + resync.updated)} created or updated. Its pacer started with a full bucket, so its floor is (requests − ${REQUEST_BURST}) ÷ ${PER_SECOND}/s = ${resyncFloor.toFixed(1)} s: ${(resyncSeconds / resyncFloor).toFixed(2)}×.`,
  END,
];
const text = lines.join('\n');
process.stdout.write(`${text}\n`);
if (!args['no-write']) {
  const current = readFileSync(RESULTS, 'utf8');
  const at = current.indexOf(START);
  writeFileSync(
    RESULTS,
    at >= 0
      ? current.slice(0, at) + text + current.slice(current.indexOf(END) + END.length)
      : `${current.trimEnd()}\n\n${text}\n`,
  );
}
process.exit(0);
