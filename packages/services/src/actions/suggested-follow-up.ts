import { cadenceDays, cadenceTierOf, type IsoDate, scheduleAfterTouch, type Tier } from '@ptrack/domain';
import { cadencesOf, type Settings } from '../settings';

/** What a follow-up done today with a rep schedules next, as the DTOs carry it. */
export type SuggestedFollowUp = { suggestedNextDueDate: IsoDate; cadenceDays: number; cadenceTier: Tier };

/**
 * The next follow-up a touch or Done `today` schedules by default for a rep of `tier` (docs/RULES.md
 * cadence rule: today + the tier's cadence, the untiered tier's for a rep without one, moved to a
 * working day), so screens show the server's date instead of working it out.
 */
export function suggestedFollowUp(settings: Settings, today: IsoDate, tier: Tier | null): SuggestedFollowUp {
  const cadences = cadencesOf(settings);
  const { dueDate } = scheduleAfterTouch({ touchDate: today, tier, cadences, workingDays: settings.workingDays });
  return { suggestedNextDueDate: dueDate, cadenceDays: cadenceDays(tier, cadences), cadenceTier: cadenceTierOf(tier) };
}
