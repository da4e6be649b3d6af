// Fills an empty, migrated database with a benchmark-sized workspace using set-based SQL only
// (insert … select from generate_series): no per-row round trips. Every value is a deterministic
// pseudo-random function of the series index (hashtext), so two databases generated at the same scale
// hold the same data. Partner and rep ids are derived from their index (see `benchId`), so the
// benchmark can address them without asking the database.
//
//   tsx bench/generate.ts --scale 0.02 --data-dir bench/.data/dev     (PGlite)
//   tsx bench/generate.ts --scale 0.02 --database-url postgres://…    (PostgreSQL)
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { todayIn } from '@ptrack/domain';
import { createContext, getSettings, systemActor } from '@ptrack/services';
import { type Database, openDatabase, queryRows, refreshAllStats } from '@ptrack/storage';
import { sql } from 'drizzle-orm';

/** Bump when the generated data changes, so a reused PGlite directory is regenerated. */
export const GENERATOR_VERSION = 4;

export type GenerateOptions = { scale: number; now?: Date; log?: (line: string) => void };
export type GenerateResult = {
  scale: number;
  today: string;
  timeZone: string;
  counts: Record<string, number>;
  partners: number;
  reps: number;
  steps: { step: string; ms: number }[];
  totalMs: number;
};

// ---- deterministic values ------------------------------------------------------------------------
/** A non-negative int from the series expression and a salt (the issue's `abs(hashtext(i || 'x'))`). */
const h = (expr: string, salt: string) => `abs(hashtext((${expr})::text || '${salt}'))`;
/** 0 … n-1. */
const pick = (expr: string, salt: string, n: number | string) => `(${h(expr, salt)} % (${n}))`;
/** A fraction in [0, 1). */
const frac = (expr: string, salt: string) => `((${h(expr, salt)} % 1000000) / 1000000.0)`;
/** One of the values, uniformly. */
const oneOf = (expr: string, salt: string, values: readonly string[]) =>
  `(array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}])[1 + ${pick(expr, salt, values.length)}]`;
/** A version-4-shaped UUID from md5(kind || n): the contracts validate UUIDs strictly. */
const uuidSql = (kind: string, expr: string) => {
  const m = `md5('${kind}' || (${expr})::text)`;
  return `(substr(${m}, 1, 12) || '4' || substr(${m}, 14, 3) || '8' || substr(${m}, 18, 15))::uuid`;
};

/** The id `uuidSql` gives the n-th partner ('p') or rep ('r'), computed here without the database. */
export function benchId(kind: 'p' | 'r', n: number): string {
  const m = createHash('md5').update(`${kind}${n}`).digest('hex');
  const u = `${m.slice(0, 12)}4${m.slice(13, 16)}8${m.slice(17, 32)}`;
  return `${u.slice(0, 8)}-${u.slice(8, 12)}-${u.slice(12, 16)}-${u.slice(16, 20)}-${u.slice(20)}`;
}

