import type { ActionDto, UpdateActionRequest } from '@ptrack/contracts';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { checkOptionValues } from '../field-checks';
import { resolveSubject } from '../records';
import { calendarOf, loadSettings } from '../settings';
import { loadActionDto } from './action-dto';
import { changeAction, lockAction } from './lock-action';

/** Changes an action's date, type, rep, notes or status; done or skipped stamps completedAt. */
export async function updateAction(ctx: ServiceContext, id: string, input: UpdateActionRequest): Promise<ActionDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { today } = calendarOf(settings, ctx.now());
    const current = await lockAction(tx, ctx, id, input.version, today);
    checkOptionValues(settings, { actionType: input.type }, { actionType: 'type' });
    if (input.repId) await resolveSubject(tx, { partnerId: current.partnerId, repId: input.repId });
    const { version: _version, ...fields } = input;
    const status = fields.status ?? current.status;
    const completedAt = status === 'open' ? null : status === current.status ? current.completedAt : ctx.now();
    await changeAction(tx, ctx, current, { ...fields, completedAt }, settings);
    return loadActionDto(tx, id, today);
  });
}
