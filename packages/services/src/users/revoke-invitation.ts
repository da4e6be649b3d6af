import { AppError } from '@ptrack/domain';
import { invitations } from '@ptrack/storage';
import { and, eq, isNull } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';

/** DELETE /api/invitations/{id}: the link stops working. */
export async function revokeInvitation(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx, 'users:manage');
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(invitations.id, id), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!row) throw AppError.notFound('invitation', id);
    await audit(ctx, 'invitation-revoked', { invitationId: id, email: row.email }, tx);
  });
}
