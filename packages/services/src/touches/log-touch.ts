import type { LogTouchRequest } from '@ptrack/contracts';
import { AppError, calendarDateOf } from '@ptrack/domain';
import { actions } from '@ptrack/storage';
import { and, eq } from 'drizzle-orm';
import { authorize, partnerScope } from '../access/authorize';
import { loadActionDto, loadActionDtos } from '../actions/action-dto';
import { changeAction } from '../actions/lock-action';
import { scheduleNextAction } from '../actions/schedule-action';
import { inTransaction, type ServiceContext } from '../context';
import { resolveSubject } from '../records';
import { calendarOf, loadSettings } from '../settings';
import { actionWriter, touchWriter } from '../writes/writers';
import { toTouchDto } from './touch-dto';

const FOLLOW_UP = 'Follow-up';

/**
 * Logs one interaction. With a rep, it completes that rep's open follow-ups and schedules the next at
 * the touch date + the rep tier's cadence (docs/RULES.md, cadence rule), or as the caller chose. A touch
 * with the partner only schedules nothing unless `next` gives a date.
 */
export async function logTouch(ctx: ServiceContext, input: LogTouchRequest) {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { today } = calendarOf(settings, ctx.now());
    const { partnerId, rep } = await resolveSubject(tx, input);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, partnerId));
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : ctx.now();
    if (occurredAt.getTime() > ctx.now().getTime() + 24 * 3600_000) {
      throw AppError.validation([{ field: 'occurredAt', message: 'is in the future: log a touch once it has happened' }]);
    }
    const w = { tx, ctx, settings };
    const touch = await touchWriter.create(w, {
      partnerId,
      repId: rep?.id ?? null,
      kind: input.kind,
      direction: input.direction,
      occurredAt,
      summary: input.summary ?? null,
    });

    const completedIds: string[] = [];
    let nextId: string | null = null;
    const touchDate = calendarDateOf(occurredAt, settings.timeZone);
    if (rep) {
      const open = await actionWriter.lockWhere(
        w,
        and(eq(actions.repId, rep.id), eq(actions.status, 'open'), eq(actions.type, FOLLOW_UP)),
      );
      for (const action of open) {
        await changeAction(tx, ctx, action, { status: 'done', completedAt: ctx.now() }, settings);
        completedIds.push(action.id);
      }
      nextId = await scheduleNextAction(tx, ctx, settings, {
        partnerId,
        repId: rep.id,
        repTier: rep.engagementTier,
        from: touchDate,
        choice: input.next,
      });
    } else if (input.next?.dueDate && !input.next.skip) {
      nextId = await scheduleNextAction(tx, ctx, settings, {
        partnerId,
        repId: null,
        repTier: null,
        from: touchDate,
        choice: input.next,
      });
    }
    return {
      touch: toTouchDto(touch),
      completed: await loadActionDtos(tx, completedIds, today),
      next: nextId ? await loadActionDto(tx, nextId, today) : null,
    };
  });
}
