import { addDays, type Filter, type IsoDate } from '@ptrack/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from './database';
import { baseQuery, filterSql, type PartnerListParams } from './partner-list.repository';
import { OPEN_DUE_DAY } from './schema';

export type DashboardFigures = {
  partnerCount: number;
  repCount: number;
  tiers: { '1': number; '2': number; '3': number; '4': number; unassigned: number };
  plans: { 'on-track': number; 'at-risk': number; delivered: number; failed: number; none: number };
  needsAttention: number;
  overdueActions: number;
  funnel: {
    introsMade: number;
    qualifiedConversations: number;
    dealsBroughtIn: number;
    openDeals: number;
    closedWon: number;
    closedLost: number;
    pipelineValueMinor: number;
  };
  partnersWith3QualifiedIn90Days: number;
  topPipeline: { partnerId: string; name: string; pipelineValueMinor: number; openDeals: number }[];
};

const n = (v: unknown) => Number(v ?? 0);

/**
 * The program-wide figures of the dashboard, aggregated in the database from the maintained rollups
 * and the same per-partner expressions the partner grid uses (plan status, days since last touch).
 * The funnel stays monotone per partner: a baseline imported from a sheet (say 10 closed won, with no
 * qualified conversations or deals recorded) passed the earlier stages too, so each stage counts at
 * least what the later ones hold.
 */
export async function dashboardFigures(
  tx: Executor,
  p: Pick<PartnerListParams, 'today' | 'weekStart' | 'ippBands'> & { needsAttention: Filter; today: IsoDate },
): Promise<DashboardFigures> {
  const [a = {}] = await queryRows(
    tx,
    sql`
    select count(*) as partners,
      count(*) filter (where r."planStatus" = 'on-track') as on_track,
      count(*) filter (where r."planStatus" = 'at-risk') as at_risk,
      count(*) filter (where r."planStatus" = 'delivered') as delivered,
      count(*) filter (where r."planStatus" = 'failed') as failed,
      count(*) filter (where r."planStatus" is null) as no_plan,
      count(*) filter (where ${filterSql(p.needsAttention, p.today)}) as needs_attention,
      coalesce(sum(greatest(r."introsMade", r."qualifiedConversations", r."dealsBroughtIn", r."closedWon")), 0) as intros,
      coalesce(sum(greatest(r."qualifiedConversations", r."dealsBroughtIn", r."closedWon")), 0) as qualified,
      coalesce(sum(greatest(r."dealsBroughtIn", r."closedWon")), 0) as deals, coalesce(sum(r."openDeals"), 0) as open_deals,
      coalesce(sum(r."closedWon"), 0) as won, coalesce(sum(r."pipelineValueMinor"), 0) as pipeline
    from (${baseQuery(p)}) r`,
  );
  const [o = {}] = await queryRows(
    tx,
    sql`
    select
      t.reps, t.t1, t.t2, t.t3, t.t4, t.reps - t.t1 - t.t2 - t.t3 - t.t4 as tnull, t.lost,
      (select count(*) from actions where ${OPEN_DUE_DAY} < ${p.today}::date) as overdue,
      (select count(*) from (select partner_id from referrals
         where stage <> 'intro' and introduced_at > ${addDays(p.today, -90)}::date
         group by partner_id having count(*) >= 3) q) as meeting
    from (select coalesce(sum(total_reps), 0) as reps, coalesce(sum(tier1_reps), 0) as t1, coalesce(sum(tier2_reps), 0) as t2,
                 coalesce(sum(tier3_reps), 0) as t3, coalesce(sum(tier4_reps), 0) as t4, coalesce(sum(closed_lost), 0) as lost
          from partner_stats) t`,
  );
  const top = await queryRows(
    tx,
    sql`
    select s.partner_id as "partnerId", s.name, s.pipeline_value_minor + s.baseline_pipeline as "pipelineValueMinor",
      s.open_deals as "openDeals"
    from partner_stats s
    where s.pipeline_value_minor + s.baseline_pipeline > 0
    order by s.pipeline_value_minor + s.baseline_pipeline desc, s.partner_id limit 10`,
  );
  return {
    partnerCount: n(a.partners),
    repCount: n(o.reps),
    tiers: { '1': n(o.t1), '2': n(o.t2), '3': n(o.t3), '4': n(o.t4), unassigned: n(o.tnull) },
    plans: {
      'on-track': n(a.on_track),
      'at-risk': n(a.at_risk),
      delivered: n(a.delivered),
      failed: n(a.failed),
      none: n(a.no_plan),
    },
    needsAttention: n(a.needs_attention),
    overdueActions: n(o.overdue),
    funnel: {
      introsMade: n(a.intros),
      qualifiedConversations: n(a.qualified),
      dealsBroughtIn: n(a.deals),
      openDeals: n(a.open_deals),
      closedWon: n(a.won),
      closedLost: n(o.lost),
      pipelineValueMinor: n(a.pipeline),
    },
    partnersWith3QualifiedIn90Days: n(o.meeting),
    topPipeline: top.map((r) => ({
      partnerId: String(r.partnerId),
      name: String(r.name),
      pipelineValueMinor: n(r.pipelineValueMinor),
      openDeals: n(r.openDeals),
    })),
  };
}
