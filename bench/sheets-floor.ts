// The floors of `npm run bench:sheets`: the same rows written and read by plain SQL on the same kind of
// database, with nothing of the product in between — no sheet parsing, no mapping, no planning, no
// ORM. The import floor COPYs what an import of the generated sheet writes (partners, their named
// accounts, 90-day plans, next-action reps and actions, two engagement touches each, one history entry
// per record, the partner and rep figures); the export floor COPYs the partners with their figures,
// current plan and named accounts out as CSV.
import { randomUUID } from 'node:crypto';
import { defined } from '@ptrack/domain';
import { type Database, refreshStats } from '@ptrack/storage';
import { pgliteOf } from './lib';

const clean = (s: string) => s.replace(/[\t\n\\]/g, ' ');

async function copyIn(database: Database, table: string, columns: string, lines: string[]) {
  const client = pgliteOf(database);
  await client.query(`copy ${table} (${columns}) from '/dev/blob'`, [], { blob: new Blob([`${lines.join('\n')}\n`]) });
}

/** Milliseconds to write, in one transaction, what importing `rows` generated partners writes. */
export async function rawImportFloor(database: Database, rows: number): Promise<number> {
  const client = pgliteOf(database);
  const now = new Date().toISOString();
  const ids = Array.from({ length: rows }, () => randomUUID());
  const repIds = Array.from({ length: rows }, () => randomUUID());
  const accounts = Array.from({ length: 500 }, (_, i) => [randomUUID(), `Acct ${i}`] as const);
  const started = performance.now();
  await client.exec('begin');
  await copyIn(
    database,
    'partners',
    'id,name,type,archetype,slack_channel,icp_match,intro_mechanism,economics_ok,partner_manager_name,partner_manager_email,partner_manager_slack,origin_story,relationship_notes,program_status,phase,hubspot_company_id,notes,baseline,custom,created_at,updated_at',
    ids.map((id, i) =>
      [
        id,
        `Partner ${i} Société`,
        'Tech Vendor',
        'Deal Accelerator',
        `p-${i}`,
        'yes',
        'Sales reps bring us into deals',
        'yes',
        `Manager ${i}`,
        `m${i}@example.com`,
        `@m${i}`,
        'Met at a conference',
        'Responsive, "engaged"',
        'Active',
        'Phase 2',
        String(9_000_000_000 + i),
        'Imported 🚀',
        `{"introsMade":${i % 9},"qualifiedConversations":${i % 4},"dealsBroughtIn":${i % 3},"closedWon":${i % 2},"pipelineValueMinor":${(i % 50) * 100_000}}`,
        '{}',
        now,
        now,
      ]
        .map(clean)
        .join('\t'),
    ),
  );
  await copyIn(
    database,
    'accounts',
    'id,name,name_key',
    accounts.map(([id, name]) => `${id}\t${name}\t${name.toLowerCase()}`),
  );
  await copyIn(
    database,
    'partner_named_accounts',
    'partner_id,account_id,position',
    ids.flatMap((id, i) => [0, 1, 2].map((k) => `${id}\t${defined(accounts[(i + k) % 500])[0]}\t${k}`)),
  );
  await copyIn(
    database,
    'activation_plans',
    'partner_id,goal,start_date,end_date,status',
    ids.map((id) => `${id}\t3 qualified convos\t2025-03-01\t2025-05-30\ton-track`),
  );
  await copyIn(
    database,
    'reps',
    'id,partner_id,name',
    ids.map((id, i) => `${repIds[i]}\t${id}\tRep ${i}`),
  );
  await copyIn(
    database,
    'actions',
    'partner_id,rep_id,due_date,type,notes',
    ids.map((id, i) => `${id}\t${repIds[i]}\t2026-03-01\tFollow-up\tFollow up on lists`),
  );
  await copyIn(
    database,
    'touches',
    'partner_id,kind,direction,occurred_at,summary',
    ids.flatMap((id) => [
      `${id}\tother\toutbound\t2025-01-05 12:00Z\tEngagement recorded in the imported sheet`,
      `${id}\tother\toutbound\t2024-11-05 12:00Z\tEngagement recorded in the imported sheet`,
    ]),
  );
  for (const [table, type, partner] of [
    ['partners', 'partner', 'id'],
    ['accounts', 'account', null],
    ['activation_plans', 'plan', 'partner_id'],
    ['reps', 'rep', 'partner_id'],
    ['actions', 'action', 'partner_id'],
    ['touches', 'touch', 'partner_id'],
  ] as const) {
    await client.query(
      `insert into change_history (actor, source, entity_type, entity_id, partner_id, operation, after)
       select 'bench', 'import', '${type}', x.id, ${partner ? `x.${partner}` : 'null::uuid'}, 'create', to_jsonb(x) from ${table} x`,
    );
  }
  await refreshStats(database.db, { partnerId: { all: true }, timeZone: 'UTC', today: now.slice(0, 10) as never });
  await client.exec('commit');
  return performance.now() - started;
}

/** Milliseconds to read every partner, with its figures, current plan and named accounts, out as CSV. */
export async function rawExportFloor(database: Database): Promise<{ ms: number; rows: number; bytes: number }> {
  const client = pgliteOf(database);
  const started = performance.now();
  const result = await client.query(
    `copy (with named as (select n.partner_id, string_agg(a.name, ', ' order by n.position) as names
                          from partner_named_accounts n join accounts a on a.id = n.account_id group by n.partner_id)
           select p.*, s.*, pl.goal, pl.start_date, pl.status, pl.metric, pl.target, named.names
           from partners p join partner_stats s on s.partner_id = p.id
           left join activation_plans pl on pl.partner_id = p.id and pl.is_current
           left join named on named.partner_id = p.id
           order by lower(p.name), p.id) to '/dev/blob' with (format csv, header)`,
  );
  const bytes = (await defined(result.blob, 'the COPY output').arrayBuffer()).byteLength;
  const ms = performance.now() - started;
  const [count] = (await client.query<{ n: number }>('select count(*)::int as n from partners')).rows;
  return { ms, rows: defined(count, 'the partner count').n, bytes };
}
