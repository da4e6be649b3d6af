import type { InvitationDto } from '@ptrack/contracts';
import type { Role } from '@ptrack/domain';
import { type Executor, invitations } from '@ptrack/storage';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { hashToken } from '../sessions/identity';

export type InvitationRow = typeof invitations.$inferSelect;

/** An invitation link is valid for seven days. */
export const INVITATION_MS = 7 * 24 * 3600 * 1000;

export function toInvitationDto(i: InvitationRow): InvitationDto {
  return {
    id: i.id,
    email: i.email,
    name: i.name,
    role: i.role as Role,
    partnerId: i.partnerId,
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
    invitedBy: i.invitedBy,
  };
}

export function invitationUrl(base: string, token: string): string {
  return `${base}/invite?token=${encodeURIComponent(token)}`;
}

/** The pending (not used, revoked or expired) invitation of a link's token, or null. */
export async function pendingInvitationOf(tx: Executor, token: string, now: Date, lock = false): Promise<InvitationRow | null> {
  const query = tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}
