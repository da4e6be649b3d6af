import type { ActionDto, CreateActionRequest } from '@ptrack/contracts';
import { actions, refreshStats } from '@ptrack/storage';
import { authorize, partnerScope } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { checkOptionValues } from '../field-checks';
import { recordChange } from '../history';
import { resolveSubject } from '../records';
import { calendarOf, loadSettings, statsClock } from '../settings';
import { loadActionDto } from './action-dto';

/** Plans a next step with a partner or one of its reps. */
export async function createAction(ctx: ServiceContext, input: CreateActionRequest): Promise<ActionDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    checkOptionValues(settings, { actionType: input.type }, { actionType: 'type' });
    const { partnerId, rep } = await resolveSubject(tx, input);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, partnerId));
    const [created] = await tx
      .insert(actions)
      .values({
        partnerId,
        repId: rep?.id ?? null,
        dueDate: input.dueDate,
        type: input.type,
        notes: input.notes ?? null,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await recordChange(tx, ctx, { entityType: 'action', entityId: created!.id, partnerId, operation: 'create', after: created! });
    await refreshStats(tx, { partnerId, reps: 'none', ...statsClock(settings, ctx.now()) });
    return loadActionDto(tx, created!.id, calendarOf(settings, ctx.now()).today);
  });
}
