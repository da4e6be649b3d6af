import type { CompleteActionRequest } from '@ptrack/contracts';
import { reps, type touches } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { calendarOf, loadSettings } from '../settings';
import { toTouchDto } from '../touches/touch-dto';
import { touchWriter } from '../writes/writers';
import { loadActionDto } from './action-dto';
import { assertOpen, changeAction, lockAction } from './lock-action';
import { scheduleNextAction } from './schedule-action';

/**
 * Marks an action done and plans the next one: for a rep, at today + the rep tier's cadence unless the
 * caller picks a date, type or no follow-up (docs/RULES.md, cadence rule); for the partner alone, only when
 * the caller gives a date. With `touch`, it also logs what happened (now, with the action's rep or
 * partner) in the same transaction, so Done records the conversation and the next step at once.
 */
export async function completeAction(ctx: ServiceContext, id: string, input: CompleteActionRequest) {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { today } = calendarOf(settings, ctx.now());
    const current = await lockAction(tx, ctx, id, input.version, today);
    assertOpen(current, 'completed');
    await changeAction(tx, ctx, current, { status: 'done', completedAt: ctx.now() }, settings);
    let touch: typeof touches.$inferSelect | null = null;
    if (input.touch) {
      touch = await touchWriter.create(
        { tx, ctx, settings },
        {
          partnerId: current.partnerId,
          repId: current.repId,
          kind: input.touch.kind,
          direction: input.touch.direction,
          occurredAt: ctx.now(),
          summary: input.touch.summary ?? null,
        },
      );
    }
    let nextId: string | null = null;
    if (current.repId || input.next?.dueDate) {
      const [rep] = current.repId ? await tx.select().from(reps).where(eq(reps.id, current.repId)) : [];
      nextId = await scheduleNextAction(tx, ctx, settings, {
        partnerId: current.partnerId,
        repId: current.repId,
        repTier: rep?.engagementTier ?? null,
        from: today,
        choice: input.next,
      });
    }
    return {
      action: await loadActionDto(tx, id, today),
      next: nextId ? await loadActionDto(tx, nextId, today) : null,
      touch: touch ? toTouchDto(touch) : null,
    };
  });
}
