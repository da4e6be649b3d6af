// `npm run bench`: the scale benchmark (see bench/README.md). For each storage: generate the data
// (or reuse a PGlite directory that already holds it), start the real server as a child process,
// time the scenarios over loopback, read the server's memory, stop it, time the same results by plain
// SQL on the same database (the floor), EXPLAIN what missed its target, and write bench/RESULTS.md.
// Exits non-zero only when it could not run; missed targets are reported, not failed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TZDate } from '@date-fns/tz';
import { startOfWeek, todayIn } from '@ptrack/domain';
import { createContext, type ServiceContext, systemActor } from '@ptrack/services';
import { MIGRATIONS_DIR, openDatabase } from '@ptrack/storage';
import { apiStatements, explainAll } from './explain';
import type { Calendar, Raw } from './floor';
import { openRaw } from './floor';
import { GENERATOR_VERSION, type GenerateResult, generate } from './generate';
import { machine, memoryOf, ms, type SampleOptions, sampleInterleaved, summarise } from './lib';
import { type Report, renderReport, type ScenarioResult, type StorageResult, verdict } from './report';
import { type Scenario, type ScenarioContext, type StorageKind, scenarios } from './scenarios';
import { type BenchServer, REPO_ROOT, type ServerStorage, startBenchServer, stoppedMs } from './server';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    storage: { type: 'string', default: 'both' },
    samples: { type: 'string', default: '200' },
    budget: { type: 'string', default: '30' },
    explain: { type: 'string', default: 'missed' },
    fresh: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const scale = Number(args.scale);
const sampleOptions: SampleOptions = {
  warmup: 10,
  samples: Number(args.samples),
  budgetMs: Number(args.budget) * 1000,
  minSamples: 10,
};
const DATA = join(REPO_ROOT, 'bench', '.data');
const out = resolve(args.out ?? (scale === 1 ? join(REPO_ROOT, 'bench', 'RESULTS.md') : join(DATA, `RESULTS-scale-${scale}.md`)));
const log = (line: string) => process.stderr.write(`${line}\n`);

type Marker = { generatorVersion: number; scale: number; migrations: string[]; generation: GenerateResult; at: string };
const migrationNames = () =>
  readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();

/** A PGlite directory holding this scale's data, generated now unless a matching one is there. */
async function preparePglite(): Promise<{ storage: ServerStorage; generation: GenerateResult; reused: string | null }> {
  const dataDir = join(DATA, `pglite-scale-${scale}`);
  const markerFile = join(dataDir, 'bench-marker.json');
  if (!args.fresh && existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
    const same =
      marker.generatorVersion === GENERATOR_VERSION &&
      marker.scale === scale &&
      JSON.stringify(marker.migrations) === JSON.stringify(migrationNames());
    if (same) return { storage: { kind: 'pglite', dataDir }, generation: marker.generation, reused: `generated ${marker.at}` };
    log('pglite: the data directory is from another generator, scale or schema: regenerating');
  }
  rmSync(dataDir, { recursive: true, force: true });
  const database = await openDatabase({ kind: 'pglite', dataDir });
  let generation: GenerateResult;
  try {
    generation = await generate(database, { scale, log });
  } finally {
    await database.close();
  }
  const marker: Marker = {
    generatorVersion: GENERATOR_VERSION,
    scale,
    migrations: migrationNames(),
    generation,
    at: new Date().toISOString(),
  };
  writeFileSync(markerFile, `${JSON.stringify(marker, null, 2)}\n`);
  return { storage: { kind: 'pglite', dataDir }, generation, reused: null };
}

type PgServer = { url: string; stop(): Promise<void> };
type StartPostgres = (o: { database?: string; install?: boolean }) => Promise<PgServer>;

