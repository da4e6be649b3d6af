import { partners, type Tx } from '@ptrack/storage';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { recordChange } from '../history';

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
  const owned = await tx
    .select()
    .from(partners)
    .where(
      and(
        isNull(partners.ownerUserId),
        sql`lower(btrim(${partners.owner})) in (lower(btrim(${user.name})), lower(btrim(${user.email})))`,
      ),
    )
    .for('update');
  for (const before of owned) {
    const [after] = await tx
      .update(partners)
      .set({ ownerUserId: user.id, version: before.version + 1, updatedAt: ctx.now() })
      .where(eq(partners.id, before.id))
      .returning();
    if (after)
      await recordChange(tx, ctx, {
        entityType: 'partner',
        entityId: before.id,
        partnerId: before.id,
        operation: 'update',
        before,
        after,
      });
  }
  return owned.length;
}
