import { actions, refreshStats } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { recordChange } from '../history';
import { calendarOf, loadSettings, statsClock } from '../settings';
import { lockAction } from './lock-action';

export async function deleteAction(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'partners:write');
  await inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const current = await lockAction(tx, ctx, id, expectedVersion, calendarOf(settings, ctx.now()).today);
    await tx.delete(actions).where(eq(actions.id, id));
    await recordChange(tx, ctx, {
      entityType: 'action',
      entityId: id,
      partnerId: current.partnerId,
      operation: 'delete',
      before: current,
    });
    await refreshStats(tx, { partnerId: current.partnerId, reps: 'none', ...statsClock(settings, ctx.now()) });
  });
}
