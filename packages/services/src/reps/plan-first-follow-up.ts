import { calendarDateOf, type IsoDate, type Tier } from '@ptrack/domain';
import { actions, type Tx, touches } from '@ptrack/storage';
import { and, eq, max } from 'drizzle-orm';
import { scheduleNextAction } from '../actions/schedule-action';
import type { ServiceContext } from '../context';
import { calendarOf, type Settings } from '../settings';

/**
 * Gives a tiered rep without an open action its first follow-up, at the tier's cadence from the rep's
 * last touch, or from today when there is none (issue 14: new reps must reach Today). Returns the new
 * action's id, or null when the rep has no tier or already has something planned.
 */
export async function planFirstFollowUp(
  tx: Tx,
  ctx: ServiceContext,
  settings: Settings,
  rep: { id: string; partnerId: string; engagementTier: Tier | null },
): Promise<string | null> {
  if (rep.engagementTier === null) return null;
  const [open] = await tx
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.repId, rep.id), eq(actions.status, 'open')))
    .limit(1);
  if (open) return null;
  const [last] = await tx
    .select({ at: max(touches.occurredAt) })
    .from(touches)
    .where(eq(touches.repId, rep.id));
  const from: IsoDate = last?.at ? calendarDateOf(last.at, settings.timeZone) : calendarOf(settings, ctx.now()).today;
  return scheduleNextAction(tx, ctx, settings, {
    partnerId: rep.partnerId,
    repId: rep.id,
    repTier: rep.engagementTier,
    from,
  });
}
