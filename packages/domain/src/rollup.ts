import type { Tier } from './cadence';
import { addDays, type IsoDate } from './calendar';
import { compareCodePoints, compareTextIgnoringCase } from './compare';

/** A rep as the partner rollup needs it; dates are calendar days in the workspace time zone. */
export type RepForRollup = {
  id: string;
  name: string;
  engagementTier: Tier | null;
  isJordan: boolean;
  hasOpenDeal: boolean;
  lastInboundDate: IsoDate | null;
  lastTouchDate: IsoDate | null;
  lastReferralDate: IsoDate | null;
  referralCount: number;
};

/** An open Action of the partner or of one of its reps. */
export type OpenActionForRollup = {
  id: string;
  dueDate: IsoDate;
  type: string;
  repId: string | null;
  repName: string | null;
  notes: string | null;
};

export type PartnerRollup = {
  repsPerTier: Record<Tier, number>;
  /** All reps, with a tier or not; before any is recorded, the sheet's active contacts (see repCount). */
  totalReps: number;
  /** Names of tier 1 and 2 reps: by tier, then name ignoring case (code-point order), then id. */
  tier12RepNames: string[];
  jordanCount: number;
  repsBringingDeals: number;
  repsEngaged: number;
  /** repsBringingDeals + repsEngaged. */
  totalEngaged: number;
  repsWhoDeliver: number;
  nextAction: OpenActionForRollup | null;
};

/**
 * A partner's rep count (docs/RULES.md "Partner rollups"): its recorded reps once it has any, else the
 * count of active contacts an imported sheet carried (`baseline.activeContacts`), so an imported partner
 * does not read as having no reps. Both are counts of people, never added together.
 */
export function repCount(recordedReps: number, baselineActiveContacts: number): number {
  return recordedReps > 0 ? recordedReps : Math.max(0, baselineActiveContacts);
}

/** The window of "recent" for bringing deals and being engaged (docs/RULES.md "Partner rollups"). */
export const ROLLUP_WINDOW_DAYS = 90;

/**
 * Orders open actions as the Today list and the partner's next action do: due date, then type (code
 * points), then id — the SQL twin is `order by due_date, type collate "C", id`.
 */
export function compareOpenActions(a: OpenActionForRollup, b: OpenActionForRollup): number {
  return compareCodePoints(a.dueDate, b.dueDate) || compareCodePoints(a.type, b.type) || compareCodePoints(a.id, b.id);
}

/**
 * docs/RULES.md "Partner rollups", computed from a partner's reps and open actions: reps per tier, tier
 * 1–2 names, Jordans; reps *bringing deals* (a referral in the last 90 days, or an open deal); reps
 * *engaged* (an inbound touch in the last 90 days, not bringing deals); *total engaged* (their sum);
 * reps *who deliver* (≥ 1 referral ever); and the earliest open action. "Last 90 days" means on or
 * after `today − 90`. SQL twin: refreshStats and the partner list query in storage.
 */
export function partnerRollup(input: {
  reps: readonly RepForRollup[];
  openActions: readonly OpenActionForRollup[];
  today: IsoDate;
  /** The imported sheet's active contacts (0 when none). */
  baselineActiveContacts?: number;
}): PartnerRollup {
  const since = addDays(input.today, -ROLLUP_WINDOW_DAYS);
  const recent = (d: IsoDate | null) => d !== null && d >= since;
  const repsPerTier: Record<Tier, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  let jordanCount = 0;
  let repsBringingDeals = 0;
  let repsEngaged = 0;
  let repsWhoDeliver = 0;
  for (const rep of input.reps) {
    if (rep.engagementTier !== null) repsPerTier[rep.engagementTier]++;
    if (rep.isJordan) jordanCount++;
    const bringing = rep.hasOpenDeal || recent(rep.lastReferralDate);
    if (bringing) repsBringingDeals++;
    else if (recent(rep.lastInboundDate)) repsEngaged++;
    if (rep.referralCount > 0) repsWhoDeliver++;
  }
  const tier12RepNames = input.reps
    .filter((r) => r.engagementTier === 1 || r.engagementTier === 2)
    .sort(
      (a, b) =>
        (a.engagementTier ?? 0) - (b.engagementTier ?? 0) ||
        compareTextIgnoringCase(a.name, b.name) ||
        compareCodePoints(a.id, b.id),
    )
    .map((r) => r.name);
  let nextAction: OpenActionForRollup | null = null;
  for (const a of input.openActions) {
    if (nextAction === null || compareOpenActions(a, nextAction) < 0) nextAction = a;
  }
  return {
    repsPerTier,
    totalReps: repCount(input.reps.length, input.baselineActiveContacts ?? 0),
    tier12RepNames,
    jordanCount,
    repsBringingDeals,
    repsEngaged,
    totalEngaged: repsBringingDeals + repsEngaged,
    repsWhoDeliver,
    nextAction: nextAction && { ...nextAction },
  };
}
