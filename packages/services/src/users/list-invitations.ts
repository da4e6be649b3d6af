import type { InvitationList } from '@ptrack/contracts';
import { invitations } from '@ptrack/storage';
import { and, desc, gt, isNull } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import type { ServiceContext } from '../context';
import { toInvitationDto } from './invitation-dto';

/** GET /api/invitations: the pending ones (not used, revoked or expired), newest first. */
export async function listInvitations(ctx: ServiceContext): Promise<InvitationList> {
  authorize(ctx, 'users:manage');
  const rows = await ctx.database.db
    .select()
    .from(invitations)
    .where(and(isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, ctx.now())))
    .orderBy(desc(invitations.createdAt));
  return { items: rows.map(toInvitationDto) };
}
