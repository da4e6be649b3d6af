import type { RescheduleOverdueRequest, RescheduleOverdueResponse } from '@ptrack/contracts';
import { AppError, spreadOverWorkingDays } from '@ptrack/domain';
import { actions, partners } from '@ptrack/storage';
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { calendarOf, loadSettings } from '../settings';
import { actionWriter } from '../writes/writers';
import { changeAction } from './lock-action';

/**
 * Moves every overdue open action to `startDate` or later (issue 14: a stale imported backlog showed as
 * "1103 days overdue" and buried what is due today). Oldest first, `perDay` a working day when given,
 * else all on the first working day from `startDate`. One transaction; each move is in the history.
 */
export async function rescheduleOverdue(
  ctx: ServiceContext,
  input: RescheduleOverdueRequest,
): Promise<RescheduleOverdueResponse> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    // A manager bound to their own partners moves only those partners' actions.
    const ownOnly = ctx.actor.role === 'manager' && settings.managersEditOwnPartnersOnly;
    const owned = tx
      .select({ id: partners.id })
      .from(partners)
      .where(eq(partners.ownerUserId, ctx.actor.userId ?? '00000000-0000-0000-0000-000000000000'));
    const { today } = calendarOf(settings, ctx.now());
    if (input.startDate < today) {
      throw AppError.validation([{ field: 'startDate', message: `must be today (${today}) or later` }]);
    }
    const overdue = await actionWriter.lockWhere(
      { tx, ctx, settings },
      and(eq(actions.status, 'open'), lt(actions.dueDate, today), ownOnly ? inArray(actions.partnerId, owned) : undefined),
      [asc(actions.dueDate), asc(actions.id)],
    );
    const days = spreadOverWorkingDays(
      overdue.length,
      input.startDate,
      input.perDay ?? Math.max(1, overdue.length),
      settings.workingDays,
    );
    for (const [i, action] of overdue.entries()) {
      const dueDate = days[i];
      if (dueDate) await changeAction(tx, ctx, action, { dueDate }, settings);
    }
    return { moved: overdue.length, firstDate: days[0] ?? null, lastDate: days.at(-1) ?? null };
  });
}
