// Start-up benchmark (issues 14 and 18): a CLI command on an existing data directory, compiled (what
// `npx ptrack` runs) against the sources through tsx and a bare `node -e 0`, and the server from `npm
// start` to serving on an existing and on a fresh data directory (with its peak RSS). Runs interleaved
// (A B C A B C …) so a change in the machine's load moves every column alike; medians, with the load
// average. Writes bench/STARTUP-RESULTS.md.
//
//   npm run bench:startup [-- --runs 7]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'apps/cli/bin/ptrack.js');
const START = join(ROOT, 'scripts/start-server.mjs');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const work = mkdtempSync(join(tmpdir(), 'ptrack-bench-startup-'));
const dataDir = join(work, 'data');
const baseEnv: NodeJS.ProcessEnv = { ...process.env, PTRACK_DATA_DIR: dataDir, USER: 'bench' };
delete baseEnv.DATABASE_URL;
delete baseEnv.PTRACK_URL;

function timed(args: string[], env: NodeJS.ProcessEnv = baseEnv): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return (performance.now() - started) / 1000;
}

/** Seconds from spawning the server to its "serving" line, and its peak RSS (VmHWM) in MB. */
function serverStart(dir: string): Promise<{ seconds: number; peakMb: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [START], {
      env: { ...baseEnv, PTRACK_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (!/serving http/.test(output)) return;
      const seconds = (performance.now() - started) / 1000;
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const peakMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      child.once('exit', () => done({ seconds, peakMb }));
      child.kill('SIGTERM');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('exit', (code) => {
      if (!/serving http/.test(output)) fail(new Error(`server exited ${code}: ${output}`));
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const fmt = (values: number[]) =>
  `${median(values).toFixed(2)} s (min ${Math.min(...values).toFixed(2)}, max ${Math.max(...values).toFixed(2)})`;

async function main(): Promise<void> {
  const loadBefore = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  // Compiles the CLI and the server if their sources changed, and fills the workspace.
  spawnSync(process.execPath, [join(ROOT, 'scripts/compiled-entry.mjs')], { stdio: 'inherit' });
  timed([BIN, 'demo']);
  const compiled: number[] = [];
  const source: number[] = [];
  const bare: number[] = [];
  const existing: number[] = [];
  const fresh: { seconds: number; peakMb: number }[] = [];
  timed([BIN, 'today']); // warm-up: the operating system's file cache
  for (let i = 0; i < RUNS; i++) {
    compiled.push(timed([BIN, 'today']));
    source.push(timed([BIN, 'today'], { ...baseEnv, PTRACK_FROM_SOURCE: '1' }));
    bare.push(timed(['-e', '0']));
    existing.push((await serverStart(dataDir)).seconds);
    fresh.push(await serverStart(join(work, `fresh-${i}`)));
  }
  const loadAfter = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const lines = [
    '# Start-up benchmark',
    '',
    `Written by \`npm run bench:startup\` (bench/startup.ts) on ${new Date().toISOString()}: ${RUNS} interleaved runs each, medians.`,
    `Machine: ${cpus().length} cores; load average ${loadBefore} before, ${loadAfter} after (a shared machine). Node ${process.version}.`,
    '',
    '| what | time | target |',
    '| --- | --- | --- |',
    `| \`ptrack today\` on the demo workspace, compiled (what \`npx ptrack\` runs) | ${fmt(compiled)} | ≤ 1.5 s (issue 14), ≤ 1 s (issue 18) |`,
    `| the same through tsx (\`PTRACK_FROM_SOURCE=1\`, as before) | ${fmt(source)} | — |`,
    `| \`node -e 0\` (the floor of any command) | ${fmt(bare)} | — |`,
    `| \`npm start\`'s server to serving, existing data directory | ${fmt(existing)} | ≤ 1.5 s |`,
    `| the same on a fresh data directory (from the PGlite template) | ${fmt(fresh.map((f) => f.seconds))} | ≤ 3 s |`,
    `| peak RSS of the server on a fresh data directory | ${median(fresh.map((f) => f.peakMb)).toFixed(0)} MB (max ${Math.max(...fresh.map((f) => f.peakMb)).toFixed(0)}) | ≤ 400 MB |`,
    '',
  ];
  writeFileSync(join(ROOT, 'bench/STARTUP-RESULTS.md'), lines.join('\n'));
  process.stdout.write(`${lines.join('\n')}\n`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
