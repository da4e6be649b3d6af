import { AppError } from '@ptrack/domain';
import { apiTokens } from '@ptrack/storage';
import { and, eq, isNull } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';

/** DELETE /api/tokens/{id}: its owner, or an admin, revokes a token; it stops working at once. */
export async function revokeToken(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [token] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
    if (!token) throw AppError.notFound('token', id);
    if (token.userId !== ctx.actor.userId) authorize(ctx, 'users:manage');
    await tx.update(apiTokens).set({ revokedAt: ctx.now() }).where(eq(apiTokens.id, id));
    await audit(ctx, 'token-revoked', { tokenId: id, name: token.name, ownerUserId: token.userId }, tx);
  });
}
