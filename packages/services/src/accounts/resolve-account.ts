import { AppError, normaliseCompanyName, normaliseDomain } from '@ptrack/domain';
import { accounts, type Tx } from '@ptrack/storage';
import { and, eq, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { accountWriter } from '../writes/writers';

export type AccountInput = string | { name: string; domain?: string | null | undefined } | { id: string };

/**
 * Finds the account a person meant, or creates it (docs/RULES.md: matching by normalised domain, else
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
      return accountWriter.update({ tx, ctx }, byNameNoDomain, { domain, domainKey });
    }
  } else {
    const [byName] = await tx.select().from(accounts).where(eq(accounts.nameKey, nameKey)).orderBy(accounts.createdAt).limit(1);
    if (byName) return byName;
  }
  return accountWriter.create({ tx, ctx }, { name, domain, nameKey, domainKey });
}
