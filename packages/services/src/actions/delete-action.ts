import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { calendarOf, loadSettings } from '../settings';
import { actionWriter } from '../writes/writers';
import { lockAction } from './lock-action';

export async function deleteAction(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'partners:write');
  await inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const current = await lockAction(tx, ctx, id, expectedVersion, calendarOf(settings, ctx.now()).today);
    await actionWriter.remove({ tx, ctx, settings }, current);
  });
}
