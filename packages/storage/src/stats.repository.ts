import { addDays, type IsoDate, ROLLUP_WINDOW_DAYS } from '@ptrack/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from './database';

// SQL twin of the domain's isJordan (PRODUCT.md: quality ≥ 8, or ≥ 3 Jordan signals and no time-waster
// signal). An integration test checks it agrees with the pure rule.
export const IS_JORDAN_SQL = sql.raw(`(
  coalesce(r.quality_score >= 8, false)
  or ((r.shares_account_list::int + r.suggests_joint_activities::int + r.intros_without_proof::int + r.responsive::int) >= 3
      and not (r.stuck_building_rapport or r.lip_service_only or r.expects_us_to_bring_everything or r.waits_for_deals))
)`);

/**
 * Recomputes the maintained figures of one partner (and of its reps, or of one rep) from the raw
 * records, inside the caller's transaction. Called after every write that can change them, so lists
 * read stored figures instead of aggregating touches per request. Dates of touches are calendar days
 * in the workspace time zone.
 */
export async function refreshStats(
  tx: Executor,
  opts: {
    /** One partner, or every partner in one set-based pass (after a bulk load or a time-zone change). */
    partnerId: string | { all: true };
    timeZone: string;
    /** Which rep figures to refresh first: by default all reps of the partner(s). */
    reps?: 'all' | 'none' | { id: string };
  },
): Promise<void> {
  const which = opts.reps ?? 'all';
  const one = typeof opts.partnerId === 'string' ? opts.partnerId : null;
  const partnerFilter = one ? sql`p.id = ${one}` : sql`true`;
  const repFilter =
    which === 'none' ? sql`false` : which !== 'all' ? sql`r.id = ${which.id}` : one ? sql`r.partner_id = ${one}` : sql`true`;
  const tz = opts.timeZone;
  if (which !== 'none')
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

  await tx.execute(sql`
    insert into partner_stats (partner_id, first_touch_date, last_touch_date,
      tier1_reps, tier2_reps, tier3_reps, tier4_reps, total_reps, jordan_count, tier12_rep_names, reps_who_deliver,
      intros_made, qualified_conversations, deals_brought_in, open_deals, closed_won, closed_lost, pipeline_value_minor,
      next_action_id, next_action_date, next_action_type, next_action_rep_id, next_action_rep_name, next_action_notes,
      plan_progress, named_account_count, rollup_as_of)
    select p.id,
      (select (min(t.occurred_at) at time zone ${tz})::date from touches t where t.partner_id = p.id),
      (select (max(t.occurred_at) at time zone ${tz})::date from touches t where t.partner_id = p.id),
      rc.tier1, rc.tier2, rc.tier3, rc.tier4, rc.total, rc.jordans, rc.names, rc.deliver,
      f.intros, f.qualified, f.deals, f.open, f.won, f.lost, f.pipeline,
      na.id, na.due_date, na.type, na.rep_id, na.rep_name, na.notes,
      (select count(*)::int from activation_plans ap join referrals x on x.partner_id = ap.partner_id
         where ap.partner_id = p.id and ap.is_current
           and x.introduced_at between ap.start_date and ap.end_date
           and case ap.metric
                 when 'intros' then true
                 when 'qualified-conversations' then x.stage <> 'intro'
                 when 'deals' then x.stage in ('deal', 'closed-won', 'closed-lost')
                 when 'closed-won' then x.stage = 'closed-won'
               end),
      (select count(*)::int from partner_named_accounts x where x.partner_id = p.id),
      null
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
             count(*) filter (where rs.referral_count > 0) as deliver
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
    where ${partnerFilter}
    on conflict (partner_id) do update set
      first_touch_date = excluded.first_touch_date, last_touch_date = excluded.last_touch_date,
      tier1_reps = excluded.tier1_reps, tier2_reps = excluded.tier2_reps, tier3_reps = excluded.tier3_reps,
      tier4_reps = excluded.tier4_reps, total_reps = excluded.total_reps, jordan_count = excluded.jordan_count,
      tier12_rep_names = excluded.tier12_rep_names, reps_who_deliver = excluded.reps_who_deliver,
      intros_made = excluded.intros_made, qualified_conversations = excluded.qualified_conversations,
      deals_brought_in = excluded.deals_brought_in, open_deals = excluded.open_deals, closed_won = excluded.closed_won,
      closed_lost = excluded.closed_lost, pipeline_value_minor = excluded.pipeline_value_minor,
      next_action_id = excluded.next_action_id, next_action_date = excluded.next_action_date,
      next_action_type = excluded.next_action_type, next_action_rep_id = excluded.next_action_rep_id,
      next_action_rep_name = excluded.next_action_rep_name, next_action_notes = excluded.next_action_notes,
      plan_progress = excluded.plan_progress, named_account_count = excluded.named_account_count,
      rollup_as_of = null`);
}

/**
 * Brings the calendar-dependent rollups (reps bringing deals: a referral in the last 90 days or an open
 * deal; reps engaged: an inbound touch in the last 90 days and not bringing deals — PRODUCT.md, partner
 * rollups) up to `today` for every partner whose figures are from another day or were cleared by a
 * write. One set-based pass: all partners once a day, then only the partners just written.
 */
export async function refreshDailyRollups(tx: Executor, today: IsoDate): Promise<void> {
  const since = addDays(today, -ROLLUP_WINDOW_DAYS);
  await tx.execute(sql`
    update partner_stats s set
      reps_bringing_deals = coalesce(c.bringing, 0),
      reps_engaged = coalesce(c.engaged, 0),
      rollup_as_of = ${today}::date
    from partner_stats s2
    left join lateral (
      select count(*) filter (where bringing)::int as bringing,
             count(*) filter (where not bringing and coalesce(rs.last_inbound_date >= ${since}::date, false))::int as engaged
      from (select rs.last_inbound_date,
                   (coalesce(rs.last_referral_date >= ${since}::date, false) or rs.open_deal_count > 0) as bringing
            from rep_stats rs where rs.partner_id = s2.partner_id) rs
    ) c on true
    where s.partner_id = s2.partner_id and s2.rollup_as_of is distinct from ${today}::date`);
}

/** Recomputes every partner's figures in one pass: after a bulk load, a restore or a time-zone change. */
export async function refreshAllStats(tx: Executor, opts: { timeZone: string }): Promise<number> {
  await refreshStats(tx, { partnerId: { all: true }, timeZone: opts.timeZone });
  const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from partners`);
  return Number(row?.n ?? 0);
}
