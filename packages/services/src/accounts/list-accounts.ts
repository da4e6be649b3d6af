import type { AccountDto } from '@ptrack/contracts';
import { accounts } from '@ptrack/storage';
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { decodeCursor, pageOf } from '../paging';
import { loadAccount, toAccountDto } from './save-account';

export async function getAccount(ctx: ServiceContext, id: string): Promise<AccountDto> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => toAccountDto(await loadAccount(tx, id)));
}

/** Accounts by name, optionally those whose name or domain contains `q`. */
export async function listAccounts(
  ctx: ServiceContext,
  query: { q?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: AccountDto[]; nextCursor: string | null }> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => {
    const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : null;
    const rows = await tx
      .select()
      .from(accounts)
      .where(
        and(
          query.q
            ? sql`strpos(lower(${accounts.name} || ' ' || coalesce(${accounts.domain}, '')), lower(${query.q}::text)) > 0`
            : undefined,
          after ? or(gt(accounts.nameKey, after[0]), and(eq(accounts.nameKey, after[0]), gt(accounts.id, after[1]))) : undefined,
        ),
      )
      .orderBy(asc(accounts.nameKey), asc(accounts.id))
      .limit(query.limit + 1);
    const page = pageOf(rows, query.limit, (a) => [a.nameKey, a.id]);
    return { items: page.items.map(toAccountDto), nextCursor: page.nextCursor };
  });
}
