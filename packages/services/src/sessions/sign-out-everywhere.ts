import { authSessions } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { audit } from '../audit/audit';
import type { ServiceContext } from '../context';
import { type AuthRequest, type CookieOutcome, setCookiesOf } from './auth-request';
import type { Identity } from './identity';
import { signedInUserOf } from './list-sessions';

/** DELETE /api/sessions: ends every session of the signed-in user, this one included. */
export async function signOutEverywhere(ctx: ServiceContext, identity: Identity, request: AuthRequest): Promise<CookieOutcome> {
  const userId = signedInUserOf(ctx);
  // better-auth clears this session's cookie; the rest of the user's sessions are deleted with it.
  const { headers } = await (await identity.auth()).api.signOut({ headers: request.headers, returnHeaders: true });
  const deleted = await ctx.database.db
    .delete(authSessions)
    .where(eq(authSessions.userId, userId))
    .returning({ id: authSessions.id });
  await audit(ctx, 'sessions-revoked', { sessions: deleted.length + (ctx.actor.sessionId ? 1 : 0), everywhere: true });
  return { setCookies: setCookiesOf(headers) };
}
