import { partners, type Tx } from '@ptrack/storage';
import { and, isNull, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { partnerWriter } from '../writes/writers';

/**
 * A partner's `owner` becomes a user (issue 12): when a user is created, partners whose owner label is
 * that user's name or email (case-insensitive) and that have no owning user yet are given this user —
 * each as a versioned update in the partner's history. Returns how many partners were claimed.
 */
export async function claimOwnedPartners(
  tx: Tx,
  ctx: ServiceContext,
  user: { id: string; name: string; email: string },
): Promise<number> {
  const w = { tx, ctx };
  const owned = await partnerWriter.lockWhere(
    w,
    and(
      isNull(partners.ownerUserId),
      sql`lower(btrim(${partners.owner})) in (lower(btrim(${user.name})), lower(btrim(${user.email})))`,
    ),
  );
  for (const before of owned) await partnerWriter.update(w, before, { ownerUserId: user.id });
  return owned.length;
}
