import type { CompletePasswordResetRequest } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { authAccounts, authSessions, authVerifications, users } from '@ptrack/storage';
import { and, eq, gt } from 'drizzle-orm';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';
import { hashPassword, hashToken } from '../sessions/identity';
import { RESET_IDENTIFIER } from './password-reset-link';
import { CREDENTIAL_PROVIDER } from './user-account';

const badToken = () => AppError.validation([{ field: 'token', message: 'is unknown, used or expired: ask for a new link' }]);

/** POST /api/password-reset/complete: a valid link sets the new password, once; other sessions end. */
export async function completePasswordReset(ctx: ServiceContext, input: CompletePasswordResetRequest): Promise<void> {
  const now = ctx.now();
  await inTransaction(ctx, async (tx) => {
    const [link] = await tx
      .delete(authVerifications)
      .where(
        and(
          eq(authVerifications.identifier, `${RESET_IDENTIFIER}${hashToken(input.token)}`),
          gt(authVerifications.expiresAt, now),
        ),
      )
      .returning();
    if (!link) throw badToken();
    const [user] = await tx.select().from(users).where(eq(users.id, link.value));
    if (!user?.active) throw badToken();
    const password = await hashPassword(input.password);
    const updated = await tx
      .update(authAccounts)
      .set({ password, updatedAt: now })
      .where(and(eq(authAccounts.userId, user.id), eq(authAccounts.providerId, CREDENTIAL_PROVIDER)))
      .returning({ id: authAccounts.id });
    if (updated.length === 0) {
      await tx.insert(authAccounts).values({
        accountId: user.id,
        providerId: CREDENTIAL_PROVIDER,
        userId: user.id,
        password,
        createdAt: now,
        updatedAt: now,
      });
    }
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.delete(authSessions).where(eq(authSessions.userId, user.id));
    await audit(
      { ...ctx, actor: { ...ctx.actor, name: user.name, userId: user.id } },
      'password-reset',
      { email: user.email },
      tx,
    );
  });
}
