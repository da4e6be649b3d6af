import type { SessionState, SetupRequest } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { sql } from 'drizzle-orm';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';
import { type AuthRequest, betterAuthSignIn, type CookieOutcome } from '../sessions/auth-request';
import type { Identity } from '../sessions/identity';
import { claimOwnedPartners } from './claim-owned-partners';
import { anyUserExists, insertUserAccount, toMe, type UserRow } from './user-account';

// Serialises first-run set-ups on PostgreSQL (PGlite runs one transaction at a time anyway).
const SETUP_LOCK_KEY = 7_402_118_312;

/** Creates the first admin while no user exists (two at once: one wins, the other gets 409). */
export async function createFirstAdmin(ctx: ServiceContext, input: SetupRequest): Promise<UserRow> {
  return inTransaction(ctx, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    if (await anyUserExists(tx)) {
      throw new AppError('CONFLICTING_STATE', 'The first admin already exists: sign in instead');
    }
    const user = await insertUserAccount(tx, { ...input, role: 'admin', partnerId: null }, ctx.now());
    const asUser = { ...ctx, actor: { ...ctx.actor, name: user.name, userId: user.id } };
    await claimOwnedPartners(tx, asUser, user);
    await audit(asUser, 'setup', { email: user.email }, tx);
    return user;
  });
}

/** POST /api/setup: the first admin, signed in. */
export async function setupFirstAdmin(
  ctx: ServiceContext,
  identity: Identity,
  request: AuthRequest,
  input: SetupRequest,
): Promise<SessionState & CookieOutcome> {
  const user = await createFirstAdmin(ctx, input);
  const signedIn = await betterAuthSignIn(identity, request, user.email, input.password);
  return { needsSetup: false, user: toMe(user), setCookies: signedIn?.setCookies ?? [] };
}
