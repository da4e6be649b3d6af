import type { PlanDto } from '@ptrack/contracts';
import { AppError, type IsoDate, planProgress, suggestPlanStatus } from '@ptrack/domain';
import { activationPlans, type Executor, referrals } from '@ptrack/storage';
import { and, between, eq } from 'drizzle-orm';

export type PlanRow = typeof activationPlans.$inferSelect;

/** A plan with its progress and the suggested status beside the one the user set (docs/RULES.md). */
export async function toPlanDto(tx: Executor, plan: PlanRow, today: IsoDate): Promise<PlanDto> {
  const inWindow = await tx
    .select({ stage: referrals.stage, introducedAt: referrals.introducedAt })
    .from(referrals)
    .where(and(eq(referrals.partnerId, plan.partnerId), between(referrals.introducedAt, plan.startDate, plan.endDate)));
  const progress = planProgress(plan.metric, inWindow, { startDate: plan.startDate, endDate: plan.endDate });
  const suggestedStatus = suggestPlanStatus({
    progress,
    target: plan.target,
    startDate: plan.startDate,
    endDate: plan.endDate,
    today,
  });
  return {
    ...plan,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
    closedAt: plan.closedAt?.toISOString() ?? null,
    suggestedStatus,
    effectiveStatus: plan.status ?? suggestedStatus,
    progress,
  };
}

export async function loadPlanDto(tx: Executor, id: string, today: IsoDate): Promise<PlanDto> {
  const [plan] = await tx.select().from(activationPlans).where(eq(activationPlans.id, id));
  if (!plan) throw AppError.notFound('plan', id);
  return toPlanDto(tx, plan, today);
}
