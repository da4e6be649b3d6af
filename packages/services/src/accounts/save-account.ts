import type { AccountDto, CreateAccountRequest, UpdateAccountRequest } from '@ptrack/contracts';
import { AppError, normaliseCompanyName, normaliseDomain } from '@ptrack/domain';
import { accounts, type Executor, type Tx } from '@ptrack/storage';
import { and, eq, ne } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { accountWriter } from '../writes/writers';

export function toAccountDto(row: typeof accounts.$inferSelect): AccountDto {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export async function loadAccount(tx: Executor, id: string) {
  const [row] = await tx.select().from(accounts).where(eq(accounts.id, id));
  if (!row) throw AppError.notFound('account', id);
  return row;
}

/** Keys an account is matched by (docs/RULES.md: normalised domain, else normalised name). */
function keysOf(name: string, domain: string | null | undefined) {
  const domainKey = normaliseDomain(domain);
  if (domain && !domainKey) throw AppError.validation([{ field: 'domain', message: `"${domain}" is not a domain` }]);
  return { nameKey: normaliseCompanyName(name), domainKey };
}

async function assertAccountFree(tx: Tx, keys: { nameKey: string; domainKey: string | null }, exceptId?: string) {
  const except = exceptId ? ne(accounts.id, exceptId) : undefined;
  const [clash] = keys.domainKey
    ? await tx
        .select()
        .from(accounts)
        .where(and(eq(accounts.domainKey, keys.domainKey), except))
    : await tx
        .select()
        .from(accounts)
        .where(and(eq(accounts.nameKey, keys.nameKey), except));
  if (clash) {
    const field = keys.domainKey ? 'domain' : 'name';
    throw new AppError('DUPLICATE', `${field}: the account "${clash.name}" already matches`, {
      issues: [{ field, message: `the account "${clash.name}" already matches` }],
      existingId: clash.id,
    });
  }
}

export async function createAccount(ctx: ServiceContext, input: CreateAccountRequest): Promise<AccountDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const keys = keysOf(input.name, input.domain);
    await assertAccountFree(tx, keys);
    const created = await accountWriter.create({ tx, ctx }, { name: input.name, domain: input.domain ?? null, ...keys });
    return toAccountDto(created);
  });
}

export async function updateAccount(ctx: ServiceContext, id: string, input: UpdateAccountRequest): Promise<AccountDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const w = { tx, ctx };
    const current = await accountWriter.lock(w, id, {
      version: { expected: input.version, what: 'account', current: async (row) => toAccountDto(row) },
    });
    const name = input.name ?? current.name;
    const domain = input.domain === undefined ? current.domain : input.domain;
    const keys = keysOf(name, domain);
    await assertAccountFree(tx, keys, id);
    return toAccountDto(await accountWriter.update(w, current, { name, domain, ...keys }));
  });
}

/** Deletes an account no referral points at; named-account links to it go with it. */
export async function deleteAccount(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'partners:write');
  await inTransaction(ctx, async (tx) => {
    const w = { tx, ctx };
    const current = await accountWriter.lock(w, id, {
      version: { expected: expectedVersion, what: 'account', current: async (row) => toAccountDto(row) },
    });
    await accountWriter.remove(w, current);
  });
}
