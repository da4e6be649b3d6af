// The floor: the same results as the API's scenarios, computed by plain SQL on the same database
// through the bare driver (PGlite or node-postgres) — no HTTP, no ORM, no services.
import { addDays, calendarDateOf, defined } from '@ptrack/domain';
import { type Database, openDatabase } from '@ptrack/storage';
import pg from 'pg';
import { pgliteOf } from './lib';
import type { ServerStorage } from './server';

export type Raw = {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** The same database opened as the server opens it, for timing the services in-process. */
  database: Database;
  close(): Promise<void>;
};

/** Opens the database in this process: for PGlite only once the server has stopped (one owner). */
export async function openRaw(storage: ServerStorage): Promise<Raw> {
  if (storage.kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: storage.dataDir, migrate: false });
    const client = pgliteOf(database);
    return {
      query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
      database,
      close: () => database.close(),
    };
  }
  const client = new pg.Client({ connectionString: storage.url });
  await client.connect();
  const database = await openDatabase({ kind: 'postgres', url: storage.url, migrate: false });
  return {
    query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
    database,
    close: async () => {
      await client.end();
      await database.close();
    },
  };
}

export type Calendar = {
  today: string;
  timeZone: string;
  weekStart: string;
  bands: { strategic: number; good: number; evaluate: number };
};

// --- Today ---------------------------------------------------------------------------------------
const ACTION_ROWS = `select a.*, p.name as partner_name, r.name as rep_name, r.engagement_tier, r.quality_score,
    r.shares_account_list, r.suggests_joint_activities, r.intros_without_proof, r.responsive, r.stuck_building_rapport,
    r.lip_service_only, r.expects_us_to_bring_everything, r.waits_for_deals
  from actions a join partners p on p.id = a.partner_id left join reps r on r.id = a.rep_id`;

/** Open actions due by today (one page, oldest first), the next week's first ones, and the counts. */
export function todayStatements(c: Calendar, page: { dueLimit: number | null; upcomingLimit: number | null }) {
  const limit = (n: number | null) => (n === null ? '' : ` limit ${n}`);
  return [
    {
      label: 'due page',
      text: `${ACTION_ROWS} where a.status = 'open' and a.due_date <= $1::date order by a.due_date, a.id${limit(page.dueLimit)}`,
      params: [c.today],
    },
    {
      label: 'upcoming',
      text: `${ACTION_ROWS} where a.status = 'open' and a.due_date > $1::date and a.due_date <= $2::date
             order by a.due_date, a.id${limit(page.upcomingLimit)}`,
      params: [c.today, addDays(c.today, 7)],
    },
    {
      label: 'counts',
      text: `select count(*) filter (where due_date < $1::date)::int as overdue, count(*) filter (where due_date = $1::date)::int as due_today
             from actions where status = 'open' and due_date <= $1::date`,
      params: [c.today],
    },
  ];
}

