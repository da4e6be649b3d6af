import { apiTokens, authSessions, type Executor } from '@ptrack/storage';
import { and, eq, isNull } from 'drizzle-orm';

/** Ends every session of a user and revokes their API tokens (deactivation); their history stays. */
export async function endUserAccess(tx: Executor, userId: string, now: Date): Promise<{ sessions: number; tokens: number }> {
  const sessions = await tx.delete(authSessions).where(eq(authSessions.userId, userId)).returning({ id: authSessions.id });
  const tokens = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return { sessions: sessions.length, tokens: tokens.length };
}
