import type { PlanDto } from '@ptrack/contracts';
import { activationPlans } from '@ptrack/storage';
import { desc, eq } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { assertPartnerExists } from '../records';
import { calendarOf, loadSettings } from '../settings';
import { loadPlanDto, toPlanDto } from './plan-dto';

export async function getPlan(ctx: ServiceContext, id: string): Promise<PlanDto> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => loadPlanDto(tx, id, calendarOf(await loadSettings(tx), ctx.now()).today));
}

/** A partner's current plan first, then its past plans, newest first. */
export async function listPlans(ctx: ServiceContext, query: { partnerId: string }): Promise<{ items: PlanDto[] }> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => {
    await assertPartnerExists(tx, query.partnerId);
    const { today } = calendarOf(await loadSettings(tx), ctx.now());
    const rows = await tx
      .select()
      .from(activationPlans)
      .where(eq(activationPlans.partnerId, query.partnerId))
      .orderBy(desc(activationPlans.isCurrent), desc(activationPlans.startDate), desc(activationPlans.createdAt));
    const items: PlanDto[] = [];
    for (const row of rows) items.push(await toPlanDto(tx, row, today));
    return { items };
  });
}