// --- Partner list --------------------------------------------------------------------------------
/** The grid's columns for the rows of one page only (`page` yields id and ord); $1 today, $2 today-90, $3–$5 bands, $6 week start. */
function gridOf(page: string): string {
  return `select p.id, p.version, p.name, p.type, p.archetype, p.program_status as "programStatus", p.phase, p.owner, p.industry,
    p.created_at as "createdAt", p.updated_at as "updatedAt", ipp.score as "ippScore",
    case when ipp.score is null then null when ipp.score >= $3 then 'Strategic' when ipp.score >= $4 then 'Good'
         when ipp.score >= $5 then 'Evaluate' else 'Pass' end as "partnerStatus",
    s.tier1_reps as "tier1Reps", s.tier2_reps as "tier2Reps", s.tier3_reps as "tier3Reps", s.tier4_reps as "tier4Reps",
    s.total_reps as "totalReps", s.tier12_rep_names as "tier12RepNames", s.jordan_count as "jordanCount",
    tc.bringing as "repsBringingDeals", tc.engaged as "repsEngaged", tc.bringing + tc.engaged as "totalEngaged",
    s.reps_who_deliver as "repsWhoDeliver", s.next_action_date::text as "nextActionDate", s.next_action_type as "nextActionType",
    s.next_action_rep_name as "nextActionRep", s.next_action_notes as "nextActionNotes",
    s.intros_made + coalesce((p.baseline->>'introsMade')::int, 0) as "introsMade",
    s.qualified_conversations + coalesce((p.baseline->>'qualifiedConversations')::int, 0) as "qualifiedConversations",
    s.deals_brought_in + coalesce((p.baseline->>'dealsBroughtIn')::int, 0) as "dealsBroughtIn", s.open_deals as "openDeals",
    s.closed_won + coalesce((p.baseline->>'closedWon')::int, 0) as "closedWon", s.pipeline_value_minor as "pipelineValueMinor",
    s.first_touch_date::text as "firstTouchDate", s.last_touch_date::text as "lastEngagementDate",
    ($1::date - s.last_touch_date) as "daysSinceLastTouch", coalesce(p.reviewed_at >= $6::timestamptz, false) as "reviewedThisWeek",
    ${PLAN_STATUS} as "planStatus",
    case when p.icp_match = 'no' or na.n between 1 and 2 or p.economics_ok = 'no' then 'polite-pass'
         when p.icp_match = 'yes' and na.n >= 3 and coalesce(btrim(p.intro_mechanism), '') <> '' and p.economics_ok = 'yes' then 'pursue'
         else 'incomplete' end as "qualification"
  from (${page}) pg join partners p on p.id = pg.id join partner_stats s on s.partner_id = p.id
  left join activation_plans ap on ap.partner_id = p.id and ap.is_current
  cross join lateral (select case when p.icp_alignment is null or p.revenue_path_clarity is null or p.archetype_fit is null
      or p.economics is null or p.strategic_value is null then null
      else p.icp_alignment + p.revenue_path_clarity + p.archetype_fit + p.economics + p.strategic_value end as score) ipp
  cross join lateral (select count(*)::int as n from partner_named_accounts x where x.partner_id = p.id) na
  cross join lateral (
    select count(*) filter (where b)::int as bringing,
           count(*) filter (where not b and coalesce(rs.last_inbound_date >= $2::date, false))::int as engaged
    from rep_stats rs cross join lateral (select coalesce(rs.last_referral_date >= $2::date, false) or rs.open_deal_count > 0 as b) bb
    where rs.partner_id = p.id) tc
  order by pg.ord`;
}

/** The plan status of the partner's current plan (ap) from its stored progress (s), as of $1. */
const PLAN_STATUS = `case when ap.id is null then null when ap.status is not null then ap.status
    when coalesce(s.plan_progress, 0) >= ap.target then 'delivered' when $1::date > ap.end_date then 'failed'
    when ($1::date - ap.start_date) >= 30 and coalesce(s.plan_progress, 0) * 2 * greatest(ap.end_date - ap.start_date, 1)
         < ap.target * ($1::date - ap.start_date) then 'at-risk'
    else 'on-track' end`;

const gridParams = (c: Calendar) => [
  c.today,
  addDays(c.today, -90),
  c.bands.strategic,
  c.bands.good,
  c.bands.evaluate,
  c.weekStart,
];
const NEEDS_ATTENTION = `(s.last_touch_date is null or ($1::date - s.last_touch_date) >= 30)`;

/** view=needs-attention, sort=-pipelineValueMinor: the page's ids by the stored rollups, then its columns, and the total. */
export function needsAttentionStatements(c: Calendar, limit: number) {
  const page = `select id, row_number() over () as ord from (
      select s.partner_id as id from partner_stats s where ${NEEDS_ATTENTION}
      order by s.pipeline_value_minor desc nulls last, s.partner_id limit ${limit + 1}) q`;
  return [
    { label: 'page', text: gridOf(page), params: gridParams(c) },
    { label: 'total', text: `select count(*)::int as n from partner_stats s where ${NEEDS_ATTENTION}`, params: [c.today] },
  ];
}

