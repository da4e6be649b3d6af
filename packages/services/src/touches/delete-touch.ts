import { AppError } from '@ptrack/domain';
import { refreshStats, touches } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { authorize, partnerScope } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { recordChange } from '../history';
import { loadSettings, statsClock } from '../settings';

/** Removes a touch logged by mistake; activity dates and response rates follow. */
export async function deleteTouch(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx, 'partners:write');
  await inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const [current] = await tx.select().from(touches).where(eq(touches.id, id)).for('update');
    if (!current) throw AppError.notFound('touch', id);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, current.partnerId));
    await tx.delete(touches).where(eq(touches.id, id));
    await recordChange(tx, ctx, {
      entityType: 'touch',
      entityId: id,
      partnerId: current.partnerId,
      operation: 'delete',
      before: current,
    });
    await refreshStats(tx, {
      partnerId: current.partnerId,
      reps: current.repId ? { id: current.repId } : 'none',
      ...statsClock(settings, ctx.now()),
    });
  });
}
