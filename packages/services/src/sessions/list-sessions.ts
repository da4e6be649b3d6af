import type { SessionList } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { authSessions } from '@ptrack/storage';
import { and, desc, eq, gt } from 'drizzle-orm';
import type { ServiceContext } from '../context';

export function signedInUserOf(ctx: ServiceContext): string {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('NOT_ALLOWED', 'Only a signed-in user has sessions and tokens');
  return userId;
}

/** GET /api/sessions: the signed-in user's own sessions, this one marked `current`. */
export async function listSessions(ctx: ServiceContext): Promise<SessionList> {
  const userId = signedInUserOf(ctx);
  const rows = await ctx.database.db
    .select()
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), gt(authSessions.expiresAt, ctx.now())))
    .orderBy(desc(authSessions.updatedAt));
  return {
    items: rows.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.updatedAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      userAgent: s.userAgent,
      ipAddress: s.ipAddress,
      current: s.id === ctx.actor.sessionId,
    })),
  };
}
