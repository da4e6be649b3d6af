import {
  JORDAN_MIN_QUALITY,
  JORDAN_MIN_SIGNALS,
  SUGGESTED_TIER_2_INBOUND_DAYS,
  SUGGESTED_TIER_3_TOUCH_DAYS,
  TIME_WASTER_MAX_QUALITY,
} from '@ptrack/catalog';
import type { Tier } from './cadence';
import { calendarDateOf, daysBetween, type IsoDate } from './calendar';
import type { Direction } from './constants/enums';

/** Seed 001: signs of a "Jordan", a high-quality rep. */
export type JordanSignals = {
  sharesAccountList: boolean;
  suggestsJointActivities: boolean;
  introsWithoutProof: boolean;
  responsive: boolean;
};

/** Seed 001: signs of a time-waster. */
export type TimeWasterSignals = {
  stuckBuildingRapport: boolean;
  lipServiceOnly: boolean;
  expectsUsToBringEverything: boolean;
  waitsForDeals: boolean;
};

export type RepSignals = JordanSignals & TimeWasterSignals;

/** A rep's quality score (1–10, null when not scored) and signals. */
export type RepQuality = { qualityScore: number | null; signals: RepSignals };

export { JORDAN_MIN_QUALITY, JORDAN_MIN_SIGNALS, TIME_WASTER_MAX_QUALITY };

function hasTimeWasterSignal(s: TimeWasterSignals): boolean {
  return s.stuckBuildingRapport || s.lipServiceOnly || s.expectsUsToBringEverything || s.waitsForDeals;
}

/**
 * docs/RULES.md: a Jordan has quality ≥ 8, or ≥ 3 Jordan signals and no time-waster signal.
 * (SQL twin: IS_JORDAN_SQL in storage.)
 */
export function isJordan({ qualityScore, signals: s }: RepQuality): boolean {
  if (qualityScore !== null && qualityScore >= JORDAN_MIN_QUALITY) return true;
  const jordanSignals = [s.sharesAccountList, s.suggestsJointActivities, s.introsWithoutProof, s.responsive].filter(
    Boolean,
  ).length;
  return jordanSignals >= JORDAN_MIN_SIGNALS && !hasTimeWasterSignal(s);
}

/**
 * A time-waster (seed 001): any time-waster signal, or a quality score ≤ 3 — unless the rep is a
 * Jordan. The user's high score stands, so a rep is never both a Jordan and a time-waster.
 */
export function isTimeWaster(rep: RepQuality): boolean {
  if (isJordan(rep)) return false;
  return hasTimeWasterSignal(rep.signals) || (rep.qualityScore !== null && rep.qualityScore <= TIME_WASTER_MAX_QUALITY);
}

/** What the suggested tier is computed from; dates are calendar days in the workspace time zone. */
export type RepActivityFacts = {
  /** An open referral at the deal stage. */
  hasOpenDeal: boolean;
  lastInboundDate: IsoDate | null;
  lastTouchDate: IsoDate | null;
  lastReferralDate: IsoDate | null;
  referralCount: number;
};

/** True when `date` is on or after `today − days` (a future date counts too). */
export function withinDays(date: IsoDate | null, days: number, today: IsoDate): boolean {
  return date !== null && daysBetween(date, today) <= days;
}

/**
 * docs/RULES.md "Suggested tier": an open deal → 1; an inbound reply in the last 30 days → 2; any touch
 * in the last 90 days → 3; else 4. Only a suggestion: the user's tier stands.
 */
export function suggestedTier(facts: RepActivityFacts, today: IsoDate): Tier {
  if (facts.hasOpenDeal) return 1;
  if (withinDays(facts.lastInboundDate, SUGGESTED_TIER_2_INBOUND_DAYS, today)) return 2;
  if (withinDays(facts.lastTouchDate, SUGGESTED_TIER_3_TOUCH_DAYS, today)) return 3;
  return 4;
}

