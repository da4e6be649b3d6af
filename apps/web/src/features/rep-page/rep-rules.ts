import type { RepDto } from '@ptrack/contracts';

// Words for what the server computes about a rep (PRODUCT.md Rep and the suggested-tier rule). The
// server decides; these only say which condition of the rule the answer came from.

export type SignalKey =
  | 'sharesAccountList'
  | 'suggestsJointActivities'
  | 'introsWithoutProof'
  | 'responsive'
  | 'stuckBuildingRapport'
  | 'lipServiceOnly'
  | 'expectsUsToBringEverything'
  | 'waitsForDeals';

// seed 001: the signals of a "Jordan" and of a time-waster.
export const JORDAN_SIGNALS: { key: SignalKey; label: string }[] = [
  { key: 'sharesAccountList', label: 'Shares their account list' },
  { key: 'suggestsJointActivities', label: 'Suggests joint activities' },
  { key: 'introsWithoutProof', label: 'Makes intros without needing proof first' },
  { key: 'responsive', label: 'Responsive' },
];
export const TIME_WASTER_SIGNALS: { key: SignalKey; label: string }[] = [
  { key: 'stuckBuildingRapport', label: 'Stuck building rapport' },
  { key: 'lipServiceOnly', label: 'Lip service only' },
  { key: 'expectsUsToBringEverything', label: 'Expects us to bring everything' },
  { key: 'waitsForDeals', label: 'Waits for deals to come to them' },
];

/** Why the rep is (or is not) a Jordan: quality ≥ 8, or ≥ 3 Jordan signals and no time-waster signal. */
export function jordanReason(rep: RepDto): string {
  const jordan = JORDAN_SIGNALS.filter((s) => rep[s.key]).length;
  const waster = TIME_WASTER_SIGNALS.filter((s) => rep[s.key]).length;
  if (rep.isJordan) {
    return rep.qualityScore !== null && rep.qualityScore >= 8
      ? `Quality score ${rep.qualityScore} (8 or more)`
      : `${jordan} of 4 Jordan signals and no time-waster signal`;
  }
  if (waster > 0) return `${waster} time-waster signal${waster === 1 ? '' : 's'}`;
  return `${jordan} of 4 Jordan signals (3 needed) and quality ${rep.qualityScore ?? 'not scored'} (8 needed)`;
}

/** Why the server counts the rep as a time-waster (seed 001): a time-waster signal, or quality ≤ 3. */
export function timeWasterReason(rep: RepDto): string {
  const waster = TIME_WASTER_SIGNALS.filter((s) => rep[s.key]).length;
  if (waster > 0) return `${waster} time-waster signal${waster === 1 ? '' : 's'}`;
  return `quality score ${rep.qualityScore ?? '?'} (3 or less)`;
}

/** The condition of the suggested-tier rule that gives the rep's suggestion. */
export function suggestedTierReason(tier: number): string {
  switch (tier) {
    case 1:
      return 'an open referral at the deal stage';
    case 2:
      return 'an inbound reply in the last 30 days';
    case 3:
      return 'a touch in the last 90 days';
    default:
      return 'no touch in the last 90 days';
  }
}
