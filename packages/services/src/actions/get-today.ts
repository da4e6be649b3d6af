import type { TodayResponse } from '@ptrack/contracts';
import { addDays, type IsoDate } from '@ptrack/domain';
import { actions } from '@ptrack/storage';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { inTransaction, type ServiceContext } from '../context';
import { calendarOf, loadSettings } from '../settings';
import { actionQuery, toActionDto } from './action-dto';

const UPCOMING_DAYS = 7;

/**
 * The Monday list (PRODUCT.md, Today view): open actions due today or earlier in the workspace time
 * zone, oldest first, with partner and rep; and what comes in the next week.
 */
export async function getToday(ctx: ServiceContext): Promise<TodayResponse> {
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { today } = calendarOf(settings, ctx.now());
    const open = (until: IsoDate, from?: IsoDate) =>
      actionQuery(
        tx,
        and(eq(actions.status, 'open'), lte(actions.dueDate, until), from ? sql`${actions.dueDate} > ${from}` : undefined),
      ).orderBy(asc(actions.dueDate), asc(actions.id));
    const due = (await open(today)).map((r) => toActionDto(r, today));
    const upcoming = (await open(addDays(today, UPCOMING_DAYS), today)).map((r) => toActionDto(r, today));
    return {
      today,
      timeZone: settings.timeZone,
      overdue: due.filter((a) => a.dueDate < today).length,
      dueToday: due.filter((a) => a.dueDate === today).length,
      items: due,
      upcoming,
    };
  });
}
