import { AppError, type IsoDate } from '@ptrack/domain';
import type { actions, Tx } from '@ptrack/storage';
import { authorize, partnerScope } from '../access/authorize';
import type { ServiceContext } from '../context';
import type { Settings } from '../settings';
import { actionWriter } from '../writes/writers';
import { loadActionDto } from './action-dto';

export type ActionRow = typeof actions.$inferSelect;

/**
 * Loads an action for change, locked: refused unless the acting user may write its partner's records,
 * then checked against the version the caller read.
 */
export async function lockAction(
  tx: Tx,
  ctx: ServiceContext,
  id: string,
  expectedVersion: number | undefined,
  today: IsoDate,
): Promise<ActionRow> {
  return actionWriter.lock({ tx, ctx }, id, {
    guard: async (row) => authorize(ctx, 'partners:write', await partnerScope(ctx, tx, row.partnerId)),
    version: { expected: expectedVersion, what: 'action', current: () => loadActionDto(tx, id, today) },
  });
}

export function assertOpen(action: ActionRow, verb: string): void {
  if (action.status !== 'open') {
    throw new AppError('CONFLICTING_STATE', `Only an open action can be ${verb}: this one is ${action.status}`, {
      issues: [{ field: 'status', message: `is ${action.status}` }],
    });
  }
}

/** Writes a change to a locked action: its next version, its history, the partner's next action. */
export async function changeAction(
  tx: Tx,
  ctx: ServiceContext,
  current: ActionRow,
  patch: Partial<Pick<ActionRow, 'repId' | 'dueDate' | 'type' | 'notes' | 'status' | 'completedAt'>>,
  settings: Settings,
): Promise<ActionRow> {
  return actionWriter.update({ tx, ctx, settings }, current, patch);
}
