// EXPLAIN (ANALYZE, BUFFERS) of the statements behind a scenario, and the plan's hot spots: the
// nodes where the time is spent (exclusive of their children), with their loops and rows. For the
// list, dashboard and touch scenarios the statements are the storage layer's own, captured from its
// repository functions; Today and the detail use the floor's statements (the same shape of query).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_VIEWS, defined, type Filter } from '@ptrack/domain';
import { dashboardFigures, type Executor, listPartnerRows, type PartnerListParams, refreshStats } from '@ptrack/storage';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Calendar, Raw } from './floor';
import { benchId } from './generate';
import type { Statement } from './scenarios';

type Captured = Statement & { writes: boolean };

/** Runs a repository function against a recorder instead of a database and returns its statements. */
async function capture(label: string, writes: boolean, call: (tx: Executor) => Promise<unknown>): Promise<Captured[]> {
  const recorded: SQL[] = [];
  const recorder = {
    execute: async (query: SQL) => {
      recorded.push(query);
      return { rows: [] };
    },
  };
  await call(recorder as unknown as Executor);
  const dialect = new PgDialect();
  return recorded
    .map((q, i) => {
      const { sql: text, params } = dialect.sqlToQuery(q);
      return { label: `${label} #${i + 1}`, text, params, writes };
    })
    .filter((c) => EXPLAINABLE.test(c.text)); // e.g. the ANALYZE after the daily rollups has no plan
}

const EXPLAINABLE = /^\s*(select|insert|update|delete|with)\b/i;

const needsAttention = (): Filter => {
  const view = BUILT_IN_VIEWS.find((v) => v.id === 'needs-attention');
  if (!view?.definition.filter) throw new Error('no needs-attention view');
  return view.definition.filter;
};

/** The statements the server runs for a scenario (as far as the storage layer builds them). */
export async function apiStatements(id: string, c: Calendar, floor: Statement[]): Promise<Captured[]> {
  const list = (over: Partial<PartnerListParams>) =>
    capture('listPartnerRows', false, (tx) =>
      listPartnerRows(tx, {
        today: c.today,
        weekStart: new Date(c.weekStart),
        ippBands: c.bands,
        filter: null,
        sort: [{ field: 'name', dir: 'asc' }],
        limit: 50,
        ...over,
      }),
    );
  switch (id) {
    case 'list-needs-attention':
      return list({ filter: needsAttention(), sort: [{ field: 'pipelineValueMinor', dir: 'desc' }] });
    case 'list-by-name':
      return list({});
    case 'dashboard':
      // The daily rollups pass runs once a day (rollup_state), not per request: not explained here.
      return capture('dashboardFigures', false, (tx) =>
        dashboardFigures(tx, {
          today: c.today,
          weekStart: new Date(c.weekStart),
          ippBands: c.bands,
          needsAttention: needsAttention(),
        }),
      );
    case 'log-touch':
      return capture('refreshStats', true, (tx) =>
        refreshStats(tx, { partnerId: benchId('p', 1), reps: { id: benchId('r', 1) }, timeZone: c.timeZone, today: c.today }),
      );
    default:
      return floor.map((s) => ({ ...s, label: `${s.label} (as the floor)`, writes: false }));
  }
}

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Total Time'?: number;
  'Actual Loops'?: number;
  'Actual Rows'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
};

type HotSpot = { node: string; exclusiveMs: number; loops: number; rows: number };

function hotSpots(root: PlanNode): HotSpot[] {
  const out: HotSpot[] = [];
  const walk = (n: PlanNode) => {
    const total = (n['Actual Total Time'] ?? 0) * (n['Actual Loops'] ?? 1);
    const children = (n.Plans ?? []).reduce((s, c) => s + (c['Actual Total Time'] ?? 0) * (c['Actual Loops'] ?? 1), 0);
    const where = [n['Relation Name'] && `on ${n['Relation Name']}`, n['Index Name'] && `using ${n['Index Name']}`]
      .filter(Boolean)
      .join(' ');
    out.push({
      node: `${n['Node Type']}${where ? ` ${where}` : ''}`,
      exclusiveMs: Math.max(0, total - children),
      loops: n['Actual Loops'] ?? 1,
      rows: n['Actual Rows'] ?? 0,
    });
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(root);
  return out.sort((a, b) => b.exclusiveMs - a.exclusiveMs);
}

export type Explained = {
  label: string;
  executionMs: number;
  planningMs: number;
  /** PostgreSQL's JIT compilation, part of the execution time (none on PGlite). */
  jitMs: number;
  hot: HotSpot[];
  file: string;
};

/** Runs `work` in a transaction that is always rolled back: EXPLAIN ANALYZE executes writes. */
async function rolledBack<T>(db: Raw, work: () => Promise<T>): Promise<T> {
  await db.query('begin');
  try {
    return await work();
  } finally {
    await db.query('rollback');
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) each statement (writes inside a rolled-back transaction); plans go to `dir`. */
export async function explainAll(db: Raw, statements: Captured[], dir: string, prefix: string): Promise<Explained[]> {
  mkdirSync(dir, { recursive: true });
  const out: Explained[] = [];
  for (const [i, s] of statements.entries()) {
    const file = join(dir, `${prefix}-${i + 1}.txt`);
    const [row] = await rolledBack(db, () =>
      db.query<{ 'QUERY PLAN': unknown }>(`explain (analyze, buffers, format json) ${s.text}`, s.params),
    );
    const value = row?.['QUERY PLAN'];
    const plan = (typeof value === 'string' ? JSON.parse(value) : value) as {
      Plan: PlanNode;
      'Execution Time': number;
      'Planning Time': number;
      JIT?: { Timing?: { Total?: number } };
    }[];
    const text = await rolledBack(db, () => db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${s.text}`, s.params));
    writeFileSync(
      file,
      `-- ${s.label}\n${s.text}\n-- params: ${JSON.stringify(s.params)}\n\n${text.map((r) => r['QUERY PLAN']).join('\n')}\n`,
    );
    out.push({
      label: s.label,
      executionMs: defined(plan[0])['Execution Time'],
      planningMs: defined(plan[0])['Planning Time'],
      jitMs: defined(plan[0]).JIT?.Timing?.Total ?? 0,
      hot: hotSpots(defined(plan[0]).Plan).slice(0, 4),
      file,
    });
  }
  return out;
}
