import { addDays, type IsoDate, ROLLUP_WINDOW_DAYS } from '@ptrack/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows, sqlArray } from './database';

// SQL twin of the domain's isJordan (docs/RULES.md: quality ≥ 8, or ≥ 3 Jordan signals and no time-waster
// signal). An integration test checks it agrees with the pure rule.
export const IS_JORDAN_SQL = sql.raw(`(
  coalesce(r.quality_score >= 8, false)
  or ((r.shares_account_list::int + r.suggests_joint_activities::int + r.intros_without_proof::int + r.responsive::int) >= 3
      and not (r.stuck_building_rapport or r.lip_service_only or r.expects_us_to_bring_everything or r.waits_for_deals))
)`);

// SQL twin of the domain's ippScore: the sum of the five IPP dimensions, or null unless all are set.
const IPP_SCORE_SQL = sql`case when p.icp_alignment is null or p.revenue_path_clarity is null or p.archetype_fit is null
    or p.economics is null or p.strategic_value is null then null
  else p.icp_alignment + p.revenue_path_clarity + p.archetype_fit + p.economics + p.strategic_value end`;

// SQL twin of the domain's qualify (docs/RULES.md, qualification verdict); `nac.n` counts named accounts.
const QUALIFICATION_SQL = sql`case
  when p.icp_match = 'no' or nac.n between 1 and 2 or p.economics_ok = 'no' then 'polite-pass'
  when p.icp_match = 'yes' and nac.n >= 3 and coalesce(btrim(p.intro_mechanism), '') <> '' and p.economics_ok = 'yes' then 'pursue'
  else 'incomplete' end`;

// SQL twin of the domain's suggestPlanStatus for the current plan `ap` with progress `pp.progress`
// (docs/RULES.md, 90-day status): a status the user set stands.
const PLAN_STATUS_SQL = (today: IsoDate) => sql`case when ap.id is null then null
  when ap.status is not null then ap.status
  when pp.progress >= ap.target then 'delivered'
  when ${today}::date > ap.end_date then 'failed'
  when (${today}::date - ap.start_date) >= 30
       and pp.progress * 2 * greatest(ap.end_date - ap.start_date, 1) < ap.target * (${today}::date - ap.start_date) then 'at-risk'
  else 'on-track' end`;

// A rep bringing deals (docs/RULES.md): a referral since the window start, or an open deal. `rs` is rep_stats.
const BRINGING_SQL = (since: IsoDate) =>
  sql`(coalesce(rs.last_referral_date >= ${since}::date, false) or coalesce(rs.open_deal_count, 0) > 0)`;

/** Recomputes the figures of the reps `repFilter` selects (`r` is reps) from their touches and referrals. */
async function refreshRepStats(tx: Executor, repFilter: SQL, tz: string): Promise<void> {
  await tx.execute(sql`
    insert into rep_stats (rep_id, partner_id, first_touch_date, last_touch_date, last_inbound_date,
                           last_referral_date, referral_count, open_deal_count)
    select r.id, r.partner_id,
      (select (min(t.occurred_at) at time zone ${tz})::date from touches t where t.rep_id = r.id),
      (select (max(t.occurred_at) at time zone ${tz})::date from touches t where t.rep_id = r.id),
      (select (max(t.occurred_at) at time zone ${tz})::date from touches t where t.rep_id = r.id and t.direction = 'inbound'),
      (select max(f.introduced_at) from referrals f where f.rep_id = r.id),
      (select count(*) from referrals f where f.rep_id = r.id),
      (select count(*) from referrals f where f.rep_id = r.id and f.stage = 'deal')
    from reps r where ${repFilter}
    on conflict (rep_id) do update set
      partner_id = excluded.partner_id,
      first_touch_date = excluded.first_touch_date,
      last_touch_date = excluded.last_touch_date,
      last_inbound_date = excluded.last_inbound_date,
      last_referral_date = excluded.last_referral_date,
      referral_count = excluded.referral_count,
      open_deal_count = excluded.open_deal_count`);
}

