import type { ReferralStage } from './constants/enums';

/** A referral as the performance figures need it; amounts are integer minor units (cents). */
export type ReferralForPerformance = { stage: ReferralStage; amountMinor: number | null };

export type Performance = {
  /** Every referral: each one began as an intro. */
  introsMade: number;
  /** Referrals past the intro stage. */
  qualifiedConversations: number;
  /** Referrals that reached the deal stage: open, won or lost. */
  dealsBroughtIn: number;
  /** Referrals at the deal stage now. */
  openDeals: number;
  closedWon: number;
  closedLost: number;
  /** Sum of open deal amounts, minor units; a deal without an amount adds 0. */
  pipelineValueMinor: number;
  /** dealsBroughtIn ÷ introsMade (benchmark 5–10%), null without intros. */
  introToDealConversion: number | null;
};

/**
 * docs/RULES.md "Performance", from a partner's referrals. The funnel is cumulative — a referral at a
 * later stage also counts at every earlier one — so qualified ≤ intros and closed won ≤ deals always.
 * SQL twin: refreshStats in storage.
 */
export function performance(referrals: readonly ReferralForPerformance[]): Performance {
  const p: Performance = {
    introsMade: 0,
    qualifiedConversations: 0,
    dealsBroughtIn: 0,
    openDeals: 0,
    closedWon: 0,
    closedLost: 0,
    pipelineValueMinor: 0,
    introToDealConversion: null,
  };
  for (const r of referrals) {
    p.introsMade++;
    switch (r.stage) {
      case 'intro':
        break;
      case 'qualified':
        p.qualifiedConversations++;
        break;
      case 'deal':
        p.qualifiedConversations++;
        p.dealsBroughtIn++;
        p.openDeals++;
        p.pipelineValueMinor += r.amountMinor ?? 0;
        break;
      case 'closed-won':
        p.qualifiedConversations++;
        p.dealsBroughtIn++;
        p.closedWon++;
        break;
      case 'closed-lost':
        p.qualifiedConversations++;
        p.dealsBroughtIn++;
        p.closedLost++;
        break;
      default: {
        const never: never = r.stage;
        throw new Error(`unknown referral stage ${String(never)}`);
      }
    }
  }
  p.introToDealConversion = p.introsMade > 0 ? p.dealsBroughtIn / p.introsMade : null;
  return p;
}