async function preparePostgres(): Promise<{ storage: ServerStorage; generation: GenerateResult; server: PgServer }> {
  // A plain .mjs script shared with the integration suite; loaded by URL so TypeScript does not need its types.
  const mod = (await import(new URL('../scripts/postgres-server.mjs', import.meta.url).href)) as { startPostgres: StartPostgres };
  const server = await mod.startPostgres({ database: 'ptrack_bench', install: true });
  try {
    const database = await openDatabase({ kind: 'postgres', url: server.url });
    try {
      const generation = await generate(database, { scale, log });
      return { storage: { kind: 'postgres', url: server.url }, generation, server };
    } finally {
      await database.close();
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function calendarOf(raw: Raw): Promise<Calendar> {
  const [s] = await raw.query<{ time_zone: string; week_starts_on: number; ipp_bands: unknown }>(
    'select time_zone, week_starts_on, ipp_bands from workspace_settings where id = 1',
  );
  if (!s) throw new Error('the workspace has no settings row');
  const today = todayIn(s.time_zone, new Date());
  const [y, m, d] = startOfWeek(today, s.week_starts_on as 1)
    .split('-')
    .map(Number) as [number, number, number];
  const bands = (typeof s.ipp_bands === 'string' ? JSON.parse(s.ipp_bands) : s.ipp_bands) as Calendar['bands'];
  return {
    today,
    timeZone: s.time_zone,
    weekStart: new Date(new TZDate(y, m - 1, d, s.time_zone).getTime()).toISOString(),
    bands,
  };
}

async function benchStorage(kind: StorageKind, result: StorageResult): Promise<void> {
  log(`\n== ${kind}: preparing scale ${scale}`);
  const prepared = kind === 'pglite' ? await preparePglite() : await preparePostgres();
  const pgServer = 'server' in prepared ? prepared.server : null;
  result.generation = prepared.generation;
  result.reused = 'reused' in prepared ? prepared.reused : null;
  let server: BenchServer | null = null;
  let floorCopy: ServerStorage | null = null;
  try {
    // Start twice: the second start, on the existing data, is the figure.
    const start = async () => {
      const started = await startBenchServer(prepared.storage);
      result.startsMs.push(started.startMs);
      log(`${kind}: serving in ${(started.startMs / 1000).toFixed(2)} s`);
      return started;
    };
    await (await start()).stop();
    log(`${kind}: stopped (SIGTERM → exit) in ${((stoppedMs.at(-1) ?? Number.NaN) / 1000).toFixed(2)} s`);
    // The floor runs beside the server, sample for sample. PGlite has one owner, so its floor opens a
    // copy of the data directory, taken while the server is stopped (the same rows, the same indexes).
    const floorStorage = kind === 'pglite' ? copyPgliteData(prepared.storage) : prepared.storage;
    floorCopy = floorStorage === prepared.storage ? null : floorStorage;
    const running = await start();
    server = running;
    const ctx: ScenarioContext = {
      baseUrl: running.url,
      calendar: { today: '', timeZone: 'UTC', weekStart: '', bands: { strategic: 0, good: 0, evaluate: 0 } },
      partners: prepared.generation.partners,
      reps: prepared.generation.reps,
      todayPage: await todayPageOf(running.url),
    };
    const raw = await openRaw(floorStorage);
    try {
      ctx.calendar = await calendarOf(raw);
      await describeDatabase(raw, result);
      const services = createContext(raw.database, systemActor('bench', 'api'));
      for (const sc of scenarios(ctx)) result.scenarios.push(await benchScenario(kind, sc, raw, services, ctx.calendar));
    } finally {
      await raw.close();
    }
    result.memory = memoryOf(running.pid);
    await running.stop();
    server = null;
  } finally {
    await server?.stop();
    await pgServer?.stop();
    if (floorCopy?.kind === 'pglite') rmSync(floorCopy.dataDir, { recursive: true, force: true });
  }
}

/** A copy of a stopped server's PGlite data directory, without its lock, for the floor to own. */
function copyPgliteData(storage: ServerStorage): ServerStorage {
  if (storage.kind !== 'pglite') return storage;
  const dataDir = `${storage.dataDir}-floor`;
  rmSync(dataDir, { recursive: true, force: true });
  cpSync(storage.dataDir, dataDir, { recursive: true, filter: (src) => !basename(src).includes('.lock') });
  return { kind: 'pglite', dataDir };
}

/** The floor pages Today as the API does (the API fetches one row more than it shows). */
async function todayPageOf(url: string): Promise<ScenarioContext['todayPage']> {
  const today = (await (await fetch(`${url}/api/today`)).json()) as {
    items: unknown[];
    upcoming: unknown[];
    nextCursor?: unknown;
  };
  return 'nextCursor' in today
    ? { dueLimit: today.items.length + 1, upcomingLimit: today.upcoming.length }
    : { dueLimit: null, upcomingLimit: null };
}

async function describeDatabase(raw: Raw, result: StorageResult): Promise<void> {
  const [v] = await raw.query<{ v: string; size: string }>('select version() as v, pg_database_size(current_database()) as size');
  result.version = v?.v.split(' on ')[0]?.split(',')[0] ?? '';
  result.databaseSizeMb = Number(v?.size) / 1024 / 1024;
}

/**
 * One scenario: the API, its floor and the in-process service sampled in turn (A B C, C B A, …) so the
 * ratios share the machine's load; then the floor checked against the API's answer (both on the same
 * rows: the reads run before any write scenario), and EXPLAIN when asked or when the target was missed.
 */
async function benchScenario(
  kind: StorageKind,
  sc: Scenario,
  raw: Raw,
  services: ServiceContext,
  calendar: Calendar,
): Promise<ScenarioResult> {
  log(`${kind}: ${sc.label}`);
  const { times, load } = await sampleInterleaved(
    {
      api: (i) => sc.api(i),
      raw: (i) => sc.raw(raw, i),
      service: async (i) => void (await sc.service(services, i)),
    },
    sampleOptions,
  );
  const mismatches = await sc.check(raw, await sc.probe());
  const r: ScenarioResult = {
    id: sc.id,
    label: sc.label,
    target: sc.target,
    api: summarise(times.api),
    raw: summarise(times.raw),
    service: summarise(times.service),
    load,
    mismatches,
    explained: [],
  };
  log(
    `${kind}: ${sc.id}: API p50 ${ms(r.api.p50)} ms, floor ${ms(r.raw?.p50 ?? Number.NaN)} ms, ` +
      `ratio ${(r.api.p50 / (r.raw?.p50 ?? Number.NaN)).toFixed(2)}×, load ${load.min.toFixed(1)}–${load.max.toFixed(1)}` +
      (mismatches.length ? ` — disagrees: ${mismatches.join('; ')}` : ''),
  );
  const missed = verdict(r, kind).ok === false;
  if (args.explain === 'all' || (args.explain === 'missed' && missed)) {
    const statements = await apiStatements(sc.id, calendar, sc.statements(0));
    r.explained = await explainAll(raw, statements, join(DATA, 'explain'), `${kind}-${sc.id}`);
  }
  return r;
}

async function main(): Promise<number> {
  if (!(scale > 0)) throw new Error('--scale must be a positive number');
  const kinds: StorageKind[] = args.storage === 'both' ? ['pglite', 'postgres'] : [args.storage as StorageKind];
  if (!kinds.every((k) => k === 'pglite' || k === 'postgres')) throw new Error('--storage must be pglite, postgres or both');
  const pglitePkg = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string;
  };
  const report: Report = {
    date: new Date().toISOString(),
    scale,
    machine: machine(),
    node: process.version,
    pglite: pglitePkg.version,
    samples: sampleOptions.samples,
    budgetS: sampleOptions.budgetMs / 1000,
    storages: [],
  };
  let failed = false;
  for (const kind of kinds) {
    const result: StorageResult = {
      kind,
      version: '',
      databaseSizeMb: null,
      generation: null,
      reused: null,
      startsMs: [],
      memory: null,
      scenarios: [],
      error: null,
    };
    report.storages.push(result);
    try {
      await benchStorage(kind, result);
    } catch (error) {
      failed = true;
      result.error = (error as Error).stack ?? String(error);
      log(`${kind}: could not run: ${result.error}`);
    }
  }
  writeFileSync(out, renderReport(report));
  // Keep the committed file as the repository's formatter wants it (`npm run lint` checks markdown too).
  spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', out], { cwd: REPO_ROOT, stdio: 'ignore' });
  log(`\nWrote ${out}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`bench: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
