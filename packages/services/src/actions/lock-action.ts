import { AppError, type IsoDate } from '@ptrack/domain';
import { actions, refreshStats, type Tx } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { authorize, partnerScope } from '../access/authorize';
import type { ServiceContext } from '../context';
import { recordChange } from '../history';
import { assertVersion } from '../records';
import { type Settings, statsClock } from '../settings';
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
  const [current] = await tx.select().from(actions).where(eq(actions.id, id)).for('update');
  if (!current) throw AppError.notFound('action', id);
  authorize(ctx, 'partners:write', await partnerScope(ctx, tx, current.partnerId));
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

/**
 * Writes a change to a locked action: bumps its version, appends the history and refreshes the
 * partner's next action. Pass `refresh: false` when the caller refreshes once after further writes.
 */
export async function changeAction(
  tx: Tx,
  ctx: ServiceContext,
  current: ActionRow,
  patch: Partial<Pick<ActionRow, 'repId' | 'dueDate' | 'type' | 'notes' | 'status' | 'completedAt'>>,
  opts: { settings: Settings; refresh?: boolean },
): Promise<ActionRow> {
  const [updated] = await tx
    .update(actions)
    .set({ ...patch, version: current.version + 1, updatedAt: ctx.now() })
    .where(eq(actions.id, current.id))
    .returning();
  await recordChange(tx, ctx, {
    entityType: 'action',
    entityId: current.id,
    partnerId: current.partnerId,
    operation: 'update',
    before: current,
    after: updated!,
  });
  if (opts.refresh !== false)
    await refreshStats(tx, { partnerId: current.partnerId, reps: 'none', ...statsClock(opts.settings, ctx.now()) });
  return updated!;
}
