import type { ActionDto, SnoozeActionRequest } from '@ptrack/contracts';
import { AppError, addDays, nextWorkingDay } from '@ptrack/domain';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { calendarOf, loadSettings } from '../settings';
import { loadActionDto } from './action-dto';
import { assertOpen, changeAction, lockAction } from './lock-action';

/**
 * Moves an open action to a later day: a given date, or a number of days from today (moved to the next
 * working day, as cadence dates are; a date the user picked stands).
 */
export async function snoozeAction(ctx: ServiceContext, id: string, input: SnoozeActionRequest): Promise<ActionDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { today } = calendarOf(settings, ctx.now());
    const current = await lockAction(tx, ctx, id, input.version, today);
    assertOpen(current, 'snoozed');
    const dueDate = input.until ?? nextWorkingDay(addDays(today, input.days ?? 1), settings.workingDays);
    if (dueDate <= today) {
      throw AppError.validation([{ field: 'until', message: `must be after today (${today})` }]);
    }
    await changeAction(tx, ctx, current, { dueDate }, settings);
    return loadActionDto(tx, id, today);
  });
}
