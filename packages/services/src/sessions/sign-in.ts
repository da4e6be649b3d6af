import type { SessionState, SignInRequest } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { users } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { audit } from '../audit/audit';
import type { ServiceContext } from '../context';
import { normaliseEmail, toMe } from '../users/user-account';
import { type AuthRequest, betterAuthSignIn, type CookieOutcome, WRONG_CREDENTIALS } from './auth-request';
import type { Identity } from './identity';

// Per-account lockout: after this many consecutive failures sign-in is refused for a minute, then the
// wait doubles with each further failure, up to an hour.
export const LOCKOUT_AFTER_FAILURES = 5;
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 3600;

export function lockSeconds(failures: number): number {
  if (failures < LOCKOUT_AFTER_FAILURES) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - LOCKOUT_AFTER_FAILURES));
}

/** Email + password → a session cookie; wrong → 401 (audited), too many failures → 429 with Retry-After. */
export async function signIn(
  ctx: ServiceContext,
  identity: Identity,
  request: AuthRequest,
  input: SignInRequest,
): Promise<SessionState & CookieOutcome> {
  const email = normaliseEmail(input.email);
  const now = ctx.now();
  const [user] = await ctx.database.db.select().from(users).where(eq(users.email, email));
  const failed = async (reason: string) => {
    await audit({ ...ctx, actor: { ...ctx.actor, name: user?.name ?? email, userId: user?.id ?? null } }, 'sign-in-failed', {
      email,
      reason,
    });
  };
  if (user?.lockedUntil && user.lockedUntil > now) {
    await failed('locked');
    throw new AppError('RATE_LIMITED', 'Too many failed sign-ins: wait before trying again', {
      retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }
  if (!user?.active) {
    await failed(user ? 'inactive' : 'unknown email');
    throw WRONG_CREDENTIALS();
  }
  const signedIn = await betterAuthSignIn(identity, request, email, input.password);
  if (!signedIn) {
    const failures = user.failedSignIns + 1;
    const lock = lockSeconds(failures);
    await ctx.database.db
      .update(users)
      .set({ failedSignIns: failures, lockedUntil: lock > 0 ? new Date(now.getTime() + lock * 1000) : null })
      .where(eq(users.id, user.id));
    await failed('wrong password');
    throw WRONG_CREDENTIALS();
  }
  const [updated] = await ctx.database.db
    .update(users)
    .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now })
    .where(eq(users.id, user.id))
    .returning();
  await audit({ ...ctx, actor: { ...ctx.actor, name: user.name, userId: user.id } }, 'sign-in', { email });
  return { needsSetup: false, user: toMe(updated ?? user), setCookies: signedIn.setCookies };
}
