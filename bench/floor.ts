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
// The floor reads what the API reads: the grid's read model (partner_stats, kept current by every
// write), with only the figures that move with the week or the IPP bands derived. $1 today,
// $2 week start, $3–$5 the bands.
const GRID_COLUMNS = `s.partner_id as id, s.partner_version as version, s.name, s.name_key as "nameKey", s.type, s.archetype,
    s.program_status as "programStatus", s.phase, s.owner, s.industry,
    s.partner_created_at as "createdAt", s.partner_updated_at as "updatedAt", s.ipp_score as "ippScore",
    case when s.ipp_score is null then null when s.ipp_score >= $3 then 'Strategic' when s.ipp_score >= $4 then 'Good'
         when s.ipp_score >= $5 then 'Evaluate' else 'Pass' end as "partnerStatus",
    s.tier1_reps as "tier1Reps", s.tier2_reps as "tier2Reps", s.tier3_reps as "tier3Reps", s.tier4_reps as "tier4Reps",
    s.total_reps as "totalReps", s.tier12_rep_names as "tier12RepNames", s.jordan_count as "jordanCount",
    s.reps_bringing_deals as "repsBringingDeals", s.reps_engaged as "repsEngaged",
    s.reps_bringing_deals + s.reps_engaged as "totalEngaged", s.reps_who_deliver as "repsWhoDeliver",
    s.next_action_date::text as "nextActionDate", s.next_action_type as "nextActionType",
    s.next_action_rep_name as "nextActionRep", s.next_action_notes as "nextActionNotes",
    s.intros_made + s.baseline_intros as "introsMade", s.qualified_conversations + s.baseline_qualified as "qualifiedConversations",
    s.deals_brought_in + s.baseline_deals as "dealsBroughtIn", s.open_deals as "openDeals",
    s.closed_won + s.baseline_won as "closedWon", s.pipeline_value_minor + s.baseline_pipeline as "pipelineValueMinor",
    s.first_touch_date::text as "firstTouchDate", s.last_touch_date::text as "lastEngagementDate",
    ($1::date - s.last_touch_date) as "daysSinceLastTouch",
    coalesce(s.reviewed_at >= $2::timestamptz, false) as "reviewedThisWeek", s.plan_status as "planStatus", s.qualification`;

const gridParams = (c: Calendar) => [c.today, c.weekStart, c.bands.strategic, c.bands.good, c.bands.evaluate];
const NEEDS_ATTENTION = `(s.last_touch_date is null or ($1::date - s.last_touch_date) >= 30)`;

/** view=needs-attention, sort=-pipelineValueMinor: one page (and one row more) of the read model, and the total. */
export function needsAttentionStatements(c: Calendar, limit: number) {
  return [
    {
      label: 'page',
      text: `select ${GRID_COLUMNS} from partner_stats s where ${NEEDS_ATTENTION}
             order by s.pipeline_value_minor + s.baseline_pipeline desc nulls last, s.partner_id limit ${limit + 1}`,
      params: gridParams(c),
    },
    { label: 'total', text: `select count(*)::int as n from partner_stats s where ${NEEDS_ATTENTION}`, params: [c.today] },
  ];
}

/** sort=name: the first page by the stored name key (case-insensitive, code-point order), and the total. */
export function byNameStatements(c: Calendar, limit: number) {
  return [
    {
      label: 'page',
      text: `select ${GRID_COLUMNS} from partner_stats s order by s.name_key collate "C", s.partner_id limit ${limit + 1}`,
      params: gridParams(c),
    },
    { label: 'total', text: 'select count(*)::int as n from partner_stats', params: [] },
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
/** The dashboard's figures from the read model, as the API computes them: partners, reps and actions, top pipeline. */
export function dashboardStatements(c: Calendar) {
  return [
    {
      label: 'partners',
      text: `select count(*)::int as partners,
          count(*) filter (where s.plan_status = 'on-track')::int as on_track, count(*) filter (where s.plan_status = 'at-risk')::int as at_risk,
          count(*) filter (where s.plan_status = 'delivered')::int as delivered, count(*) filter (where s.plan_status = 'failed')::int as failed,
          count(*) filter (where s.plan_status is null)::int as no_plan, count(*) filter (where ${NEEDS_ATTENTION})::int as needs_attention,
          sum(s.open_deals) as open_deals, sum(s.closed_won + s.baseline_won) as won,
          sum(s.pipeline_value_minor + s.baseline_pipeline) as pipeline
        from partner_stats s`,
      params: [c.today],
    },
    {
      label: 'reps, actions, referrals',
      text: `select t.*,
          (select count(*)::int from actions where status = 'open' and due_date < $1::date) as overdue,
          (select count(*)::int from (select partner_id from referrals where stage <> 'intro' and introduced_at > $2::date
             group by partner_id having count(*) >= 3) q) as meeting
        from (select sum(total_reps)::int as reps, sum(tier1_reps)::int as t1, sum(tier2_reps)::int as t2,
                sum(tier3_reps)::int as t3, sum(tier4_reps)::int as t4, sum(closed_lost)::int as lost
              from partner_stats) t`,
      params: [c.today, addDays(c.today, -90)],
    },
    {
      label: 'top pipeline',
      text: `select s.partner_id as id, s.name, s.pipeline_value_minor + s.baseline_pipeline as pipeline, s.open_deals
             from partner_stats s where s.pipeline_value_minor + s.baseline_pipeline > 0
             order by s.pipeline_value_minor + s.baseline_pipeline desc, s.partner_id limit 10`,
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
