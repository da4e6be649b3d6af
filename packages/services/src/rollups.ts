import type { IsoDate } from '@ptrack/domain';
import { type Executor, refreshDailyRollups, rollupState } from '@ptrack/storage';

/**
 * Once per workspace day, before the first read that shows the calendar-dependent rollups, brings them
 * up to today for every partner; every other request reads one date.
 */
export async function ensureDailyRollups(tx: Executor, today: IsoDate): Promise<void> {
  const [state] = await tx.select().from(rollupState);
  if (state?.asOf === today) return;
  await refreshDailyRollups(tx, today);
  await tx
    .insert(rollupState)
    .values({ id: 1, asOf: today })
    .onConflictDoUpdate({ target: rollupState.id, set: { asOf: today } });
}
