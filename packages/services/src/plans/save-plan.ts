import type { CreatePlanRequest, PlanDto, UpdatePlanRequest } from '@ptrack/contracts';
import { AppError, DateRangeError, PLAN_DURATION_DAYS, planEndDate } from '@ptrack/domain';
import { activationPlans } from '@ptrack/storage';
import { and, eq } from 'drizzle-orm';
import { authorize, partnerScope } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { assertPartnerExists } from '../records';
import { calendarOf, loadSettings } from '../settings';
import { planWriter } from '../writes/writers';
import { loadPlanDto, toPlanDto } from './plan-dto';

/**
 * Starts a partner's 90-day test (docs/RULES.md: at most one current plan; past ones are kept). The plan
 * it replaces is closed with the status it had, so history shows how each test ended.
 */
export async function createPlan(ctx: ServiceContext, input: CreatePlanRequest): Promise<PlanDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { today } = calendarOf(settings, ctx.now());
    await assertPartnerExists(tx, input.partnerId);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, input.partnerId));
    const w = { tx, ctx, settings };
    const [previous] = await planWriter.lockWhere(
      w,
      and(eq(activationPlans.partnerId, input.partnerId), eq(activationPlans.isCurrent, true)),
    );
    if (previous) {
      const final = await toPlanDto(tx, previous, today);
      await planWriter.update(w, previous, { isCurrent: false, closedAt: ctx.now(), status: final.effectiveStatus });
    }
    const startDate = input.startDate ?? today;
    const created = await planWriter.create(w, {
      partnerId: input.partnerId,
      goal: input.goal,
      metric: input.metric,
      target: input.target,
      startDate,
      endDate: endOfPlan(startDate),
      status: input.status ?? null,
      isCurrent: true,
    });
    return toPlanDto(tx, created, today);
  });
}

export async function updatePlan(ctx: ServiceContext, id: string, input: UpdatePlanRequest): Promise<PlanDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { today } = calendarOf(settings, ctx.now());
    const w = { tx, ctx, settings };
    const current = await planWriter.lock(w, id, {
      guard: async (row) => authorize(ctx, 'partners:write', await partnerScope(ctx, tx, row.partnerId)),
      version: { expected: input.version, what: 'plan', current: () => loadPlanDto(tx, id, today) },
    });
    const { version: _version, ...fields } = input;
    const startDate = fields.startDate ?? current.startDate;
    // a new start moves the end with it unless an end is given (docs/RULES.md: end = start + 90 days)
    const endDate = fields.endDate ?? (fields.startDate ? endOfPlan(startDate) : current.endDate);
    if (endDate <= startDate)
      throw AppError.validation([{ field: 'endDate', message: `must be after the start date ${startDate}` }]);
    const updated = await planWriter.update(w, current, { ...fields, startDate, endDate });
    return toPlanDto(tx, updated, today);
  });
}

export async function deletePlan(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'partners:write');
  await inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const w = { tx, ctx, settings };
    const current = await planWriter.lock(w, id, {
      guard: async (row) => authorize(ctx, 'partners:write', await partnerScope(ctx, tx, row.partnerId)),
      version: {
        expected: expectedVersion,
        what: 'plan',
        current: () => loadPlanDto(tx, id, calendarOf(settings, ctx.now()).today),
      },
    });
    await planWriter.remove(w, current);
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
