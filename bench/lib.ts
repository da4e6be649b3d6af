// Small helpers of the benchmark: sampling, percentiles, the machine and a process's memory.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';
import { defined } from '@ptrack/domain';
import { type Database, pgliteClientOf } from '@ptrack/storage';

export type Summary = { n: number; p50: number; p95: number; min: number; max: number; mean: number };

/** Nearest-rank percentile of real samples (no interpolation between them). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return defined(sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]);
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

export type SampleOptions = {
  /** Untimed calls first (JIT, plan caches, the database's buffers). */
  warmup: number;
  /** Stop after this many timed calls… */
  samples: number;
  /** …or once this much time has passed, with at least `minSamples` taken. */
  budgetMs: number;
  minSamples: number;
};

/** Calls `once(i)` sequentially and records each call's wall time in milliseconds. */
export async function sample(once: (i: number) => Promise<void>, o: SampleOptions): Promise<number[]> {
  const warmupDeadline = performance.now() + o.budgetMs / 3;
  for (let i = 0; i < o.warmup && (i === 0 || performance.now() < warmupDeadline); i++) await once(-1 - i);
  const times: number[] = [];
  const deadline = performance.now() + o.budgetMs;
  for (let i = 0; i < o.samples; i++) {
    if (times.length >= o.minSamples && performance.now() > deadline) break;
    const t = performance.now();
    await once(i);
    times.push(performance.now() - t);
  }
  return times;
}

/** The bare PGlite client of an embedded database; throws for PostgreSQL, which the caller did not expect. */
export function pgliteOf(database: Database) {
  const client = pgliteClientOf(database);
  if (!client) throw new Error(`expected an embedded (PGlite) database, not ${database.kind}`);
  return client;
}

/** The 1-minute load average now. */
export const load1 = () => loadavg()[0] ?? Number.NaN;

/**
 * Calls each of `runs` in turn, one call of each per round (A B A B …, the order flipping every round),
 * so every series shares the machine's load and their ratio holds on a busy machine. Records each
 * call's wall time in ms, and the 1-minute load average over the rounds (its lowest and highest).
 */
export async function sampleInterleaved<K extends string>(
  runs: Record<K, (i: number) => Promise<void>>,
  o: SampleOptions,
): Promise<{ times: Record<K, number[]>; load: { min: number; max: number } }> {
  const keys = Object.keys(runs) as K[];
  const times = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const warmupDeadline = performance.now() + o.budgetMs / 3;
  for (let i = 0; i < o.warmup && (i === 0 || performance.now() < warmupDeadline); i++) {
    for (const k of keys) await runs[k](-1 - i);
  }
  const loads = [load1()];
  const deadline = performance.now() + o.budgetMs;
  for (let i = 0; i < o.samples; i++) {
    if (i >= o.minSamples && performance.now() > deadline) break;
    for (const k of i % 2 === 0 ? keys : [...keys].reverse()) {
      const t = performance.now();
      await runs[k](i);
      times[k].push(performance.now() - t);
    }
    if (i % 20 === 0) loads.push(load1());
  }
  loads.push(load1());
  return { times, load: { min: Math.min(...loads), max: Math.max(...loads) } };
}

/** A small deterministic generator (mulberry32), so runs rotate over the same ids. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Machine = { cpu: string; cores: number; memoryGb: number; kernel: string; loadAvg: string };

export function machine(): Machine {
  let memoryGb = Number.NaN;
  try {
    const kb = Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]);
    memoryGb = kb / 1024 / 1024;
  } catch {
    // not Linux
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb,
    kernel: release(),
    loadAvg: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

/** Resident memory now and at its peak (MB), from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1]);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

export const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) : '—');
