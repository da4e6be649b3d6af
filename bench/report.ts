// Renders bench/RESULTS.md from the figures of one run.
import { relative } from 'node:path';
import { defined } from '@ptrack/domain';
import type { Explained } from './explain';
import type { GenerateResult } from './generate';
import { type Machine, ms, type Summary } from './lib';
import type { StorageKind, Target } from './scenarios';
import { REPO_ROOT } from './server';

export const START_TARGET_MS = 3000;
export const RSS_TARGET_MB = 500;

export type ScenarioResult = {
  id: string;
  label: string;
  target: Target;
  api: Summary;
  raw: Summary | null;
  /** The use case called in-process (no HTTP): what the API adds on top of it is transport and serialisation. */
  service: Summary | null;
  /** The 1-minute load average while the scenario was sampled: its lowest and highest. */
  load: { min: number; max: number } | null;
  mismatches: string[];
  explained: Explained[];
};

export type StorageResult = {
  kind: StorageKind;
  version: string;
  databaseSizeMb: number | null;
  generation: GenerateResult | null;
  reused: string | null;
  startsMs: number[];
  memory: { rssMb: number; hwmMb: number } | null;
  scenarios: ScenarioResult[];
  error: string | null;
};

export type Report = {
  date: string;
  scale: number;
  machine: Machine;
  node: string;
  pglite: string;
  samples: number;
  budgetS: number;
  storages: StorageResult[];
};

/** The verdict against the target: PASS, MISS (with what missed) or — when there is no target. */
export function verdict(s: ScenarioResult, kind: StorageKind): { ok: boolean | null; text: string } {
  const misses: string[] = [];
  const limit = s.target.p95?.[kind];
  if (limit === undefined && s.target.ratio === null) return { ok: null, text: '—' };
  if (limit !== undefined && !(s.api.p95 <= limit)) misses.push(`p95 > ${limit} ms`);
  if (s.target.ratio !== null && s.raw && !(s.api.p95 / s.raw.p95 <= s.target.ratio)) misses.push(`> ${s.target.ratio}× raw`);
  return misses.length ? { ok: false, text: `**MISS** (${misses.join(', ')})` } : { ok: true, text: 'PASS' };
}

const targetText = (t: Target, kind: StorageKind) =>
  [t.p95 ? `p95 ≤ ${t.p95[kind]} ms` : null, t.ratio ? `≤ ${t.ratio}× raw` : null].filter(Boolean).join(', ') || '—';
const ratio = (a: number, b: number | undefined) => (b && Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '—');
const num = (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString('en-US'));
const pass = (ok: boolean) => (ok ? 'PASS' : '**MISS**');

function storageSection(s: StorageResult, r: Report): string[] {
  const title = s.kind === 'pglite' ? 'PGlite (embedded, one data directory)' : 'PostgreSQL (server on loopback)';
  const lines = [`## ${title}`, ''];
  if (s.error) lines.push(`**Could not run:** ${s.error.split('\n')[0]}`, '');
  lines.push(
    `Version: ${s.version || 'unknown'}. Database size: ${s.databaseSizeMb === null ? '—' : `${s.databaseSizeMb.toFixed(0)} MB`}.`,
  );
  if (s.generation) {
    lines.push(
      `${s.reused ? `Data reused from an earlier run (${s.reused}), whose generation took` : 'Generated in'} ` +
        `${(s.generation.totalMs / 1000).toFixed(1)} s (workspace time zone ${s.generation.timeZone}, today ${s.generation.today}): ` +
        s.generation.steps.map((st) => `${st.step} ${(st.ms / 1000).toFixed(1)} s`).join(', ') +
        '.',
    );
  }
  lines.push('');
  if (s.scenarios.length) {
    lines.push(
      '| scenario | API p50 | API p95 | raw SQL p50 | raw p95 | ratio p50 / p95 | service p50 / p95 | samples | load avg | target | verdict |',
      '|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|',
    );
    for (const sc of s.scenarios) {
      lines.push(
        `| ${sc.label} | ${ms(sc.api.p50)} | ${ms(sc.api.p95)} | ${ms(sc.raw?.p50 ?? Number.NaN)} | ${ms(sc.raw?.p95 ?? Number.NaN)} | ` +
          `${ratio(sc.api.p50, sc.raw?.p50)} / ${ratio(sc.api.p95, sc.raw?.p95)} | ` +
          `${ms(sc.service?.p50 ?? Number.NaN)} / ${ms(sc.service?.p95 ?? Number.NaN)} | ${sc.api.n} / ${sc.raw?.n ?? 0} | ` +
          `${sc.load ? `${sc.load.min.toFixed(1)}–${sc.load.max.toFixed(1)}` : '—'} | ` +
          `${targetText(sc.target, s.kind)} | ${verdict(sc, s.kind).text} |`,
      );
    }
    lines.push(
      '',
      'Times in milliseconds; samples are API / raw; "load avg" is the 1-minute load average while the scenario ran. ' +
        'API, floor and service calls take turns (A B C, C B A, …), so each ratio is measured under the same load. "service" is the same use case called in-process on the services ' +
        '(same database, no HTTP): API − service ≈ HTTP, validation and serialisation; service − raw ≈ the ORM, the ' +
        "services' extra statements and round trips.",
      '',
    );
  }
  const [first, ...rest] = s.startsMs;
  const figure = rest.length ? defined(rest[rest.length - 1]) : first;
  if (figure !== undefined) {
    lines.push(
      `Start to serving (spawn of \`node --import tsx apps/server/src/main.ts\` → first 200 from \`GET /api/health\`, existing ` +
        `${s.kind === 'pglite' ? 'data directory' : 'database'}): **${(figure / 1000).toFixed(2)} s** ` +
        `(target ≤ ${START_TARGET_MS / 1000} s: ${pass(figure <= START_TARGET_MS)}); first start after generation ${((first ?? 0) / 1000).toFixed(2)} s.`,
    );
  }
  if (s.memory) {
    lines.push(
      '',
      `Server memory after the runs: VmRSS ${s.memory.rssMb.toFixed(0)} MB, peak VmHWM **${s.memory.hwmMb.toFixed(0)} MB** ` +
        `(target ≤ ${RSS_TARGET_MB} MB: ${pass(s.memory.hwmMb <= RSS_TARGET_MB)})` +
        (s.kind === 'postgres'
          ? ' — the Node process only; the PostgreSQL server is not counted.'
          : ' — Node and the embedded database.'),
    );
  }
  const mismatches = s.scenarios.flatMap((sc) => sc.mismatches.map((m) => `${sc.id}: ${m}`));
  lines.push(
    '',
    mismatches.length
      ? `**The floor disagreed with the API** (its figure may not be the same work):\n${mismatches.map((m) => `- ${m}`).join('\n')}`
      : 'Check: the floor returned the same rows as the API (ids, order, totals) in every read scenario.',
    '',
  );
  void r;
  return lines;
}