const COMPANY_A = [
  'North',
  'Blue',
  'Iron',
  'Bright',
  'Silver',
  'Cedar',
  'Summit',
  'Harbor',
  'Quantum',
  'Atlas',
  'Nova',
  'Pioneer',
  'Granite',
  'Vertex',
  'Maple',
  'Falcon',
  'Orbit',
  'Crescent',
  'Beacon',
  'Evergreen',
];
const COMPANY_B = [
  'wind',
  'stone',
  'field',
  'bridge',
  'point',
  'works',
  'scale',
  'path',
  'forge',
  'light',
  'gate',
  'line',
  'ridge',
  'wave',
  'leaf',
];
const COMPANY_C = [
  'Analytics',
  'Partners',
  'Consulting',
  'Systems',
  'Labs',
  'Group',
  'Digital',
  'Solutions',
  'Software',
  'Advisory',
];
const INDUSTRIES = [
  'SaaS',
  'Fintech',
  'Healthcare',
  'Retail',
  'Manufacturing',
  'Logistics',
  'Education',
  'Media',
  'Security',
  'Energy',
];
const TYPES = ['Tech Vendor', 'Agency', 'Affiliate', 'Recruiting', 'Platform', 'Advisor'];
const ARCHETYPES = ['Demand Creator', 'Deal Accelerator', 'Capability Completer', 'Channel Multiplier'];
const PHASES = ['Phase 1: Identify', 'Phase 2: Activate', 'Phase 3: Scale', 'Phase 4: Expand'];
const OWNERS = [
  'Alex Morgan',
  'Sam Patel',
  'Jordan Lee',
  'Riley Chen',
  'Casey Novak',
  'Taylor Brooks',
  'Dana Ruiz',
  'Morgan Blake',
];
const FIRST = [
  'Ava',
  'Ben',
  'Chloe',
  'Daniel',
  'Elena',
  'Felix',
  'Grace',
  'Hugo',
  'Isla',
  'Jack',
  'Kira',
  'Liam',
  'Maya',
  'Noah',
  'Olivia',
  'Paul',
  'Quinn',
  'Rosa',
  'Sofia',
  'Theo',
  'Uma',
  'Victor',
  'Wen',
  'Xavier',
  'Yara',
  'Zoe',
  'Amir',
  'Bea',
  'Carlos',
  'Dev',
  'Emma',
  'Farah',
  'Gabe',
  'Hana',
  'Ivan',
  'Jade',
  'Kofi',
  'Lena',
  'Mateo',
  'Nia',
];
const LAST = [
  'Smith',
  'Garcia',
  'Chen',
  'Okafor',
  'Muller',
  'Rossi',
  'Kim',
  'Silva',
  'Novak',
  'Haddad',
  'Tanaka',
  'Dubois',
  'Larsen',
  'Singh',
  'Kowalski',
  'Nguyen',
  'Brown',
  'Costa',
  'Ahmed',
  'Walsh',
];
const TITLES = [
  'Account Executive',
  'Senior AE',
  'Sales Manager',
  'Partner Manager',
  'Solutions Engineer',
  'VP Sales',
  'Alliances Lead',
  'CSM',
];
const KINDS = ['email', 'call', 'meeting', 'message', 'in-person-visit', 'collateral-sent', 'proposal-sent', 'other'];
const ACTION_TYPES = ['Account Research', 'Intro Request', 'Deal Support', 'Co-Marketing'];
const METRICS = ['qualified-conversations', 'intros', 'deals', 'closed-won'];
const INTROS = ['Warm intro via AE', 'Joint account mapping', 'Referral form', 'Co-selling calls', 'Marketplace listing'];

/** Rows of each kind at scale 1 (the issue's sizes); reps follow from the per-partner counts. */
const FULL = { partners: 10_000, accounts: 20_000, touches: 1_000_000, doneActions: 200_000, referrals: 50_000 };
const TOUCH_CHUNK = 100_000;

