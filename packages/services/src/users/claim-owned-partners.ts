import type { Executor } from '@ptrack/storage';
import { sql } from 'drizzle-orm';

/**
 * Issue 12: a partner's `owner` becomes a user. When a user is created, partners whose owner label is
 * that user's name or email (case-insensitive) and that have no owning user yet are given this user.
 * Needs `partners.owner_user_id` (the policy work adds it); returns how many partners were claimed.
 */
export async function claimOwnedPartners(tx: Executor, user: { id: string; name: string; email: string }): Promise<number> {
  const claimed = await tx.execute(sql`
    update partners set owner_user_id = ${user.id}
    where owner_user_id is null
      and lower(btrim(owner)) in (lower(btrim(${user.name})), lower(btrim(${user.email})))
    returning id`);
  const rows = (claimed as unknown as { rows?: unknown[] }).rows;
  return rows?.length ?? 0;
}
