import type { ActionDto } from '@ptrack/contracts';
import { actions } from '@ptrack/storage';
import { and, asc, eq, gt, or } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { decodeCursor, pageOf } from '../paging';
import { calendarOf, loadSettings } from '../settings';
import { actionQuery, toActionDto } from './action-dto';

export type ListActionsQuery = {
  partnerId?: string | undefined;
  repId?: string | undefined;
  status?: 'open' | 'done' | 'skipped' | undefined;
  limit: number;
  cursor?: string | undefined;
};

/** Actions by due date (oldest first), filtered by partner, rep and status, in cursor pages. */
export async function listActions(
  ctx: ServiceContext,
  query: ListActionsQuery,
): Promise<{ items: ActionDto[]; nextCursor: string | null }> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => {
    const { today } = calendarOf(await loadSettings(tx), ctx.now());
    const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : null;
    const rows = await actionQuery(
      tx,
      and(
        query.partnerId ? eq(actions.partnerId, query.partnerId) : undefined,
        query.repId ? eq(actions.repId, query.repId) : undefined,
        query.status ? eq(actions.status, query.status) : undefined,
        after ? or(gt(actions.dueDate, after[0]), and(eq(actions.dueDate, after[0]), gt(actions.id, after[1]))) : undefined,
      ),
    )
      .orderBy(asc(actions.dueDate), asc(actions.id))
      .limit(query.limit + 1);
    const page = pageOf(rows, query.limit, (r) => [r.a.dueDate, r.a.id]);
    return { items: page.items.map((r) => toActionDto(r, today)), nextCursor: page.nextCursor };
  });
}
