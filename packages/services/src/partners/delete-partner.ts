import { AppError } from '@ptrack/domain';
import { partners } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { inTransaction, type ServiceContext } from '../context';
import { recordChange } from '../history';

/** Deletes a partner with its reps, touches, actions, referrals and plans; its history is kept. */
export async function deletePartner(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(partners).where(eq(partners.id, id)).for('update');
    if (!current) throw AppError.notFound('partner', id);
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new AppError('VERSION_CONFLICT', `The partner "${current.name}" was changed by someone else`, { current });
    }
    await tx.delete(partners).where(eq(partners.id, id));
    await recordChange(tx, ctx, { entityType: 'partner', entityId: id, partnerId: id, operation: 'delete', before: current });
  });
}