/** Every column of the grid's read model, with the expression that computes it for partner `p`. */
function partnerStatsColumns(opts: { today: IsoDate; timeZone: string }): [string, SQL][] {
  const tz = opts.timeZone;
  return [
    ['name', sql`p.name`],
    ['name_key', sql`lower(p.name)`],
    ['type', sql`p.type`],
    ['archetype', sql`p.archetype`],
    ['program_status', sql`p.program_status`],
    ['phase', sql`p.phase`],
    ['owner', sql`p.owner`],
    ['industry', sql`p.industry`],
    ['ipp_score', IPP_SCORE_SQL],
    ['qualification', QUALIFICATION_SQL],
    ['reviewed_at', sql`p.reviewed_at`],
    ['partner_created_at', sql`p.created_at`],
    ['partner_updated_at', sql`p.updated_at`],
    ['partner_version', sql`p.version`],
    ['baseline_intros', sql`coalesce((p.baseline->>'introsMade')::int, 0)`],
    ['baseline_qualified', sql`coalesce((p.baseline->>'qualifiedConversations')::int, 0)`],
    ['baseline_deals', sql`coalesce((p.baseline->>'dealsBroughtIn')::int, 0)`],
    ['baseline_won', sql`coalesce((p.baseline->>'closedWon')::int, 0)`],
    ['baseline_pipeline', sql`coalesce((p.baseline->>'pipelineValueMinor')::bigint, 0)`],
    ['first_touch_date', sql`(select (min(t.occurred_at) at time zone ${tz})::date from touches t where t.partner_id = p.id)`],
    ['last_touch_date', sql`(select (max(t.occurred_at) at time zone ${tz})::date from touches t where t.partner_id = p.id)`],
    ['tier1_reps', sql`rc.tier1`],
    ['tier2_reps', sql`rc.tier2`],
    ['tier3_reps', sql`rc.tier3`],
    ['tier4_reps', sql`rc.tier4`],
    // SQL twin of the domain's repCount: recorded reps, else the imported sheet's active contacts.
    [
      'total_reps',
      sql`case when rc.total > 0 then rc.total else greatest(coalesce((p.baseline->>'activeContacts')::int, 0), 0) end`,
    ],
    ['jordan_count', sql`rc.jordans`],
    ['tier12_rep_names', sql`rc.names`],
    ['reps_who_deliver', sql`rc.deliver`],
    ['reps_bringing_deals', sql`rc.bringing`],
    ['reps_engaged', sql`rc.engaged`],
    ['intros_made', sql`f.intros`],
    ['qualified_conversations', sql`f.qualified`],
    ['deals_brought_in', sql`f.deals`],
    ['open_deals', sql`f.open`],
    ['closed_won', sql`f.won`],
    ['closed_lost', sql`f.lost`],
    ['pipeline_value_minor', sql`f.pipeline`],
    ['next_action_id', sql`na.id`],
    ['next_action_date', sql`na.due_date`],
    ['next_action_type', sql`na.type`],
    ['next_action_rep_id', sql`na.rep_id`],
    ['next_action_rep_name', sql`na.rep_name`],
    ['next_action_notes', sql`na.notes`],
    ['plan_progress', sql`pp.progress`],
    ['plan_status', PLAN_STATUS_SQL(opts.today)],
    ['named_account_count', sql`nac.n`],
    ['rollup_as_of', sql`${opts.today}::date`],
  ];
}

/**
 * Recomputes the maintained figures of one partner (and of its reps, or of one rep) from the raw
 * records, inside the caller's transaction. Called after every write that can change them, so lists
 * read stored figures instead of aggregating touches per request. Dates of touches are calendar days
 * in the workspace time zone.
 */