/** sort=name: the first page by name (the same case-insensitive code-point order), and the total. */
export function byNameStatements(c: Calendar, limit: number) {
  const page = `select id, row_number() over () as ord from (
      select p.id from partners p order by lower(p.name) collate "C", p.id limit ${limit + 1}) q`;
  return [
    { label: 'page', text: gridOf(page), params: gridParams(c) },
    { label: 'total', text: 'select count(*)::int as n from partners p join partner_stats s on s.partner_id = p.id', params: [] },
  ];
}

// --- Partner detail ------------------------------------------------------------------------------
export function detailStatements(partnerId: string) {
  return [
    { label: 'partner', text: 'select * from partners where id = $1', params: [partnerId] },
    { label: 'stats', text: 'select * from partner_stats where partner_id = $1', params: [partnerId] },
    {
      label: 'named accounts',
      text: `select a.id, a.name, a.domain from partner_named_accounts x join accounts a on a.id = x.account_id
             where x.partner_id = $1 order by x.position`,
      params: [partnerId],
    },
    {
      label: 'reps',
      text: 'select r.*, rs.* from reps r left join rep_stats rs on rs.rep_id = r.id where r.partner_id = $1',
      params: [partnerId],
    },
    {
      label: 'open actions',
      text: `select a.*, r.name as rep_name from actions a left join reps r on r.id = a.rep_id
             where a.partner_id = $1 and a.status = 'open'`,
      params: [partnerId],
    },
    { label: 'referrals', text: 'select stage, amount_minor from referrals where partner_id = $1', params: [partnerId] },
  ];
}

// --- Dashboard -----------------------------------------------------------------------------------
export function dashboardStatements(c: Calendar) {
  return [
    {
      label: 'partners',
      text: `select count(*)::int as partners,
          count(*) filter (where x.ps = 'on-track')::int as on_track, count(*) filter (where x.ps = 'at-risk')::int as at_risk,
          count(*) filter (where x.ps = 'delivered')::int as delivered, count(*) filter (where x.ps = 'failed')::int as failed,
          count(*) filter (where x.ps is null)::int as no_plan, count(*) filter (where ${NEEDS_ATTENTION})::int as needs_attention,
          sum(s.intros_made + coalesce((p.baseline->>'introsMade')::int, 0)) as intros,
          sum(s.qualified_conversations + coalesce((p.baseline->>'qualifiedConversations')::int, 0)) as qualified,
          sum(s.deals_brought_in + coalesce((p.baseline->>'dealsBroughtIn')::int, 0)) as deals, sum(s.open_deals) as open_deals,
          sum(s.closed_won + coalesce((p.baseline->>'closedWon')::int, 0)) as won, sum(s.closed_lost) as lost,
          sum(s.pipeline_value_minor) as pipeline
        from partners p join partner_stats s on s.partner_id = p.id
        left join activation_plans ap on ap.partner_id = p.id and ap.is_current
        cross join lateral (select ${PLAN_STATUS} as ps) x`,
      params: [c.today],
    },
    {
      label: 'reps, actions, referrals',
      text: `select t.*,
          (select count(*)::int from actions where status = 'open' and due_date < $1::date) as overdue,
          (select count(*)::int from (select partner_id from referrals where stage <> 'intro' and introduced_at > $2::date
             group by partner_id having count(*) >= 3) q) as meeting
        from (select count(*)::int as reps, count(*) filter (where engagement_tier = 1)::int as t1,
                count(*) filter (where engagement_tier = 2)::int as t2, count(*) filter (where engagement_tier = 3)::int as t3,
                count(*) filter (where engagement_tier = 4)::int as t4, count(*) filter (where engagement_tier is null)::int as tnull
              from reps) t`,
      params: [c.today, addDays(c.today, -90)],
    },
    {
      label: 'top pipeline',
      text: `select p.id, p.name, s.pipeline_value_minor, s.open_deals from partner_stats s join partners p on p.id = s.partner_id
             where s.pipeline_value_minor > 0 order by s.pipeline_value_minor desc, p.id limit 10`,
      params: [],
    },
  ];
}

// --- Logging a touch -----------------------------------------------------------------------------
type Settings = { time_zone: string; cadences: Record<string, number> | string };

