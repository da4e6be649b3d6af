import type { ReferralDto } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { accounts, type Executor, referrals } from '@ptrack/storage';
import { eq, type SQL } from 'drizzle-orm';

export type ReferralRow = typeof referrals.$inferSelect;

export function referralQuery(tx: Executor, where: SQL | undefined) {
  return tx
    .select({ f: referrals, accountName: accounts.name })
    .from(referrals)
    .leftJoin(accounts, eq(accounts.id, referrals.accountId))
    .where(where);
}

export function toReferralDto(row: { f: ReferralRow; accountName: string | null }): ReferralDto {
  const { f } = row;
  return { ...f, accountName: row.accountName, createdAt: f.createdAt.toISOString(), updatedAt: f.updatedAt.toISOString() };
}

export async function loadReferralDto(tx: Executor, id: string): Promise<ReferralDto> {
  const [row] = await referralQuery(tx, eq(referrals.id, id));
  if (!row) throw AppError.notFound('referral', id);
  return toReferralDto(row);
}
