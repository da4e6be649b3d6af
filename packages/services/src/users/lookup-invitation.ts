import type { InvitationLookup } from '@ptrack/contracts';
import { AppError, type Role } from '@ptrack/domain';
import type { ServiceContext } from '../context';
import { pendingInvitationOf } from './invitation-dto';

/** GET /api/invitations/lookup: what an invitation link offers, for the accept page. */
export async function lookupInvitation(ctx: ServiceContext, token: string): Promise<InvitationLookup> {
  const row = await pendingInvitationOf(ctx.database.db, token, ctx.now());
  if (!row)
    throw new AppError('NOT_FOUND', 'This invitation is unknown, used or expired', {
      issues: [{ field: 'query.token', message: 'is unknown, used or expired' }],
    });
  return { email: row.email, name: row.name, role: row.role as Role, expiresAt: row.expiresAt.toISOString() };
}
