import { UNTIERED_TIER } from '@ptrack/catalog';
import { addDays, type IsoDate, nextWorkingDay } from './calendar';
import { DEFAULT_ACTION_TYPE } from './constants/options';

/** A rep's engagement tier: 1 active deals, 2 engaged, 3 warming, 4 stale (seed 001). */
export type Tier = 1 | 2 | 3 | 4;
export const TIERS = [1, 2, 3, 4] as const satisfies readonly Tier[];

/** Days between follow-ups, per tier. */
export type Cadences = Record<Tier, number>;

/** docs/RULES.md "Cadence by rep tier": Tier 1 every 7 days, 2 every 14, 3 every 30, 4 every 90. */
export const DEFAULT_CADENCE_DAYS: Readonly<Cadences> = { 1: 7, 2: 14, 3: 30, 4: 90 };

/** The tier whose cadence a rep without a tier follows: a new rep is "warming" until the user says otherwise. */
export const UNTIERED_CADENCE_TIER: Tier = UNTIERED_TIER;

export function isTier(value: unknown): value is Tier {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The tier whose cadence a rep of `tier` follows: its own, or the untiered tier's. */
export function cadenceTierOf(tier: Tier | null): Tier {
  return tier ?? UNTIERED_CADENCE_TIER;
}

/** Days between follow-ups for a rep of `tier` (tier 3's cadence when the rep has no tier). */
export function cadenceDays(tier: Tier | null, cadences: Cadences): number {
  return cadences[cadenceTierOf(tier)];
}

export type ScheduleAfterTouchOptions = {
  /** Calendar day of the touch (or completed action) in the workspace time zone. */
  touchDate: IsoDate;
  tier: Tier | null;
  cadences: Cadences;
  /** Days of the week follow-ups may fall on (0 = Sunday …); a cadence date on another day moves to the next one. */
  workingDays?: readonly number[] | undefined;
  /** What the user picked instead; blank or missing parts fall back to the cadence. */
  override?: { dueDate?: IsoDate | undefined; type?: string | undefined } | undefined;
};

/**
 * The follow-up a touch schedules (docs/RULES.md: the next one at touch date + the tier's cadence, unless
 * the user picks another date or action). The type defaults to "Follow-up". A cadence date on a
 * non-working day moves to the next working day; a date the user picked stands.
 */
export function scheduleAfterTouch(opts: ScheduleAfterTouchOptions): { dueDate: IsoDate; type: string } {
  const type = opts.override?.type?.trim() ? opts.override.type.trim() : DEFAULT_ACTION_TYPE;
  const dueDate =
    opts.override?.dueDate ??
    nextWorkingDay(addDays(opts.touchDate, cadenceDays(opts.tier, opts.cadences)), opts.workingDays ?? []);
  return { dueDate, type };
}
