// The thresholds of the product's rules, as numbers: the domain computes with them and the texts that
// explain a rule (grid hints, the server's reasons) are built from them, so each is written once.

/** Seed 001: a Jordan has a quality score of at least this… */
export const JORDAN_MIN_QUALITY = 8;
/** …or at least this many of the four Jordan signals and no time-waster signal. */
export const JORDAN_MIN_SIGNALS = 3;
/** Seed 001: a quality score at or below this marks a time-waster (unless the rep is a Jordan). */
export const TIME_WASTER_MAX_QUALITY = 3;

/** docs/RULES.md "Suggested tier": an inbound reply within this many days suggests Tier 2… */
export const SUGGESTED_TIER_2_INBOUND_DAYS = 30;
/** …and any touch within this many days Tier 3 (else Tier 4). */
export const SUGGESTED_TIER_3_TOUCH_DAYS = 90;

/** The tier whose cadence a rep without a tier follows: a new rep is "warming" until the user says otherwise. */
export const UNTIERED_TIER = 3;

/** "In the last 90 days": the window of reps bringing deals and reps engaged. */
export const REP_ACTIVITY_WINDOW_DAYS = 90;

/** Days without a touch after which a partner needs attention (docs/RULES.md "Needs attention"). */
export const NEEDS_ATTENTION_DAYS = 30;

/** docs/RULES.md IPP bands: the lowest score of Strategic, Good and Evaluate (below is Pass); editable per workspace. */
export const DEFAULT_IPP_BANDS: Readonly<{ strategic: number; good: number; evaluate: number }> = {
  strategic: 40,
  good: 30,
  evaluate: 20,
};
