import { AppError } from '@ptrack/domain';
import { partners, reps, type Tx } from '@ptrack/storage';
import { eq } from 'drizzle-orm';

/**
 * Optimistic concurrency (docs/RULES.md: every record keeps a version): an update based on an older
 * version is refused with the current record, never applied over someone else's change.
 */
export async function assertVersion(
  row: { version: number },
  expected: number | undefined,
  what: string,
  current: () => Promise<unknown>,
): Promise<void> {
  if (expected === undefined || row.version === expected) return;
  throw new AppError('VERSION_CONFLICT', `The ${what} was changed by someone else (now version ${row.version})`, {
    current: await current(),
  });
}

export async function assertPartnerExists(tx: Tx, partnerId: string, field = 'partnerId'): Promise<void> {
  const [p] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
  if (!p) throw AppError.notFound('partner', partnerId, field);
}

export type Subject = { partnerId: string; rep: typeof reps.$inferSelect | null };

/**
 * The partner and optional rep a touch, action or referral is about: a rep implies its partner, and a
 * partner given with a rep must be that rep's.
 */
export async function resolveSubject(
  tx: Tx,
  input: { partnerId?: string | null | undefined; repId?: string | null | undefined },
): Promise<Subject> {
  let rep: typeof reps.$inferSelect | null = null;
  if (input.repId) {
    [rep = null] = await tx.select().from(reps).where(eq(reps.id, input.repId));
    if (!rep) throw AppError.notFound('rep', input.repId, 'repId');
    if (input.partnerId && input.partnerId !== rep.partnerId) {
      throw AppError.validation([{ field: 'repId', message: `${rep.name} is a rep of another partner` }]);
    }
  }
  const partnerId = rep?.partnerId ?? input.partnerId ?? null;
  if (!partnerId) throw AppError.validation([{ field: 'partnerId', message: 'give partnerId or repId' }]);
  await assertPartnerExists(tx, partnerId);
  return { partnerId, rep };
}
