import type { AcceptInvitationRequest, SessionState } from '@ptrack/contracts';
import { AppError, type Role } from '@ptrack/domain';
import { invitations } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';
import { type AuthRequest, betterAuthSignIn, type CookieOutcome } from '../sessions/auth-request';
import type { Identity } from '../sessions/identity';
import { claimOwnedPartners } from './claim-owned-partners';
import { pendingInvitationOf } from './invitation-dto';
import { insertUserAccount, toMe } from './user-account';

/** POST /api/invitations/accept: the invited person's account, created once, and signed in. */
export async function acceptInvitation(
  ctx: ServiceContext,
  identity: Identity,
  request: AuthRequest,
  input: AcceptInvitationRequest,
): Promise<SessionState & CookieOutcome> {
  const user = await inTransaction(ctx, async (tx) => {
    const invitation = await pendingInvitationOf(tx, input.token, ctx.now(), true);
    if (!invitation) {
      throw AppError.validation([{ field: 'token', message: 'is unknown, used or expired: ask for a new invitation' }]);
    }
    const user = await insertUserAccount(
      tx,
      {
        name: input.name,
        email: invitation.email,
        role: invitation.role as Role,
        partnerId: invitation.partnerId,
        password: input.password,
      },
      ctx.now(),
    );
    await tx.update(invitations).set({ usedAt: ctx.now() }).where(eq(invitations.id, invitation.id));
    const asUser = { ...ctx, actor: { ...ctx.actor, name: user.name, userId: user.id } };
    if (user.partnerId === null) await claimOwnedPartners(tx, asUser, user);
    await audit(asUser, 'invitation-accepted', { invitationId: invitation.id, email: user.email, role: user.role }, tx);
    return user;
  });
  const signedIn = await betterAuthSignIn(identity, request, user.email, input.password);
  return { needsSetup: false, user: toMe(user), setCookies: signedIn?.setCookies ?? [] };
}