function limitsSection(r: Report): string[] {
  const lines = ['## What limits each figure', ''];
  let any = false;
  for (const s of r.storages) {
    for (const sc of s.scenarios) {
      if (sc.explained.length === 0) continue;
      any = true;
      lines.push(`### ${sc.id} on ${s.kind} (${verdict(sc, s.kind).text})`, '');
      for (const e of sc.explained) {
        const hot = e.hot
          .filter((h) => h.exclusiveMs >= 0.05)
          .map((h) => `${h.node} ${h.exclusiveMs.toFixed(1)} ms (${num(h.loops)} loops × ${num(h.rows)} rows)`)
          .join('; ');
        lines.push(
          `- \`${e.label}\`: ${e.executionMs.toFixed(1)} ms execution` +
            `${e.jitMs ? ` (of which **JIT ${e.jitMs.toFixed(1)} ms**)` : ''}, ${e.planningMs.toFixed(1)} ms planning. ` +
            `Hot spots: ${hot || 'none over 0.05 ms'}. Plan: \`${relative(REPO_ROOT, e.file)}\``,
        );
      }
      lines.push('');
    }
  }
  if (!any) lines.push('Every scenario met its target: nothing was explained.', '');
  return lines;
}

export function renderReport(r: Report): string {
  const m = r.machine;
  const gen = r.storages.find((s) => s.generation)?.generation;
  const counts = gen?.counts ?? {};
  const lines = [
    '# Scale benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${r.date}. Scale ${r.scale}${r.scale === 1 ? ' (full size)' : ' — not the full size'}.`,
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb.toFixed(1)} GB memory, Linux ${m.kernel}; load average at start ${m.loadAvg} (a shared machine).`,
    `- Node ${r.node}; PGlite ${r.pglite}; ${r.storages.map((s) => `${s.kind}: ${s.version || '—'}`).join('; ')}.`,
    `- Data: ${num(counts.partners)} partners, ${num(counts.reps)} reps, ${num(counts.touches)} touches, ${num(counts.actions)} actions ` +
      `(${num(counts.open_actions)} open: ${num(counts.overdue_actions)} overdue, ${num(counts.due_today_actions)} due today), ` +
      `${num(counts.referrals)} referrals, ${num(counts.activation_plans)} activation plans, ${num(counts.accounts)} accounts ` +
      `(${num(counts.partner_named_accounts)} named-account links).`,
    `- Method: sequential requests over loopback with fetch (body read in full), after warm-up; up to ${r.samples} samples or ` +
      `${r.budgetS} s per scenario. The floor is the minimal plain SQL returning the same rows (checked against the API's answer), ` +
      'on the bare driver in this process, sampled in turn with the API (on PostgreSQL the same database; on PGlite, which has ' +
      'one owner, a copy of the data directory taken while the server was stopped). p50/p95 are nearest-rank percentiles of the samples. Verdicts judge the API p95.',
    '',
    ...r.storages.flatMap((s) => storageSection(s, r)),
    ...limitsSection(r),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
