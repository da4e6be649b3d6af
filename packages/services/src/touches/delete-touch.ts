import { authorize, partnerScope } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { loadSettings } from '../settings';
import { touchWriter } from '../writes/writers';

/** Removes a touch logged by mistake; activity dates and response rates follow. */
export async function deleteTouch(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx, 'partners:write');
  await inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const w = { tx, ctx, settings };
    const current = await touchWriter.lock(w, id, {
      guard: async (row) => authorize(ctx, 'partners:write', await partnerScope(ctx, tx, row.partnerId)),
    });
    await touchWriter.remove(w, current);
  });
}
