import type { HistoryEntryDto } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { changeHistory, partners } from '@ptrack/storage';
import { and, desc, eq, lt } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { decodeCursor, pageOf } from '../paging';

/**
 * Everything that changed on a partner and its records (reps, touches, actions, referrals, plans),
 * newest first. History outlives the partner: a deleted partner's history can still be read.
 */
export async function getPartnerHistory(
  ctx: ServiceContext,
  partnerId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: HistoryEntryDto[]; nextCursor: string | null }> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => {
    const before = query.cursor ? Number(decodeCursor(query.cursor, 1)[0]) : null;
    const rows = await tx
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.partnerId, partnerId), before !== null ? lt(changeHistory.id, before) : undefined))
      .orderBy(desc(changeHistory.id))
      .limit(query.limit + 1);
    if (rows.length === 0 && before === null) {
      const [exists] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
      if (!exists) throw AppError.notFound('partner', partnerId);
    }
    const page = pageOf(rows, query.limit, (r) => [r.id]);
    return {
      items: page.items.map((r) => ({ ...r, at: r.at.toISOString(), before: r.before ?? null, after: r.after ?? null })),
      nextCursor: page.nextCursor,
    };
  });
}
