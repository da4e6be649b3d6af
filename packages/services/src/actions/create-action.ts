import type { ActionDto, CreateActionRequest } from '@ptrack/contracts';
import { authorize, partnerScope } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { checkOptionValues } from '../field-checks';
import { resolveSubject } from '../records';
import { calendarOf, loadSettings } from '../settings';
import { actionWriter } from '../writes/writers';
import { loadActionDto } from './action-dto';

/** Plans a next step with a partner or one of its reps. */
export async function createAction(ctx: ServiceContext, input: CreateActionRequest): Promise<ActionDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    checkOptionValues(settings, { actionType: input.type }, { actionType: 'type' });
    const { partnerId, rep } = await resolveSubject(tx, input);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, partnerId));
    const created = await actionWriter.create(
      { tx, ctx, settings },
      { partnerId, repId: rep?.id ?? null, dueDate: input.dueDate, type: input.type, notes: input.notes ?? null },
    );
    return loadActionDto(tx, created.id, calendarOf(settings, ctx.now()).today);
  });
}
