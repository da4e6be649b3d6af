import { AppError, type IsoDate } from '@ptrack/domain';
import { actions, type Tx } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { assertVersion } from '../records';
import { loadActionDto } from './action-dto';

export type ActionRow = typeof actions.$inferSelect;

/** Loads an action for change, locked, checked against the version the caller read. */
export async function lockAction(tx: Tx, id: string, expectedVersion: number | undefined, today: IsoDate): Promise<ActionRow> {
  const [current] = await tx.select().from(actions).where(eq(actions.id, id)).for('update');
  if (!current) throw AppError.notFound('action', id);
  await assertVersion(current, expectedVersion, 'action', () => loadActionDto(tx, id, today));
  return current;
}

export function assertOpen(action: ActionRow, verb: string): void {
  if (action.status !== 'open') {
    throw new AppError('CONFLICTING_STATE', `Only an open action can be ${verb}: this one is ${action.status}`, {
      issues: [{ field: 'status', message: `is ${action.status}` }],
    });
  }
}
