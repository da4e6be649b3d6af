import { addDays, daysBetween, type IsoDate } from './calendar';
import type { PlanMetric, PlanStatus, ReferralStage } from './constants/enums';

/** docs/RULES.md ActivationPlan: a 90-day test, by default 3 qualified conversations. */
export const PLAN_DURATION_DAYS = 90;
export const DEFAULT_PLAN_TARGET = 3;
export const DEFAULT_PLAN_METRIC: PlanMetric = 'qualified-conversations';
/** Seed 000: judge a plan's pace only once it has run this long. */
export const PLAN_GRACE_DAYS = 30;

/** The end of a plan that starts on `startDate`: 90 days later. */
export function planEndDate(startDate: IsoDate): IsoDate {
  return addDays(startDate, PLAN_DURATION_DAYS);
}

/** True when a referral at `stage` counts towards `metric` (the funnel is cumulative). */
export function countsTowards(metric: PlanMetric, stage: ReferralStage): boolean {
  switch (metric) {
    case 'intros':
      return true;
    case 'qualified-conversations':
      return stage !== 'intro';
    case 'deals':
      return stage === 'deal' || stage === 'closed-won' || stage === 'closed-lost';
    case 'closed-won':
      return stage === 'closed-won';
    default: {
      const never: never = metric;
      throw new Error(`unknown plan metric ${String(never)}`);
    }
  }
}

/**
 * A plan's progress: the partner's referrals introduced within the plan (start and end days included)
 * that count towards its metric. SQL twin: plan_progress in refreshStats.
 */
export function planProgress(
  metric: PlanMetric,
  referrals: readonly { stage: ReferralStage; introducedAt: IsoDate }[],
  plan: { startDate: IsoDate; endDate: IsoDate },
): number {
  return referrals.filter(
    (r) => r.introducedAt >= plan.startDate && r.introducedAt <= plan.endDate && countsTowards(metric, r.stage),
  ).length;
}

/**
 * docs/RULES.md "90-day status suggestion": Delivered when progress reaches the target; Failed when the
 * end date passed without it; At Risk when, 30+ days in, progress is under half the pro-rated target
 * (progress < target × elapsed ÷ duration ÷ 2, compared in integers); else On Track.
 * SQL twin: "planStatus" in the partner list query.
 */
export function suggestPlanStatus(p: {
  progress: number;
  target: number;
  startDate: IsoDate;
  endDate: IsoDate;
  today: IsoDate;
}): PlanStatus {
  if (p.progress >= p.target) return 'delivered';
  if (p.today > p.endDate) return 'failed';
  const elapsed = daysBetween(p.startDate, p.today);
  const duration = Math.max(daysBetween(p.startDate, p.endDate), 1);
  if (elapsed >= PLAN_GRACE_DAYS && p.progress * 2 * duration < p.target * elapsed) return 'at-risk';
  return 'on-track';
}

/** docs/RULES.md: a status the user sets stands; otherwise the suggestion applies. */
export function effectivePlanStatus(userStatus: PlanStatus | null, suggested: PlanStatus): PlanStatus {
  return userStatus ?? suggested;
}
