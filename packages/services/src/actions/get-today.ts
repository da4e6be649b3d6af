import type { TodayActionDto, TodayQuery, TodayResponse } from '@ptrack/contracts';
import { addDays, type IsoDate } from '@ptrack/domain';
import { actions, OPEN_DUE_DAY, partners, queryRows } from '@ptrack/storage';
import { and, asc, eq, gt, lt, lte, or, sql } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { decodeCursor, pageOf } from '../paging';
import { calendarOf, loadSettings, type Settings } from '../settings';
import { actionQuery, toActionDto } from './action-dto';
import { suggestedFollowUp } from './suggested-follow-up';

const UPCOMING_DAYS = 7;
const UPCOMING_LIMIT = 50;
const DUE_TODAY_LIMIT = 200;

type ActionRow = Parameters<typeof toActionDto>[0];

/** A listed action with the follow-up Done today would schedule for its rep (none without a rep). */
function toTodayActionDto(row: ActionRow, settings: Settings, today: IsoDate): TodayActionDto {
  const next = row.a.repId
    ? suggestedFollowUp(settings, today, row.rep?.engagementTier ?? null)
    : { suggestedNextDueDate: null, cadenceDays: null, cadenceTier: null };
  return { ...toActionDto(row, today), ...next };
}

/**
 * The Monday list (docs/RULES.md, Today view): open actions due today or earlier in the workspace time
 * zone, oldest first, with partner and rep, a page at a time; the counts of all of them; and the first
 * of what comes in the next week.
 */
export async function getToday(
  ctx: ServiceContext,
  query: Omit<TodayQuery, 'due'> & { due?: TodayQuery['due'] } = { limit: 100 },
): Promise<TodayResponse> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { today } = calendarOf(settings, ctx.now());
    const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : null;
    const rows = await actionQuery(
      tx,
      and(
        eq(actions.status, 'open'),
        query.due === 'overdue' ? lt(actions.dueDate, today) : lte(actions.dueDate, today),
        after ? or(gt(actions.dueDate, after[0]), and(eq(actions.dueDate, after[0]), gt(actions.id, after[1]))) : undefined,
      ),
    )
      .orderBy(asc(actions.dueDate), asc(actions.id))
      .limit(query.limit + 1);
    const page = pageOf(rows, query.limit, (r) => [r.a.dueDate, r.a.id]);
    const dueTodayItems = await actionQuery(tx, and(eq(actions.status, 'open'), eq(actions.dueDate, today)))
      .orderBy(asc(partners.name), asc(actions.id))
      .limit(DUE_TODAY_LIMIT);
    const upcoming = await actionQuery(
      tx,
      and(
        eq(actions.status, 'open'),
        sql`${actions.dueDate} > ${today}::date`,
        lte(actions.dueDate, addDays(today, UPCOMING_DAYS)),
      ),
    )
      .orderBy(asc(actions.dueDate), asc(actions.id))
      .limit(UPCOMING_LIMIT);
    const [counts] = await queryRows<{ overdue: number; due_today: number }>(
      tx,
      sql`select count(*) filter (where ${OPEN_DUE_DAY} < ${today}::date)::int as overdue,
                 count(*) filter (where ${OPEN_DUE_DAY} = ${today}::date)::int as due_today
          from actions where ${OPEN_DUE_DAY} <= ${today}::date`,
    );
    const toDto = (row: ActionRow) => toTodayActionDto(row, settings, today);
    return {
      today,
      timeZone: settings.timeZone,
      overdue: Number(counts?.overdue ?? 0),
      dueToday: Number(counts?.due_today ?? 0),
      items: page.items.map(toDto),
      nextCursor: page.nextCursor,
      dueTodayItems: dueTodayItems.map(toDto),
      upcoming: upcoming.map(toDto),
    };
  });
}
