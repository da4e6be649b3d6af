import type { RepDto } from '@ptrack/contracts';

// What the server decided about a rep, and why: the reasons come in the rep DTO (the server words them
// from the rule's thresholds), the signals' descriptions from the catalog. Nothing is computed here.

export { JORDAN_SIGNALS, type SignalKey, TIME_WASTER_SIGNALS } from '@ptrack/catalog';

/** Why the rep is (or is not) a Jordan. */
export const jordanReason = (rep: RepDto): string => rep.jordanReason;

/** Why the server counts the rep as a time-waster. */
export const timeWasterReason = (rep: RepDto): string => rep.timeWasterReason ?? '';

/** The condition of the suggested-tier rule that gives the rep's suggestion. */
export const suggestedTierReason = (rep: RepDto): string => rep.suggestedTierReason ?? '';
