import type { CreatedInvitation, InviteUserRequest } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { invitations, partners, users } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';
import { hashToken, newToken } from '../sessions/identity';
import { INVITATION_MS, invitationUrl, toInvitationDto } from './invitation-dto';
import { sendAccountEmail } from './send-account-email';
import { checkRolePartner, normaliseEmail } from './user-account';

/** POST /api/invitations: a link valid 7 days, emailed when SMTP is configured, else shown to copy. */
export async function inviteUser(ctx: ServiceContext, input: InviteUserRequest, linkBase: string): Promise<CreatedInvitation> {
  authorize(ctx, 'users:manage');
  checkRolePartner(input.role, input.partnerId);
  const email = normaliseEmail(input.email);
  const token = newToken();
  const row = await inTransaction(ctx, async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) {
      throw new AppError('DUPLICATE', 'email: a user with this email already exists', {
        issues: [{ field: 'email', message: 'a user with this email already exists' }],
      });
    }
    if (input.partnerId) {
      const [partner] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId));
      if (!partner) throw AppError.notFound('partner', input.partnerId, 'partnerId');
    }
    const now = ctx.now();
    const [created] = await tx
      .insert(invitations)
      .values({
        email,
        name: input.name ?? null,
        role: input.role,
        partnerId: input.partnerId ?? null,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + INVITATION_MS),
        invitedBy: ctx.actor.name,
        invitedByUserId: ctx.actor.userId,
        createdAt: now,
      })
      .returning();
    if (!created) throw new Error('the invitation was not stored');
    await audit(
      ctx,
      'invitation-created',
      { invitationId: created.id, email, role: input.role, partnerId: created.partnerId },
      tx,
    );
    return created;
  });
  const url = invitationUrl(linkBase, token);
  const emailed = await sendAccountEmail(ctx.database, {
    to: email,
    subject: `${ctx.actor.name} invited you to Partner Tracker`,
    lines: [
      `${ctx.actor.name} invited you to Partner Tracker as ${input.role}.`,
      'Use this link within 7 days to choose your password:',
    ],
    url,
  });
  return { ...toInvitationDto(row), url, emailed };
}
