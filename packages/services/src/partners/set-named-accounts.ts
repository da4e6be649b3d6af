import { accounts, partnerNamedAccounts, type Tx } from '@ptrack/storage';
import { asc, eq } from 'drizzle-orm';
import { type AccountInput, resolveAccount } from '../accounts/resolve-account';
import type { ServiceContext } from '../context';

/** Replaces a partner's named accounts (qualification question 2), keeping the order given. */
export async function setNamedAccounts(
  tx: Tx,
  ctx: ServiceContext,
  partnerId: string,
  inputs: AccountInput[],
): Promise<string[]> {
  await tx.delete(partnerNamedAccounts).where(eq(partnerNamedAccounts.partnerId, partnerId));
  const names: string[] = [];
  const seen = new Set<string>();
  for (const [i, input] of inputs.entries()) {
    const account = await resolveAccount(tx, ctx, input, `namedAccounts.${i}`);
    if (seen.has(account.id)) continue; // the same account named twice counts once
    seen.add(account.id);
    names.push(account.name);
    await tx.insert(partnerNamedAccounts).values({ partnerId, accountId: account.id, position: names.length - 1 });
  }
  return names;
}

export async function namedAccountNames(tx: Tx, partnerId: string): Promise<string[]> {
  const rows = await tx
    .select({ name: accounts.name })
    .from(partnerNamedAccounts)
    .innerJoin(accounts, eq(accounts.id, partnerNamedAccounts.accountId))
    .where(eq(partnerNamedAccounts.partnerId, partnerId))
    .orderBy(asc(partnerNamedAccounts.position));
  return rows.map((r) => r.name);
}
