import { AppError } from '@ptrack/domain';
import { authSessions } from '@ptrack/storage';
import { and, eq } from 'drizzle-orm';
import { audit } from '../audit/audit';
import type { ServiceContext } from '../context';
import { signedInUserOf } from './list-sessions';

/** DELETE /api/sessions/{id}: ends one of the signed-in user's own sessions. */
export async function revokeSession(ctx: ServiceContext, sessionId: string): Promise<void> {
  const userId = signedInUserOf(ctx);
  const deleted = await ctx.database.db
    .delete(authSessions)
    .where(and(eq(authSessions.id, sessionId), eq(authSessions.userId, userId)))
    .returning({ id: authSessions.id });
  if (deleted.length === 0) throw AppError.notFound('session', sessionId);
  await audit(ctx, 'sessions-revoked', { sessions: 1 });
}
