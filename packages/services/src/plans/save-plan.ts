import type { CreatePlanRequest, PlanDto, UpdatePlanRequest } from '@ptrack/contracts';
import { AppError, DateRangeError, PLAN_DURATION_DAYS, planEndDate } from '@ptrack/domain';
import { activationPlans, refreshStats } from '@ptrack/storage';
import { and, eq } from 'drizzle-orm';
import { authorize, partnerScope } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { recordChange } from '../history';
import { assertPartnerExists, assertVersion } from '../records';
import { calendarOf, loadSettings, statsClock } from '../settings';
import { loadPlanDto, toPlanDto } from './plan-dto';

/**
 * Starts a partner's 90-day test (PRODUCT.md: at most one current plan; past ones are kept). The plan
 * it replaces is closed with the status it had, so history shows how each test ended.
 */
export async function createPlan(ctx: ServiceContext, input: CreatePlanRequest): Promise<PlanDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { today } = calendarOf(settings, ctx.now());
    await assertPartnerExists(tx, input.partnerId);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, input.partnerId));
    const [previous] = await tx
      .select()
      .from(activationPlans)
      .where(and(eq(activationPlans.partnerId, input.partnerId), eq(activationPlans.isCurrent, true)))
      .for('update');
    if (previous) {
      const final = await toPlanDto(tx, previous, today);
      const [closed] = await tx
        .update(activationPlans)
        .set({
          isCurrent: false,
          closedAt: ctx.now(),
          status: final.effectiveStatus,
          version: previous.version + 1,
          updatedAt: ctx.now(),
        })
        .where(eq(activationPlans.id, previous.id))
        .returning();
      await recordChange(tx, ctx, {
        entityType: 'plan',
        entityId: previous.id,
        partnerId: input.partnerId,
        operation: 'update',
        before: previous,
        after: closed!,
      });
    }
    const startDate = input.startDate ?? today;
    const [created] = await tx
      .insert(activationPlans)
      .values({
        partnerId: input.partnerId,
        goal: input.goal,
        metric: input.metric,
        target: input.target,
        startDate,
        endDate: endOfPlan(startDate),
        status: input.status ?? null,
        isCurrent: true,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await recordChange(tx, ctx, {
      entityType: 'plan',
      entityId: created!.id,
      partnerId: input.partnerId,
      operation: 'create',
      after: created!,
    });
    await refreshStats(tx, { partnerId: input.partnerId, reps: 'none', ...statsClock(settings, ctx.now()) });
    return toPlanDto(tx, created!, today);
  });
}

export async function updatePlan(ctx: ServiceContext, id: string, input: UpdatePlanRequest): Promise<PlanDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { today } = calendarOf(settings, ctx.now());
    const [current] = await tx.select().from(activationPlans).where(eq(activationPlans.id, id)).for('update');
    if (!current) throw AppError.notFound('plan', id);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, current.partnerId));
    await assertVersion(current, input.version, 'plan', () => loadPlanDto(tx, id, today));
    const { version, ...fields } = input;
    const startDate = fields.startDate ?? current.startDate;
    // a new start moves the end with it unless an end is given (PRODUCT.md: end = start + 90 days)
    const endDate = fields.endDate ?? (fields.startDate ? endOfPlan(startDate) : current.endDate);
    if (endDate <= startDate)
      throw AppError.validation([{ field: 'endDate', message: `must be after the start date ${startDate}` }]);
    const [updated] = await tx
      .update(activationPlans)
      .set({ ...fields, startDate, endDate, version: version + 1, updatedAt: ctx.now() })
      .where(eq(activationPlans.id, id))
      .returning();
    await recordChange(tx, ctx, {
      entityType: 'plan',
      entityId: id,
      partnerId: current.partnerId,
      operation: 'update',
      before: current,
      after: updated!,
    });
    await refreshStats(tx, { partnerId: current.partnerId, reps: 'none', ...statsClock(settings, ctx.now()) });
    return toPlanDto(tx, updated!, today);
  });
}

export async function deletePlan(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'partners:write');
  await inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const [current] = await tx.select().from(activationPlans).where(eq(activationPlans.id, id)).for('update');
    if (!current) throw AppError.notFound('plan', id);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, current.partnerId));
    await assertVersion(current, expectedVersion, 'plan', () => loadPlanDto(tx, id, calendarOf(settings, ctx.now()).today));
    await tx.delete(activationPlans).where(eq(activationPlans.id, id));
    await recordChange(tx, ctx, {
      entityType: 'plan',
      entityId: id,
      partnerId: current.partnerId,
      operation: 'delete',
      before: current,
    });
    await refreshStats(tx, { partnerId: current.partnerId, reps: 'none', ...statsClock(settings, ctx.now()) });
  });
}

/** The end of a plan starting on `startDate`; a start too late for its end to be a date is a 400 on it. */
function endOfPlan(startDate: string): string {
  try {
    return planEndDate(startDate);
  } catch (error) {
    if (!(error instanceof DateRangeError)) throw error;
    throw AppError.validation([
      { field: 'startDate', message: `must be early enough for the plan's ${PLAN_DURATION_DAYS} days to end by 9999-12-31` },
    ]);
  }
}