export async function generate(database: Database, opts: GenerateOptions): Promise<GenerateResult> {
  const log = opts.log ?? (() => {});
  const db = database.db;
  const started = performance.now();
  const steps: { step: string; ms: number }[] = [];
  // Statement by statement: both drivers use the extended protocol, which takes one statement at a time.
  const run = async (step: string, text: string) => {
    const t = performance.now();
    for (const statement of text.split(/;\s*(?:\n|$)/).filter((s) => s.trim())) await db.execute(sql.raw(statement));
    const ms = performance.now() - t;
    steps.push({ step, ms });
    log(`  ${step}: ${(ms / 1000).toFixed(1)} s`);
  };
  const count = (n: number, min: number) => Math.max(min, Math.round(n * opts.scale));

  const [existing] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from partners`);
  if (Number(existing?.n) > 0) throw new Error('generate: the database already holds partners; give it an empty one');

  // The services' defaults (time zone of this machine, cadences, bands): the same row a first start makes.
  const settings = await getSettings(createContext(database, systemActor('bench', 'system')));
  const now = opts.now ?? new Date();
  const today = todayIn(settings.timeZone, now);
  const nowSql = `'${now.toISOString()}'::timestamptz`;
  const todaySql = `'${today}'::date`;
  const P = count(FULL.partners, 20);
  const A = count(FULL.accounts, 40);

  await run(
    'partners',
    `insert into partners (id, name, type, archetype, slack_channel, industry, website, domain, icp_match, intro_mechanism,
       economics_ok, partner_manager_name, partner_manager_email, origin_story, relationship_notes, program_status, owner,
       phase, notes, icp_alignment, revenue_path_clarity, archetype_fit, economics, strategic_value, capacity, capability,
       commitment, enterprise_tier, reviewed_at, created_at, updated_at)
     select ${uuidSql('p', 'i')}, nm, ${oneOf('i', 'ty', TYPES)}, ${oneOf('i', 'ar', ARCHETYPES)},
       case when ${pick('i', 'sl', 3)} = 0 then '#partner-' || i end, ${oneOf('i', 'in', INDUSTRIES)},
       'https://' || dom, dom,
       case when ${pick('i', 'icp', 10)} < 7 then 'yes' when ${pick('i', 'icp', 10)} < 8 then 'no' end,
       case when ${pick('i', 'im', 10)} < 6 then ${oneOf('i', 'imv', INTROS)} end,
       case when ${pick('i', 'eco', 10)} < 6 then 'yes' when ${pick('i', 'eco', 10)} < 7 then 'no' end,
       ${oneOf('i', 'pmf', FIRST)} || ' ' || ${oneOf('i', 'pml', LAST)}, 'pm' || i || '@' || dom,
       case when ${pick('i', 'os', 4)} = 0 then 'Met at a partner summit; they asked for a joint pilot.' end,
       case when ${pick('i', 'rn', 3)} = 0 then 'Good rapport with the sales leadership.' end,
       (array['Active', 'Active', 'Active', 'Testing', 'Paused', 'Inactive'])[1 + ${pick('i', 'ps', 6)}],
       ${oneOf('i', 'ow', OWNERS)}, ${oneOf('i', 'ph', PHASES)},
       case when ${pick('i', 'no', 5)} = 0 then 'Quarterly business review pending.' end,
       case when ipp then ${pick('i', 'd1', 11)} end, case when ipp then ${pick('i', 'd2', 11)} end,
       case when ipp then ${pick('i', 'd3', 11)} end, case when ipp then ${pick('i', 'd4', 11)} end,
       case when ipp then ${pick('i', 'd5', 11)} end,
       case when ent then 1 + ${pick('i', 'e1', 5)} end, case when ent then 1 + ${pick('i', 'e2', 5)} end,
       case when ent then 1 + ${pick('i', 'e3', 5)} end,
       case when ent then ${oneOf('i', 'et', ['Bronze', 'Silver', 'Gold', 'Platinum', 'Strategic'])} end,
       case when ${pick('i', 'rv', 5)} = 0 then ${nowSql} - ${pick('i', 'rvd', 14 * 86400)} * interval '1 second' end,
       ${nowSql} - (30 + ${pick('i', 'cr', 1000)}) * interval '1 day', ${nowSql} - ${pick('i', 'up', 30)} * interval '1 day'
     from (select i, ${oneOf('i', 'n1', COMPANY_A)} || ${oneOf('i', 'n2', COMPANY_B)} || ' ' || ${oneOf('i', 'n3', COMPANY_C)} || ' ' || i as nm,
                  lower(${oneOf('i', 'n1', COMPANY_A)} || ${oneOf('i', 'n2', COMPANY_B)}) || i || '.example.com' as dom,
                  ${pick('i', 'ipp', 4)} < 3 as ipp, ${pick('i', 'ent', 10)} < 4 as ent
           from generate_series(1, ${P}) i) s`,
  );

  await run(
    'accounts',
    `insert into accounts (id, name, domain, name_key, domain_key)
     select ${uuidSql('a', 'i')}, nm, 'acct' || i || '.example.org', lower(nm), 'acct' || i || '.example.org'
     from (select i, ${oneOf('i', 'an', COMPANY_A)} || ' ' || ${oneOf('i', 'ai', INDUSTRIES)} || ' ' || i as nm
           from generate_series(1, ${A}) i) s`,
  );
  // 0–6 named accounts per partner, so qualification sees every case (none, 1–2, 3+).
  await run(
    'named accounts',
    `insert into partner_named_accounts (partner_id, account_id, position)
     select ${uuidSql('p', 'i')}, ${uuidSql('a', `1 + ${pick('i * 7 + k', 'na', A)}`)}, k - 1
     from generate_series(1, ${P}) i cross join lateral generate_series(1, ${pick('i', 'nac', 7)}) k
     on conflict do nothing`,
  );

  // Index tables for the set-based joins below; unlogged, dropped at the end.
  await run(
    'index tables',
    `drop table if exists bench_p;
     drop table if exists bench_r;
     create unlogged table bench_p as
       select n, reps, (sum(reps) over (order by n) - reps)::int as off from (
         select i as n, case when ${pick('i', 'rc', 10)} = 0 then 10 + ${pick('i', 'rc2', 21)} else 1 + ${pick('i', 'rc3', 17)} end as reps
         from generate_series(1, ${P}) i) s;
     create unlogged table bench_r as
       select n, row_number() over (order by coalesce(tier, 5), n)::int as m, pn, k, tier,
              ${uuidSql('r', 'n')} as id, ${uuidSql('p', 'pn')} as partner_id
       from (select p.off + k as n, p.n as pn, k,
                    case when t < 5 then 1 when t < 15 then 2 when t < 50 then 3 when t < 90 then 4 end as tier
             from bench_p p cross join lateral generate_series(1, p.reps) k
             cross join lateral (select ${pick('p.off + k', 'tier', 100)} as t) tt) s;
     create unique index on bench_r (n);
     create unique index on bench_r (m);
     analyze bench_r`,
  );
  const [rc] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from bench_r`);
  const R = Number(rc?.n);
  log(`  ${P} partners, ${R} reps`);

  // Tiers skewed to 3–4; quality scores on half the reps; signals so that some are Jordans.
  await run(
    'reps',
    `insert into reps (id, partner_id, name, email, title, engagement_tier, quality_score, shares_account_list,
       suggests_joint_activities, intros_without_proof, responsive, stuck_building_rapport, lip_service_only,
       expects_us_to_bring_everything, waits_for_deals, notes, created_at, updated_at)
     select id, partner_id,
       (array['${FIRST.join("','")}'])[1 + (pn + k) % ${FIRST.length}] || ' ' || ${oneOf('n', 'ln', LAST)},
       case when ${pick('n', 'em', 10)} < 8 then 'rep' || n || '@partner' || pn || '.example.com' end,
       ${oneOf('n', 'ti', TITLES)}, tier,
       case when ${pick('n', 'qs', 2)} = 0 then 2 + ${pick('n', 'qv', 7)} end,
       ${pick('n', 's1', 10)} < 3, ${pick('n', 's2', 10)} < 3, ${pick('n', 's3', 10)} < 2, ${pick('n', 's4', 10)} < 5,
       ${pick('n', 'w1', 10)} = 0, ${pick('n', 'w2', 20)} = 0, ${pick('n', 'w3', 20)} = 0, ${pick('n', 'w4', 20)} = 0,
       case when ${pick('n', 'rn', 8)} = 0 then 'Prefers calls on Tuesdays.' end,
       ${nowSql} - (10 + ${pick('n', 'cr', 700)}) * interval '1 day', ${nowSql} - ${pick('n', 'up', 60)} * interval '1 day'
     from bench_r`,
  );

  // Touches over the past two years, skewed to recent days and to higher-tier reps (rows m sort by tier);
  // a quarter of the partners have gone quiet: their touches end 30–330 days ago (the needs-attention view).
  const T = count(FULL.touches, 100);
  for (let lo = 1; lo <= T; lo += TOUCH_CHUNK) {
    const hi = Math.min(T, lo + TOUCH_CHUNK - 1);
    await run(
      `touches ${lo}–${hi}`,
      `insert into touches (partner_id, rep_id, kind, direction, occurred_at, summary, created_at, updated_at)
       select partner_id, rep_id, kind, direction, at, summary, at, at from (
         select r.partner_id, case when ${pick('i', 'nr', 10)} = 0 then null else r.id end as rep_id, ${oneOf('i', 'kd', KINDS)} as kind,
           case when ${pick('i', 'dir', 100)} < 35 then 'inbound' else 'outbound' end as direction,
           ${nowSql} - least(730 * 86400, s.age + case when ${pick('r.pn', 'dorm', 100)} < 25 then (30 + ${pick('r.pn', 'dsh', 300)}) * 86400 else 0 end)
             * interval '1 second' as at,
           case when ${pick('i', 'sm', 2)} = 0 then 'Discussed ' || ${oneOf('i', 'sa', ['pipeline', 'a joint webinar', 'two target accounts', 'pricing', 'the next QBR'])} end as summary
         from (select i, 60 + (730 * 86400 * power(${frac('i', 'age')}, 2))::int as age,
                      1 + least(${R} - 1, floor(${R} * power(${frac('i', 'rep')}, 1.4))::int) as m
               from generate_series(${lo}, ${hi}) i) s
         join bench_r r on r.m = s.m) t`,
    );
  }

  // Each rep: at most one open follow-up (92% have one), due within its cadence; ~4% overdue, a handful today.
  await run(
    'open follow-ups',
    `insert into actions (partner_id, rep_id, due_date, type, notes, status, created_at, updated_at)
     select partner_id, id,
       case when b < 400 then ${todaySql} - (1 + ${pick('n', 'od', 60)}) when b < 405 then ${todaySql}
            else ${todaySql} + 1 + ${pick('n', 'fu', 'case tier when 1 then 7 when 2 then 14 when 4 then 90 else 30 end')} end,
       'Follow-up', case when ${pick('n', 'an', 6)} = 0 then 'Ask about the Q3 pipeline.' end, 'open',
       ${nowSql} - ${pick('n', 'ac', 30)} * interval '1 day', ${nowSql} - ${pick('n', 'ac', 30)} * interval '1 day'
     from (select *, ${pick('n', 'due', 10000)} as b from bench_r where ${pick('n', 'has', 100)} < 92) s`,
  );
  await run(
    'open partner actions',
    `insert into actions (partner_id, rep_id, due_date, type, status, created_at, updated_at)
     select ${uuidSql('p', `1 + ${pick('i', 'pa', P)}`)}, null,
       case when ${pick('i', 'po', 100)} < 3 then ${todaySql} - (1 + ${pick('i', 'pod', 30)}) else ${todaySql} + 1 + ${pick('i', 'pf', 60)} end,
       ${oneOf('i', 'pt', ACTION_TYPES)}, 'open', ${nowSql} - interval '3 days', ${nowSql} - interval '3 days'
     from generate_series(1, ${Math.ceil(P / 2)}) i`,
  );
  await run(
    'done actions',
    `insert into actions (partner_id, rep_id, due_date, type, status, completed_at, created_at, updated_at)
     select r.partner_id, r.id, d, case when ${pick('i', 'dt', 10)} < 8 then 'Follow-up' else ${oneOf('i', 'dty', ACTION_TYPES)} end,
       case when ${pick('i', 'sk', 20)} = 0 then 'skipped' else 'done' end,
       d + ${pick('i', 'dl', 5)} * interval '1 day' + interval '15 hours', d - interval '20 days', d + ${pick('i', 'dl', 5)} * interval '1 day'
     from (select i, ${todaySql} - (1 + (729 * power(${frac('i', 'dd')}, 1.5))::int) as d, 1 + ${pick('i', 'dr', R)} as n
           from generate_series(1, ${count(FULL.doneActions, 50)}) i) s join bench_r r on r.n = s.n`,
  );

  // Referrals across the funnel; amounts on qualified and later stages; most from a rep.
  await run(
    'referrals',
    `insert into referrals (partner_id, rep_id, account_id, introduced_at, stage, amount_minor, expected_close_date, notes,
       created_at, updated_at)
     select r.partner_id, case when ${pick('i', 'fr', 100)} < 85 then r.id end,
       case when ${pick('i', 'fa', 10)} < 6 then ${uuidSql('a', `1 + ${pick('i', 'fai', A)}`)} end, d, st,
       case when st <> 'intro' and ${pick('i', 'am', 10)} < 7 then (5000 + ${pick('i', 'amv', 195000)})::bigint * 100 end,
       case when st = 'deal' then d + 30 + ${pick('i', 'ec', 90)} end,
       case when ${pick('i', 'fn', 5)} = 0 then 'Intro made on a joint call.' end, d::timestamptz, d::timestamptz
     from (select i, ${todaySql} - (729 * power(${frac('i', 'fd')}, 1.5))::int as d,
                  1 + least(${R} - 1, floor(${R} * power(${frac('i', 'frr')}, 1.6))::int) as m,
                  case when b < 40 then 'intro' when b < 65 then 'qualified' when b < 80 then 'deal'
                       when b < 92 then 'closed-won' else 'closed-lost' end as st
           from (select i, ${pick('i', 'stg', 100)} as b from generate_series(1, ${count(FULL.referrals, 30)}) i) x) s
     join bench_r r on r.m = s.m`,
  );

  // A current 90-day plan for 85% of partners; a past (closed) plan for the others.
  await run(
    'activation plans',
    `insert into activation_plans (partner_id, goal, metric, target, start_date, end_date, status, is_current, closed_at,
       created_at, updated_at)
     select ${uuidSql('p', 'i')}, 'Three qualified conversations this quarter', ${oneOf('i', 'pm', METRICS)}, 3 + ${pick('i', 'pt', 4)},
       sd, sd + 90,
       case when cur then (array[null, null, null, null, null, null, 'on-track', 'at-risk'])[1 + ${pick('i', 'pss', 8)}]
            else (array['delivered', 'failed'])[1 + ${pick('i', 'psp', 2)}] end,
       cur, case when not cur then (sd + 90)::timestamptz end, sd::timestamptz, sd::timestamptz
     from (select i, ${pick('i', 'cur', 100)} < 85 as cur,
                  case when ${pick('i', 'cur', 100)} < 85 then ${todaySql} - ${pick('i', 'sd', 100)}
                       else ${todaySql} - 180 - ${pick('i', 'sdp', 60)} end as sd
           from generate_series(1, ${P}) i) s`,
  );
  await run('drop index tables', 'drop table bench_r;\ndrop table bench_p');

  const t = performance.now();
  await db.transaction((tx) => refreshAllStats(tx, { timeZone: settings.timeZone, today }));
  steps.push({ step: 'refreshAllStats', ms: performance.now() - t });
  log(`  refreshAllStats: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // A settled database, as autovacuum would leave it: statistics and visibility maps up to date.
  await run('vacuum analyze', 'vacuum analyze');

  const counts: Record<string, number> = {};
  for (const table of [
    'partners',
    'reps',
    'touches',
    'actions',
    'referrals',
    'activation_plans',
    'accounts',
    'partner_named_accounts',
  ]) {
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
    counts[table] = Number(row?.n);
  }
  const [open] = await queryRows<{ open: number; overdue: number; due_today: number }>(
    db,
    sql.raw(`select count(*)::int as open, count(*) filter (where due_date < ${todaySql})::int as overdue,
                    count(*) filter (where due_date = ${todaySql})::int as due_today
             from actions where status = 'open'`),
  );
  counts.open_actions = Number(open?.open);
  counts.overdue_actions = Number(open?.overdue);
  counts.due_today_actions = Number(open?.due_today);
  return {
    scale: opts.scale,
    today,
    timeZone: settings.timeZone,
    counts,
    partners: P,
    reps: R,
    steps,
    totalMs: performance.now() - started,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '1' }, 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } },
  });
  const scale = Number(values.scale);
  if (!(scale > 0)) throw new Error('--scale must be a positive number');
  const url = values['database-url'];
  const database = url
    ? await openDatabase({ kind: 'postgres', url })
    : await openDatabase({ kind: 'pglite', dataDir: resolve(values['data-dir'] ?? 'bench/.data/generated') });
  try {
    const result = await generate(database, { scale, log: (line) => process.stderr.write(`${line}\n`) });
    process.stdout.write(`${JSON.stringify({ ...result, steps: undefined }, null, 2)}\n`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1] && resolve(process.argv[1])}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`generate: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