/**
 * The suggested tier, or null for a new rep without history — no touch, no referral, no open deal — added
 * within the touch window: "no touch in the last 90 days" says nothing of a rep added seconds ago (issue
 * 14). A rep added longer ago and never touched is suggested tier 4 like any stale rep.
 */
export function suggestedTierOf(facts: RepActivityFacts, addedOn: IsoDate, today: IsoDate): Tier | null {
  const hasHistory = facts.hasOpenDeal || facts.lastTouchDate !== null || facts.referralCount > 0;
  if (!hasHistory && withinDays(addedOn, SUGGESTED_TIER_3_TOUCH_DAYS, today)) return null;
  return suggestedTier(facts, today);
}

export const RESPONSE_RATE_WINDOW_DAYS = 180;

/**
 * docs/RULES.md: inbound replies ÷ outbound touches over the last 180 days (touches on or after
 * `today − 180` in `timeZone`), as a fraction 0–1 — capped at 1, since several replies to one message
 * are still one response. Null when there was no outbound touch (nothing to respond to).
 */
export function responseRate(opts: {
  touches: readonly { direction: Direction; occurredAt: string }[];
  today: IsoDate;
  timeZone: string;
}): number | null {
  let inbound = 0;
  let outbound = 0;
  for (const t of opts.touches) {
    const day = calendarDateOf(new Date(t.occurredAt), opts.timeZone);
    if (!withinDays(day, RESPONSE_RATE_WINDOW_DAYS, opts.today)) continue;
    if (t.direction === 'inbound') inbound++;
    else outbound++;
  }
  return outbound === 0 ? null : Math.min(1, inbound / outbound);
}

const JORDAN_SIGNAL_COUNT = 4;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
function countSignals(s: RepSignals): { jordan: number; waster: number } {
  const jordan = [s.sharesAccountList, s.suggestsJointActivities, s.introsWithoutProof, s.responsive].filter(Boolean).length;
  const waster = [s.stuckBuildingRapport, s.lipServiceOnly, s.expectsUsToBringEverything, s.waitsForDeals].filter(Boolean).length;
  return { jordan, waster };
}

/** Why the rep is (or is not) a Jordan, for a person: which condition of the rule decided. */
export function jordanReason(rep: RepQuality): string {
  const { jordan, waster } = countSignals(rep.signals);
  if (isJordan(rep)) {
    return rep.qualityScore !== null && rep.qualityScore >= JORDAN_MIN_QUALITY
      ? `Quality score ${rep.qualityScore} (${JORDAN_MIN_QUALITY} or more)`
      : `${jordan} of ${JORDAN_SIGNAL_COUNT} Jordan signals and no time-waster signal`;
  }
  if (waster > 0) return plural(waster, 'time-waster signal');
  return `${jordan} of ${JORDAN_SIGNAL_COUNT} Jordan signals (${JORDAN_MIN_SIGNALS} needed) and quality ${rep.qualityScore ?? 'not scored'} (${JORDAN_MIN_QUALITY} needed)`;
}

/** Why the rep counts as a time-waster (seed 001): a time-waster signal, or a low quality score. */
export function timeWasterReason(rep: RepQuality): string {
  const { waster } = countSignals(rep.signals);
  if (waster > 0) return plural(waster, 'time-waster signal');
  return `quality score ${rep.qualityScore ?? '?'} (${TIME_WASTER_MAX_QUALITY} or less)`;
}

/** The condition of the suggested-tier rule that gives `tier`. */
export function suggestedTierReason(tier: Tier): string {
  switch (tier) {
    case 1:
      return 'an open referral at the deal stage';
    case 2:
      return `an inbound reply in the last ${SUGGESTED_TIER_2_INBOUND_DAYS} days`;
    case 3:
      return `a touch in the last ${SUGGESTED_TIER_3_TOUCH_DAYS} days`;
    case 4:
      return `no touch in the last ${SUGGESTED_TIER_3_TOUCH_DAYS} days`;
  }
}
