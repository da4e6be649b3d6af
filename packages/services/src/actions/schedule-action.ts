import { type IsoDate, scheduleAfterTouch, type Tier } from '@ptrack/domain';
import type { Tx } from '@ptrack/storage';
import type { ServiceContext } from '../context';
import { cadencesOf, type Settings } from '../settings';
import { actionWriter } from '../writes/writers';

export type NextActionChoice = {
  dueDate?: IsoDate | undefined;
  type?: string | undefined;
  notes?: string | null | undefined;
  skip?: boolean | undefined;
};

/**
 * Schedules the follow-up after a touch or a completed action (docs/RULES.md: next one at date + the rep
 * tier's cadence, unless the user picks another date or action). Returns the new action's id.
 */
export async function scheduleNextAction(
  tx: Tx,
  ctx: ServiceContext,
  settings: Settings,
  opts: { partnerId: string; repId: string | null; repTier: Tier | null; from: IsoDate; choice?: NextActionChoice | undefined },
): Promise<string | null> {
  if (opts.choice?.skip) return null;
  const planned = scheduleAfterTouch({
    touchDate: opts.from,
    tier: opts.repTier,
    cadences: cadencesOf(settings),
    workingDays: settings.workingDays,
    override: { dueDate: opts.choice?.dueDate, type: opts.choice?.type },
  });
  const created = await actionWriter.create(
    { tx, ctx, settings },
    {
      partnerId: opts.partnerId,
      repId: opts.repId,
      dueDate: planned.dueDate,
      type: planned.type,
      notes: opts.choice?.notes ?? null,
    },
  );
  return created.id;
}