export async function refreshStats(
  tx: Executor,
  opts: {
    /** One partner, several (an import batch), or every partner in one set-based pass (after a bulk load or a time-zone change). */
    partnerId: string | string[] | { all: true };
    timeZone: string;
    /** The workspace's today: the calendar-dependent figures are computed as of this day. */
    today: IsoDate;
    /** Which rep figures to refresh first: by default all reps of the partner(s). */
    reps?: 'all' | 'none' | { id: string };
  },
): Promise<void> {
  const which = opts.reps ?? 'all';
  const ids = typeof opts.partnerId === 'string' ? [opts.partnerId] : Array.isArray(opts.partnerId) ? opts.partnerId : null;
  if (ids && ids.length === 0) return;
  const one = ids?.length === 1 ? (ids[0] ?? null) : null;
  const partnerFilter = one ? sql`p.id = ${one}` : ids ? sql`p.id = any(${sqlArray(ids, 'uuid')})` : sql`true`;
  const repsOf = one ? sql`r.partner_id = ${one}` : ids ? sql`r.partner_id = any(${sqlArray(ids, 'uuid')})` : sql`true`;
  const repFilter = which === 'none' ? sql`false` : which !== 'all' ? sql`r.id = ${which.id}` : repsOf;
  const tz = opts.timeZone;
  const since = addDays(opts.today, -ROLLUP_WINDOW_DAYS);
  if (which !== 'none') await refreshRepStats(tx, repFilter, tz);
  const columns = partnerStatsColumns(opts);
  const names = sql.raw(columns.map(([c]) => c).join(', '));
  await tx.execute(sql`
    insert into partner_stats (partner_id, ${names})
    select p.id, ${sql.join(
      columns.map(([, e]) => e),
      sql`, `,
    )}
    from partners p
    cross join lateral (
      select count(*) filter (where r.engagement_tier = 1) as tier1,
             count(*) filter (where r.engagement_tier = 2) as tier2,
             count(*) filter (where r.engagement_tier = 3) as tier3,
             count(*) filter (where r.engagement_tier = 4) as tier4,
             count(*) as total,
             count(*) filter (where ${IS_JORDAN_SQL}) as jordans,
             coalesce(jsonb_agg(r.name order by r.engagement_tier, lower(r.name) collate "C", r.id)
                        filter (where r.engagement_tier in (1, 2)), '[]'::jsonb) as names,
             count(*) filter (where rs.referral_count > 0) as deliver,
             count(*) filter (where ${BRINGING_SQL(since)}) as bringing,
             count(*) filter (where not ${BRINGING_SQL(since)} and coalesce(rs.last_inbound_date >= ${since}::date, false)) as engaged
      from reps r left join rep_stats rs on rs.rep_id = r.id
      where r.partner_id = p.id) rc
    cross join lateral (
      select count(*) as intros,
             count(*) filter (where stage <> 'intro') as qualified,
             count(*) filter (where stage in ('deal', 'closed-won', 'closed-lost')) as deals,
             count(*) filter (where stage = 'deal') as open,
             count(*) filter (where stage = 'closed-won') as won,
             count(*) filter (where stage = 'closed-lost') as lost,
             coalesce(sum(amount_minor) filter (where stage = 'deal'), 0) as pipeline
      from referrals where partner_id = p.id) f
    left join lateral (
      select a.id, a.due_date, a.type, a.rep_id, rr.name as rep_name, a.notes
      from actions a left join reps rr on rr.id = a.rep_id
      where a.partner_id = p.id and a.status = 'open'
      order by a.due_date, a.type collate "C", a.id
      limit 1) na on true
    cross join lateral (select count(*)::int as n from partner_named_accounts x where x.partner_id = p.id) nac
    left join activation_plans ap on ap.partner_id = p.id and ap.is_current
    cross join lateral (
      select count(*)::int as progress from referrals x
      where ap.id is not null and x.partner_id = p.id
        and x.introduced_at between ap.start_date and ap.end_date
        and case ap.metric
              when 'intros' then true
              when 'qualified-conversations' then x.stage <> 'intro'
              when 'deals' then x.stage in ('deal', 'closed-won', 'closed-lost')
              when 'closed-won' then x.stage = 'closed-won'
            end) pp
    where ${partnerFilter}
    on conflict (partner_id) do update set
      ${sql.raw(columns.map(([c]) => `${c} = excluded.${c}`).join(', '))}`);
}

/**
 * Brings the calendar-dependent rollups (docs/RULES.md, partner rollups: reps bringing deals — a referral
 * in the last 90 days or an open deal; reps engaged — an inbound touch in the last 90 days, not bringing
 * deals; and the 90-day plan status) of every partner up to `today`, in one set-based pass. Writes keep their partner current; this
 * runs when the workspace's day moves on.
 */
export async function refreshDailyRollups(tx: Executor, today: IsoDate): Promise<void> {
  const since = addDays(today, -ROLLUP_WINDOW_DAYS);
  await tx.execute(sql`
    update partner_stats s set
      reps_bringing_deals = c.bringing,
      reps_engaged = c.engaged,
      plan_status = c.plan_status,
      rollup_as_of = ${today}::date
    from (
      select s2.partner_id, rc.bringing, rc.engaged, ${PLAN_STATUS_SQL(today)} as plan_status
      from partner_stats s2
      cross join lateral (select coalesce(s2.plan_progress, 0) as progress) pp
      left join activation_plans ap on ap.partner_id = s2.partner_id and ap.is_current
      cross join lateral (
        select count(*) filter (where ${BRINGING_SQL(since)})::int as bringing,
               count(*) filter (where not ${BRINGING_SQL(since)} and coalesce(rs.last_inbound_date >= ${since}::date, false))::int as engaged
        from rep_stats rs where rs.partner_id = s2.partner_id) rc
    ) c
    where s.partner_id = c.partner_id
      and (s.reps_bringing_deals, s.reps_engaged, s.plan_status, s.rollup_as_of)
          is distinct from (c.bringing, c.engaged, c.plan_status, ${today}::date)`);
  await tx.execute(sql`analyze partner_stats`);
}

/** Recomputes every partner's figures in one pass: after a bulk load, a restore or a time-zone change. */
export async function refreshAllStats(tx: Executor, opts: { timeZone: string; today: IsoDate }): Promise<number> {
  await refreshStats(tx, { partnerId: { all: true }, ...opts });
  const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from partners`);
  return Number(row?.n ?? 0);
}
