import {
  DEFAULT_CADENCE_DAYS,
  DEFAULT_OPTION_LISTS,
  DEFAULT_WORKING_DAYS,
  OPTION_LIST_NAMES,
  startOfWeek,
  todayIn,
  type WeekStartsOn,
} from '@ptrack/domain';
import { buildActivity } from './demo-activity';
import { buildAccounts, buildPartners } from './demo-partners';
import { buildPipeline } from './demo-pipeline';
import { buildReps } from './demo-reps';
import type { DemoContext, DemoInput, DemoRecords } from './demo-types';
import { createRandom } from './random';

export type { DemoInput, DemoRecords } from './demo-types';

/**
 * The records of a demo partner program, without any IO: the same seed and the same day (`now` in
 * `timeZone`) give the same records. Dates are relative to that day, so the Today list is never stale.
 */
export function buildDemoRecords(input: DemoInput): DemoRecords {
  const today = todayIn(input.timeZone, input.now);
  const ctx: DemoContext = {
    rand: createRandom(input.seed),
    now: input.now,
    today,
    timeZone: input.timeZone,
    weekStartDate: startOfWeek(today, (input.weekStartsOn ?? 1) as WeekStartsOn),
    cadences: input.cadences ?? DEFAULT_CADENCE_DAYS,
    workingDays: input.workingDays ?? DEFAULT_WORKING_DAYS,
    // A workspace list left empty falls back to the default, so every record gets a value.
    options: Object.fromEntries(
      OPTION_LIST_NAMES.map((name) => [name, input.options?.[name]?.length ? input.options[name] : DEFAULT_OPTION_LISTS[name]]),
    ) as DemoContext['options'],
  };

  const accounts = buildAccounts(ctx);
  const { partners, profiles } = buildPartners(ctx, accounts);
  const { reps, kinds } = buildReps(ctx, partners, profiles, accounts);
  const { referrals, plans } = buildPipeline(ctx, partners, profiles, reps, kinds, accounts.length);
  const { touches, actions } = buildActivity(ctx, { partners, profiles, reps, kinds, referrals, accounts });
  return { today, accounts, partners, reps, touches, actions, referrals, plans };
}
