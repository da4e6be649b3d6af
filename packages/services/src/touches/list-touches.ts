import type { TouchDto } from '@ptrack/contracts';
import { touches } from '@ptrack/storage';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { decodeCursor, pageOf } from '../paging';
import { toTouchDto } from './touch-dto';

export type ListTouchesQuery = {
  partnerId?: string | undefined;
  repId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
};

/** The timeline: touches of a partner or rep, newest first, in cursor pages. */
export async function listTouches(
  ctx: ServiceContext,
  query: ListTouchesQuery,
): Promise<{ items: TouchDto[]; nextCursor: string | null }> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => {
    const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : null;
    const at = after ? new Date(after[0]) : null;
    const rows = await tx
      .select()
      .from(touches)
      .where(
        and(
          query.partnerId ? eq(touches.partnerId, query.partnerId) : undefined,
          query.repId ? eq(touches.repId, query.repId) : undefined,
          after && at ? or(lt(touches.occurredAt, at), and(eq(touches.occurredAt, at), lt(touches.id, after[1]))) : undefined,
        ),
      )
      .orderBy(desc(touches.occurredAt), desc(touches.id))
      .limit(query.limit + 1);
    const page = pageOf(rows, query.limit, (t) => [t.occurredAt.toISOString(), t.id]);
    return { items: page.items.map(toTouchDto), nextCursor: page.nextCursor };
  });
}
