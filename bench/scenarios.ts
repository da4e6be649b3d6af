// The measured scenarios: each one's request to the running server, the same result by plain SQL
// (the floor), a check that both agree, and the target it is judged by.
import { getDashboard, getPartner, getToday, listPartners, logTouch, type ServiceContext } from '@ptrack/services';
import {
  byNameStatements,
  type Calendar,
  dashboardStatements,
  detailStatements,
  logTouchRaw,
  needsAttentionStatements,
  type Raw,
  todayStatements,
} from './floor';
import { benchId } from './generate';
import { rng } from './lib';

export type StorageKind = 'pglite' | 'postgres';
export type Target = {
  /** p95 ceiling in ms per storage. */
  p95: Record<StorageKind, number> | null;
  /** API p95 / raw p95 ceiling. */
  ratio: number | null;
};
export type Statement = { label: string; text: string; params: unknown[] };

export type Scenario = {
  id: string;
  label: string;
  target: Target;
  /** One timed request; throws unless the server answers as expected. */
  api(i: number): Promise<void>;
  /** The same use case called in-process on the services (no HTTP, no serialisation). */
  service(sctx: ServiceContext, i: number): Promise<unknown>;
  /** One timed run of the floor. */
  raw(db: Raw, i: number): Promise<void>;
  /** The API's answer to compare the floor with, taken while the server runs (PGlite: one owner at a time). */
  probe(): Promise<unknown>;
  /** Where the floor disagrees with the probed answer (run on the same data); mismatches as text. */
  check(db: Raw, answer: unknown): Promise<string[]>;
  /** The floor's statements, for EXPLAIN. */
  statements(i: number): Statement[];
};

export type ScenarioContext = {
  baseUrl: string;
  calendar: Calendar;
  partners: number;
  reps: number;
  /** Filled from the first API answer (Today pages since the lead's change; the floor follows). */
  todayPage: { dueLimit: number | null; upcomingLimit: number | null };
};

const LIST_TARGET: Target = { p95: { postgres: 25, pglite: 60 }, ratio: 1.5 };
const LIST_LIMIT = 50;

