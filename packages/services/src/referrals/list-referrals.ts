import type { ReferralDto } from '@ptrack/contracts';
import { referrals } from '@ptrack/storage';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { decodeCursor, pageOf } from '../paging';
import { loadReferralDto, referralQuery, toReferralDto } from './referral-dto';

export async function getReferral(ctx: ServiceContext, id: string): Promise<ReferralDto> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, (tx) => loadReferralDto(tx, id));
}

export type ListReferralsQuery = {
  partnerId?: string | undefined;
  repId?: string | undefined;
  stage?: ReferralDto['stage'] | undefined;
  limit: number;
  cursor?: string | undefined;
};

/** Referrals, newest intro first, filtered by partner, rep and stage. */
export async function listReferrals(
  ctx: ServiceContext,
  query: ListReferralsQuery,
): Promise<{ items: ReferralDto[]; nextCursor: string | null }> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => {
    const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : null;
    const rows = await referralQuery(
      tx,
      and(
        query.partnerId ? eq(referrals.partnerId, query.partnerId) : undefined,
        query.repId ? eq(referrals.repId, query.repId) : undefined,
        query.stage ? eq(referrals.stage, query.stage) : undefined,
        after
          ? or(lt(referrals.introducedAt, after[0]), and(eq(referrals.introducedAt, after[0]), lt(referrals.id, after[1])))
          : undefined,
      ),
    )
      .orderBy(desc(referrals.introducedAt), desc(referrals.id))
      .limit(query.limit + 1);
    const page = pageOf(rows, query.limit, (r) => [r.f.introducedAt, r.f.id]);
    return { items: page.items.map(toReferralDto), nextCursor: page.nextCursor };
  });
}
