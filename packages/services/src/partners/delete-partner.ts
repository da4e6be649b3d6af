import { authorize, partnerScope } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { loadSettings } from '../settings';
import { partnerWriter } from '../writes/writers';
import { loadPartnerDto } from './partner-dto';

/** Deletes a partner with its reps, touches, actions, referrals and plans; its history is kept. */
export async function deletePartner(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'partners:write');
  await inTransaction(ctx, async (tx) => {
    const w = { tx, ctx };
    const current = await partnerWriter.lock(w, id, {
      guard: async () => authorize(ctx, 'partners:write', await partnerScope(ctx, tx, id)),
      version: {
        expected: expectedVersion,
        what: (row) => `partner "${row.name}"`,
        current: async () => loadPartnerDto(tx, await loadSettings(tx), ctx.now(), id),
      },
    });
    await partnerWriter.remove(w, current);
  });
}
