import type { SessionState } from '@ptrack/contracts';
import { users } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import type { Actor, ServiceContext } from '../context';
import { anyUserExists, toMe } from '../users/user-account';

/** GET /api/session: whether the first run is still to do, and who is signed in (null: nobody). */
export async function getSessionState(ctx: Pick<ServiceContext, 'database'>, actor: Actor | null): Promise<SessionState> {
  if (actor?.userId) {
    const [user] = await ctx.database.db.select().from(users).where(eq(users.id, actor.userId));
    if (user) return { needsSetup: false, user: toMe(user, actor.readOnly ?? false) };
  }
  return { needsSetup: !(await anyUserExists(ctx.database.db)), user: null };
}
