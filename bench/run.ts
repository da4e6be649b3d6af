// `npm run bench`: the scale benchmark (see bench/README.md). For each storage: generate the data
// (or reuse a PGlite directory that already holds it), start the real server as a child process,
// time the scenarios over loopback, read the server's memory, stop it, time the same results by plain
// SQL on the same database (the floor), EXPLAIN what missed its target, and write bench/RESULTS.md.
// Exits non-zero only when it could not run; missed targets are reported, not failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TZDate } from '@date-fns/tz';
import { defined, startOfWeek, todayIn } from '@ptrack/domain';
import { createContext, systemActor } from '@ptrack/services';
import { MIGRATIONS_DIR, openDatabase } from '@ptrack/storage';
import { apiStatements, type Explained, explainAll } from './explain';
import type { Calendar, Raw } from './floor';
import { openRaw } from './floor';
import { GENERATOR_VERSION, type GenerateResult, generate } from './generate';
import { machine, memoryOf, type SampleOptions, sample, summarise } from './lib';
import { type Report, renderReport, type ScenarioResult, type StorageResult, verdict } from './report';
import { type ScenarioContext, type StorageKind, scenarios } from './scenarios';
import { type BenchServer, REPO_ROOT, type ServerStorage, startBenchServer } from './server';

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
  try {
    // Start twice: the second start, on the existing data, is the figure.
    const start = async () => {
      const started = await startBenchServer(prepared.storage);
      result.startsMs.push(started.startMs);
      log(`${kind}: serving in ${(started.startMs / 1000).toFixed(2)} s`);
      return started;
    };
    await (await start()).stop();
    const running = await start();
    server = running;
    const ctx: ScenarioContext = {
      baseUrl: running.url,
      calendar: { today: '', timeZone: 'UTC', weekStart: '', bands: { strategic: 0, good: 0, evaluate: 0 } },
      partners: prepared.generation.partners,
      reps: prepared.generation.reps,
      todayPage: { dueLimit: null, upcomingLimit: null },
    };
    // The floor pages Today as the API does (the API fetches one row more than it shows).
    const today = (await (await fetch(`${running.url}/api/today`)).json()) as {
      items: unknown[];
      upcoming: unknown[];
      nextCursor?: unknown;
    };
    if ('nextCursor' in today) ctx.todayPage = { dueLimit: today.items.length + 1, upcomingLimit: today.upcoming.length };
    const list = scenarios(ctx);
    const apiTimes = new Map<string, number[]>();
    // PostgreSQL's planner statistics move while the server runs (autoanalyze): explain each scenario
    // right after its samples, so the plans are the ones the API ran. PGlite has no autovacuum, and one owner.
    const early = new Map<string, Explained[]>();
    const side = kind === 'postgres' && args.explain !== 'none' ? await openRaw(prepared.storage) : null;
    try {
      if (side) ctx.calendar = await calendarOf(side);
      for (const sc of list) {
        log(`${kind}: ${sc.label}`);
        apiTimes.set(sc.id, await sample((i) => sc.api(i), sampleOptions));
        if (side) {
          const statements = await apiStatements(sc.id, ctx.calendar, sc.statements(0));
          early.set(sc.id, await explainAll(side, statements, join(DATA, 'explain'), `${kind}-${sc.id}`));
        }
      }
    } finally {
      await side?.close();
    }
    // The answers the floor must match, taken after every write so both see the same data.
    const answers = new Map<string, unknown>();
    for (const sc of list) answers.set(sc.id, await sc.probe());
    result.memory = memoryOf(running.pid);
    await running.stop();
    server = null;

    const raw = await openRaw(prepared.storage);
    try {
      ctx.calendar = await calendarOf(raw);
      const services = createContext(raw.database, systemActor('bench', 'api'));
      const [v] = await raw.query<{ v: string; size: string }>(
        'select version() as v, pg_database_size(current_database()) as size',
      );
      result.version = v?.v.split(' on ')[0]?.split(',')[0] ?? '';
      result.databaseSizeMb = Number(v?.size) / 1024 / 1024;
      for (const sc of list) {
        const mismatches = await sc.check(raw, answers.get(sc.id));
        log(`${kind}: floor of ${sc.id}${mismatches.length ? ` — disagrees: ${mismatches.join('; ')}` : ''}`);
        const rawTimes = await sample((i) => sc.raw(raw, i), sampleOptions);
        const serviceTimes = await sample(async (i) => void (await sc.service(services, i)), sampleOptions);
        const r: ScenarioResult = {
          id: sc.id,
          label: sc.label,
          target: sc.target,
          api: summarise(defined(apiTimes.get(sc.id))),
          raw: summarise(rawTimes),
          service: summarise(serviceTimes),
          mismatches,
          explained: [],
        };
        result.scenarios.push(r);
        const missed = verdict(r, kind).ok === false;
        if (args.explain === 'all' || (args.explain === 'missed' && missed)) {
          const statements = await apiStatements(sc.id, ctx.calendar, sc.statements(0));
          r.explained = early.get(sc.id) ?? (await explainAll(raw, statements, join(DATA, 'explain'), `${kind}-${sc.id}`));
        }
      }
    } finally {
      await raw.close();
    }
  } finally {
    await server?.stop();
    await pgServer?.stop();
  }
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
