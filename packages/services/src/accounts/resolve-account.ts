import { AppError, normaliseCompanyName, normaliseDomain } from '@ptrack/domain';
import { accounts, type Tx } from '@ptrack/storage';
import { and, eq, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { recordChange } from '../history';

export type AccountInput = string | { name: string; domain?: string | null | undefined } | { id: string };

/**
 * Finds the account a person meant, or creates it (PRODUCT.md: matching by normalised domain, else
 * normalised name). A name alone matches an existing account of that name whatever its domain.
 */
export async function resolveAccount(tx: Tx, ctx: ServiceContext, input: AccountInput, field: string) {
  if (typeof input === 'object' && 'id' in input) {
    const [found] = await tx.select().from(accounts).where(eq(accounts.id, input.id));
    if (!found) throw AppError.notFound('account', input.id, field);
    return found;
  }
  const name = (typeof input === 'string' ? input : input.name).trim();
  const domain = typeof input === 'string' ? null : (input.domain ?? null);
  const domainKey = normaliseDomain(domain);
  if (domain && !domainKey) throw AppError.validation([{ field: `${field}.domain`, message: `"${domain}" is not a domain` }]);
  const nameKey = normaliseCompanyName(name);
  if (domainKey) {
    const [byDomain] = await tx.select().from(accounts).where(eq(accounts.domainKey, domainKey));
    if (byDomain) return byDomain;
    const [byNameNoDomain] = await tx
      .select()
      .from(accounts)
      .where(and(eq(accounts.nameKey, nameKey), isNull(accounts.domainKey)))
      .limit(1);
    if (byNameNoDomain) {
      const [updated] = await tx
        .update(accounts)
        .set({ domain, domainKey, version: byNameNoDomain.version + 1, updatedAt: ctx.now() })
        .where(eq(accounts.id, byNameNoDomain.id))
        .returning();
      await recordChange(tx, ctx, {
        entityType: 'account',
        entityId: byNameNoDomain.id,
        partnerId: null,
        operation: 'update',
        before: byNameNoDomain,
        after: updated!,
      });
      return updated!;
    }
  } else {
    const [byName] = await tx.select().from(accounts).where(eq(accounts.nameKey, nameKey)).orderBy(accounts.createdAt).limit(1);
    if (byName) return byName;
  }
  const [created] = await tx.insert(accounts).values({ name, domain, nameKey, domainKey }).returning();
  await recordChange(tx, ctx, {
    entityType: 'account',
    entityId: created!.id,
    partnerId: null,
    operation: 'create',
    after: created!,
  });
  return created!;
}
