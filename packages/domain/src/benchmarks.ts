// docs/RULES.md "Dashboard" / seed 000 "Benchmark Targets". Shares are fractions 0–1.

/** 90-day goal: 3+ qualified conversations per partner. */
export const QUALIFIED_CONVOS_BENCHMARK = 3;

/** Intro → deal conversion of 5–10%. */
export const INTRO_TO_DEAL_BENCHMARK: Readonly<{ min: number; max: number }> = { min: 0.05, max: 0.1 };

/** Partner-sourced revenue of 25–30% of total revenue. */
export const PARTNER_SOURCED_REVENUE_BENCHMARK: Readonly<{ min: number; max: number }> = { min: 0.25, max: 0.3 };
