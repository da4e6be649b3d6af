// Renders bench/UI-RESULTS.md from one run of bench/ui.ts (the generated part; the reading is appended by hand).

import type { GenerateResult } from './generate';
import { type Machine, ms, type Summary } from './lib';
import type { InitialAssets } from './ui-assets';

export type Metric = { label: string; summary: Summary; targetMs: number | null; note: string };
export type Phase = { label: string; summary: Summary; unit?: 'ms' | 'count' };
export type ApiTiming = { url: string; summary: Summary };

export type UiReport = {
  date: string;
  scale: number;
  machine: Machine;
  node: string;
  chromium: string;
  samples: number;
  generation: GenerateResult;
  reusedFrom: string | null;
  partners: number;
  todayCounts: { overdue: number; dueToday: number };
  assets: InitialAssets;
  jsTargetKb: number;
  metrics: Metric[];
  phases: { today: Phase[]; grid: Phase[] };
  api: ApiTiming[];
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function metricVerdict(m: Metric): string {
  if (m.targetMs === null) return '—';
  return m.summary.p95 <= m.targetMs ? 'PASS' : m.summary.p50 <= m.targetMs ? 'MISS (p95)' : 'MISS';
}

export function renderUiReport(r: UiReport): string {
  const g = r.generation;
  const lines: string[] = [];
  lines.push('# UI benchmark results', '');
  lines.push(
    `Written by \`npm run bench:ui\` (bench/ui.ts) on ${r.date}. Scale ${r.scale}${r.scale === 1 ? ' (full size)' : ''}: ` +
      `${r.partners.toLocaleString('en-US')} partners, ${g.reps.toLocaleString('en-US')} reps; Today lists ` +
      `${r.todayCounts.overdue.toLocaleString('en-US')} overdue and ${r.todayCounts.dueToday.toLocaleString('en-US')} due today. ` +
      'A committed file ends with a hand-written reading of its run; a new run rewrites the file with the generated parts only.',
    '',
  );
  lines.push(
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGb.toFixed(1)} GB, Linux ${r.machine.kernel}, ` +
      `load average at start ${r.machine.loadAvg}. Node ${r.node}; Chromium ${r.chromium} (Debian, headless, ` +
      `flags of e2e/support/browser.ts), 1280 × 900 viewport, server and browser on the same machine (loopback).`,
    '',
  );
  lines.push(
    r.reusedFrom
      ? `Data: the PGlite directory generated ${r.reusedFrom} (by this script or \`npm run bench\`), whose generation took ${(g.totalMs / 1000).toFixed(1)} s.`
      : `Data: generated for this run in ${(g.totalMs / 1000).toFixed(1)} s.`,
    '',
  );

  lines.push('## Interactive within 1 s', '');
  lines.push(
    `${r.samples} samples each, every one in a new Chromium with an empty profile (cold HTTP cache); the server stays up ` +
      "and warm (one untimed sample of each page first). Times are from navigation start in the page's own clock.",
    '',
  );
  lines.push('| Measure | p50 | p95 | min | max | Target | Verdict |', '|---|---:|---:|---:|---:|---:|---|');
  for (const m of r.metrics) {
    const s = m.summary;
    lines.push(
      `| ${m.label} | ${ms(s.p50)} ms | ${ms(s.p95)} ms | ${ms(s.min)} ms | ${ms(s.max)} ms | ${m.targetMs === null ? '—' : `≤ ${m.targetMs} ms`} | ${metricVerdict(m)} |`,
    );
  }
  lines.push('');
  for (const m of r.metrics) if (m.note) lines.push(`- **${m.label}**: ${m.note}`);
  lines.push('');

  lines.push('## Initial JS and CSS', '');
  lines.push(
    'What `/` loads before any route chunk (the entry script and its modulepreloads, the stylesheet), body bytes as the ' +
      'server sends them (precompressed files written by scripts/ensure-web-build.mjs); Chromium asks for and gets brotli.',
    '',
  );
  lines.push('| Asset | Kind | gzip | brotli | uncompressed |', '|---|---|---:|---:|---:|');
  for (const a of r.assets.assets)
    lines.push(`| \`${a.path}\` | ${a.kind} | ${kb(a.bytes.gzip)} | ${kb(a.bytes.br)} | ${kb(a.bytes.identity)} |`);
  const js = r.assets.jsBytes;
  const css = r.assets.cssBytes;
  lines.push(`| **JS total** | | **${kb(js.gzip)}** | ${kb(js.br)} | ${kb(js.identity)} |`);
  lines.push(`| **CSS total** | | **${kb(css.gzip)}** | ${kb(css.br)} | ${kb(css.identity)} |`);
  lines.push('');
  lines.push(
    `Initial JS, gzip: **${kb(js.gzip)}** (target ≤ ${r.jsTargetKb} KB: ${js.gzip <= r.jsTargetKb * 1024 ? 'PASS' : 'MISS'}).`,
    '',
  );

  lines.push('## Where the time goes (medians, ms from navigation start)', '');
  for (const [title, phases] of [
    ['Today', r.phases.today],
    ['Partner grid', r.phases.grid],
  ] as const) {
    lines.push(`${title}:`, '');
    for (const p of phases)
      lines.push(
        p.unit === 'count'
          ? `- ${p.label}: ${p.summary.p50} (most ${p.summary.max})`
          : `- ${p.label}: ${ms(p.summary.p50)} ms (p95 ${ms(p.summary.p95)})`,
      );
    lines.push('');
  }

  lines.push('## The API calls behind the pages, timed alone', '');
  lines.push(
    'The requests the pages made (taken from the browser), then timed from Node over loopback, sequentially, after a warm-up ' +
      '(wall time with the body read in full):',
    '',
  );
  lines.push('| Request | p50 | p95 | n |', '|---|---:|---:|---:|');
  for (const a of r.api) lines.push(`| \`GET ${a.url}\` | ${ms(a.summary.p50)} ms | ${ms(a.summary.p95)} ms | ${a.summary.n} |`);
  lines.push('');
  return `${lines.join('\n')}\n`;
}