async function request(url: string, init?: RequestInit): Promise<string> {
  const res = await fetch(url, init);
  const body = await res.text(); // the whole body: what a client waits for
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url} → ${res.status}: ${body.slice(0, 400)}`);
  return body;
}

const runAll = async (db: Raw, statements: Statement[]) => {
  const out: Record<string, unknown>[][] = [];
  for (const s of statements) out.push(await db.query(s.text, s.params));
  return out;
};

const differ = (what: string, api: unknown, raw: unknown) =>
  JSON.stringify(api) === JSON.stringify(raw) ? [] : [`${what}: API ${JSON.stringify(api)} ≠ SQL ${JSON.stringify(raw)}`];

export function scenarios(ctx: ScenarioContext): Scenario[] {
  const base = `${ctx.baseUrl}/api`;
  const partnerAt = (i: number) => benchId('p', 1 + Math.floor(rng(1000 + i)() * ctx.partners));
  const repAt = (seed: number, i: number) => benchId('r', 1 + Math.floor(rng(seed + i)() * ctx.reps));
  const listUrl = (query: string) => `${base}/partners?${query}`;
  const needsUrl = listUrl(`view=needs-attention&sort=-pipelineValueMinor&limit=${LIST_LIMIT}`);
  const byNameUrl = listUrl(`sort=name&limit=${LIST_LIMIT}`);
  const getJson = async (url: string) => JSON.parse(await request(url)) as unknown;
  const listCheck = (statements: Statement[]) => async (db: Raw, answer: unknown) => {
    const api = answer as { items: { id: string }[]; total: number; nextCursor: string | null };
    const [page = [], [total] = []] = await runAll(db, statements);
    return [
      ...differ(
        'page ids',
        api.items.map((r) => r.id),
        page.slice(0, LIST_LIMIT).map((r) => r.id),
      ),
      ...differ('total', api.total, Number(total?.n)),
      ...differ('has more', api.nextCursor !== null, page.length > LIST_LIMIT),
    ];
  };

  return [
    {
      id: 'today',
      label: 'GET /api/today',
      target: LIST_TARGET,
      api: async () => void (await request(`${base}/today`)),
      service: (sctx) => getToday(sctx),
      raw: async (db) => void (await runAll(db, todayStatements(ctx.calendar, ctx.todayPage))),
      statements: () => todayStatements(ctx.calendar, ctx.todayPage),
      probe: () => getJson(`${base}/today`),
      check: (db, answer) => checkToday(db, answer, todayStatements(ctx.calendar, ctx.todayPage)),
    },
    {
      id: 'list-needs-attention',
      label: `GET /api/partners?view=needs-attention&sort=-pipelineValueMinor&limit=${LIST_LIMIT}`,
      target: LIST_TARGET,
      api: async () => void (await request(needsUrl)),
      service: (sctx) => listPartners(sctx, { view: 'needs-attention', sort: '-pipelineValueMinor', limit: LIST_LIMIT }),
      raw: async (db) => void (await runAll(db, needsAttentionStatements(ctx.calendar, LIST_LIMIT))),
      statements: () => needsAttentionStatements(ctx.calendar, LIST_LIMIT),
      probe: () => getJson(needsUrl),
      check: (db, answer) => listCheck(needsAttentionStatements(ctx.calendar, LIST_LIMIT))(db, answer),
    },
    {
      id: 'list-by-name',
      label: `GET /api/partners?sort=name&limit=${LIST_LIMIT}`,
      target: LIST_TARGET,
      api: async () => void (await request(byNameUrl)),
      service: (sctx) => listPartners(sctx, { sort: 'name', limit: LIST_LIMIT }),
      raw: async (db) => void (await runAll(db, byNameStatements(ctx.calendar, LIST_LIMIT))),
      statements: () => byNameStatements(ctx.calendar, LIST_LIMIT),
      probe: () => getJson(byNameUrl),
      check: (db, answer) => listCheck(byNameStatements(ctx.calendar, LIST_LIMIT))(db, answer),
    },
    {
      id: 'partner-detail',
      label: 'GET /api/partners/:id (random partners)',
      target: { p95: null, ratio: null },
      api: async (i) => void (await request(`${base}/partners/${partnerAt(i)}`)),
      service: (sctx, i) => getPartner(sctx, partnerAt(i)),
      raw: async (db, i) => void (await runAll(db, detailStatements(partnerAt(i)))),
      statements: (i) => detailStatements(partnerAt(i)),
      probe: () => getJson(`${base}/partners/${partnerAt(7)}`),
      async check(db, answer) {
        const api = answer as {
          name: string;
          namedAccounts: unknown[];
          rollup: { totalReps: number };
        };
        const [[p] = [], , named = [], reps = []] = await runAll(db, detailStatements(partnerAt(7)));
        return [
          ...differ('name', api.name, p?.name),
          ...differ('named accounts', api.namedAccounts.length, named.length),
          ...differ('reps', api.rollup.totalReps, reps.length),
        ];
      },
    },
    {
      id: 'dashboard',
      label: 'GET /api/dashboard',
      target: { p95: { postgres: 100, pglite: 100 }, ratio: null },
      api: async () => void (await request(`${base}/dashboard`)),
      service: (sctx) => getDashboard(sctx),
      raw: async (db) => void (await runAll(db, dashboardStatements(ctx.calendar))),
      statements: () => dashboardStatements(ctx.calendar),
      probe: () => getJson(`${base}/dashboard`),
      check: (db, answer) => checkDashboard(db, answer, dashboardStatements(ctx.calendar)),
    },
    logTouchScenario(base, repAt),
  ];
}

async function checkToday(db: Raw, answer: unknown, statements: Statement[]): Promise<string[]> {
  const api = answer as { items: { id: string }[]; upcoming: { id: string }[]; overdue: number; dueToday: number };
  const [due = [], upcoming = [], [counts] = []] = await runAll(db, statements);
  return [
    ...differ(
      'due ids',
      api.items.map((a) => a.id),
      due.slice(0, api.items.length).map((a) => a.id),
    ),
    ...differ(
      'upcoming ids',
      api.upcoming.map((a) => a.id),
      upcoming.map((a) => a.id),
    ),
    ...differ('overdue', api.overdue, counts?.overdue),
    ...differ('due today', api.dueToday, counts?.due_today),
  ];
}

async function checkDashboard(db: Raw, answer: unknown, statements: Statement[]): Promise<string[]> {
  const api = answer as {
    partnerCount: number;
    repCount: number;
    plansByStatus: Record<string, number>;
    needsAttentionCount: number;
    overdueActions: number;
    funnel: { pipelineValueMinor: number; closedLost: number };
    pipelineByPartner: { partnerId: string }[];
  };
  const [[a] = [], [o] = [], top = []] = await runAll(db, statements);
  return [
    ...differ('partners', api.partnerCount, a?.partners),
    ...differ('reps', api.repCount, o?.reps),
    ...differ('plans', api.plansByStatus, {
      'on-track': a?.on_track,
      'at-risk': a?.at_risk,
      delivered: a?.delivered,
      failed: a?.failed,
      none: a?.no_plan,
    }),
    ...differ('needs attention', api.needsAttentionCount, a?.needs_attention),
    ...differ('overdue', api.overdueActions, o?.overdue),
    ...differ('pipeline', api.funnel.pipelineValueMinor, Number(a?.pipeline)),
    ...differ(
      'top pipeline',
      api.pipelineByPartner.map((t) => t.partnerId),
      top.map((t) => t.id),
    ),
  ];
}

function logTouchScenario(base: string, repAt: (seed: number, i: number) => string): Scenario {
  return {
    id: 'log-touch',
    label: 'POST /api/touches (random reps)',
    target: { p95: { postgres: 20, pglite: 20 }, ratio: null },
    api: async (i) =>
      void (await request(`${base}/touches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ repId: repAt(5000, i), kind: 'call', direction: i % 4 === 3 ? 'inbound' : 'outbound' }),
      })),
    service: (sctx, i) =>
      logTouch(sctx, { repId: repAt(700_000, i), kind: 'call', direction: i % 4 === 3 ? 'inbound' : 'outbound' }),
    raw: (db, i) => logTouchRaw(db, repAt(900_000, i), i % 4 === 3 ? 'inbound' : 'outbound', new Date()),
    statements: () => [],
    probe: async () => null,
    check: async () => [],
  };
}
