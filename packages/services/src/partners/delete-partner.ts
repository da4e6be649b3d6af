import { AppError } from '@ptrack/domain';
import { partners } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { authorize, partnerScope } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { recordChange } from '../history';
import { assertVersion } from '../records';
import { loadSettings } from '../settings';
import { loadPartnerDto } from './partner-dto';

/** Deletes a partner with its reps, touches, actions, referrals and plans; its history is kept. */
export async function deletePartner(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'partners:write');
  await inTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(partners).where(eq(partners.id, id)).for('update');
    if (!current) throw AppError.notFound('partner', id);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, id));
    await assertVersion(current, expectedVersion, `partner "${current.name}"`, async () =>
      loadPartnerDto(tx, await loadSettings(tx), ctx.now(), id),
    );
    await tx.delete(partners).where(eq(partners.id, id));
    await recordChange(tx, ctx, { entityType: 'partner', entityId: id, partnerId: id, operation: 'delete', before: current });
  });
}
