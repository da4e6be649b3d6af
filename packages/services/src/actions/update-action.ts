import type { ActionDto, UpdateActionRequest } from '@ptrack/contracts';
import { actions, refreshStats } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { inTransaction, type ServiceContext } from '../context';
import { checkOptionValues } from '../field-checks';
import { recordChange } from '../history';
import { resolveSubject } from '../records';
import { calendarOf, loadSettings } from '../settings';
import { loadActionDto } from './action-dto';
import { lockAction } from './lock-action';

/** Changes an action's date, type, rep, notes or status; done or skipped stamps completedAt. */
export async function updateAction(ctx: ServiceContext, id: string, input: UpdateActionRequest): Promise<ActionDto> {
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { today } = calendarOf(settings, ctx.now());
    const current = await lockAction(tx, id, input.version, today);
    checkOptionValues(settings, { actionType: input.type }, { actionType: 'type' });
    if (input.repId) await resolveSubject(tx, { partnerId: current.partnerId, repId: input.repId });
    const { version, ...fields } = input;
    const status = fields.status ?? current.status;
    const completedAt = status === 'open' ? null : status === current.status ? current.completedAt : ctx.now();
    const [updated] = await tx
      .update(actions)
      .set({ ...fields, completedAt, version: version + 1, updatedAt: ctx.now() })
      .where(eq(actions.id, id))
      .returning();
    await recordChange(tx, ctx, {
      entityType: 'action',
      entityId: id,
      partnerId: current.partnerId,
      operation: 'update',
      before: current,
      after: updated!,
    });
    await refreshStats(tx, { partnerId: current.partnerId, reps: 'none', timeZone: settings.timeZone });
    return loadActionDto(tx, id, today);
  });
}