/**
 * What POST /api/touches does, as plain statements in one transaction: the touch, its history, the
 * rep's open follow-ups completed, the next one at the cadence, and the rollups it moves updated in
 * place (the rep's and partner's touch dates, the partner's next action).
 */
export async function logTouchRaw(raw: Raw, repId: string, direction: 'outbound' | 'inbound', now: Date): Promise<void> {
  await raw.query('begin');
  try {
    const settings = defined((await raw.query<Settings>('select time_zone, cadences from workspace_settings where id = 1'))[0]);
    const cadences = typeof settings.cadences === 'string' ? JSON.parse(settings.cadences) : settings.cadences;
    const [rep] = await raw.query<{ partner_id: string; engagement_tier: number | null }>(
      'select partner_id, engagement_tier from reps where id = $1',
      [repId],
    );
    if (!rep) throw new Error(`no rep ${repId}`);
    const partnerId = rep.partner_id;
    const day = calendarDateOf(now, settings.time_zone);
    const history = `insert into change_history (at, actor, source, entity_type, entity_id, partner_id, operation, field, before, after)`;
    const [touch] = await raw.query<{ id: string }>(
      `insert into touches (partner_id, rep_id, kind, direction, occurred_at, created_at, updated_at)
       values ($1, $2, 'call', $3, $4, $4, $4) returning *`,
      [partnerId, repId, direction, now.toISOString()],
    );
    await raw.query(`${history} values ($1, 'bench', 'api', 'touch', $2, $3, 'create', null, null, $4)`, [
      now.toISOString(),
      defined(touch).id,
      partnerId,
      JSON.stringify(touch),
    ]);
    const done = await raw.query<{ id: string }>(
      `update actions set status = 'done', completed_at = $2, version = version + 1, updated_at = $2
       where rep_id = $1 and status = 'open' and type = 'Follow-up' returning *`,
      [repId, now.toISOString()],
    );
    if (done.length) {
      await raw.query(
        `${history} select $1::timestamptz, 'bench', 'api', 'action', id, $2, 'update', f, b, a
         from unnest($3::uuid[]) id cross join (values ('status', '"open"'::jsonb, '"done"'::jsonb),
           ('completedAt', 'null'::jsonb, to_jsonb($1::timestamptz))) v(f, b, a)`,
        [now.toISOString(), partnerId, done.map((d) => d.id)],
      );
    }
    const due = addDays(day, Number(cadences[String(rep.engagement_tier ?? 3)] ?? 30));
    const [next] = await raw.query<{ id: string }>(
      `insert into actions (partner_id, rep_id, due_date, type, created_at, updated_at) values ($1, $2, $3, 'Follow-up', $4, $4)
       returning *`,
      [partnerId, repId, due, now.toISOString()],
    );
    await raw.query(`${history} values ($1, 'bench', 'api', 'action', $2, $3, 'create', null, null, $4)`, [
      now.toISOString(),
      defined(next).id,
      partnerId,
      JSON.stringify(next),
    ]);
    await raw.query(
      `update rep_stats set first_touch_date = least(coalesce(first_touch_date, $2::date), $2::date),
         last_touch_date = greatest(coalesce(last_touch_date, $2::date), $2::date),
         last_inbound_date = case when $3 = 'inbound' then greatest(coalesce(last_inbound_date, $2::date), $2::date) else last_inbound_date end
       where rep_id = $1`,
      [repId, day, direction],
    );
    await raw.query(
      `update partner_stats s set first_touch_date = least(coalesce(s.first_touch_date, $2::date), $2::date),
         last_touch_date = greatest(coalesce(s.last_touch_date, $2::date), $2::date),
         (next_action_id, next_action_date, next_action_type, next_action_rep_id, next_action_rep_name, next_action_notes) =
           (select a.id, a.due_date, a.type, a.rep_id, r.name, a.notes from actions a left join reps r on r.id = a.rep_id
            where a.partner_id = $1 and a.status = 'open' order by a.due_date, a.type collate "C", a.id limit 1)
       where s.partner_id = $1`,
      [partnerId, day],
    );
    await raw.query('commit');
  } catch (error) {
    await raw.query('rollback');
    throw error;
  }
}
