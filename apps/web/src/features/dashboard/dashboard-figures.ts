import { PLAN_METRIC_LABELS, PLAN_STATUS_LABELS } from '@ptrack/catalog';
import type { DashboardDto } from '@ptrack/contracts';

// Pure shaping of GET /api/dashboard for the charts: the numbers are the server's, only grouped,
// labelled and turned into ratios here, so the page shows exactly what the API answers.

export type Slice = { key: string; label: string; value: number; color: string };

// Colours hold at least 3:1 against white (WCAG 1.4.11, graphical objects); Mantine's shade 8–9.
export const PLAN_COLORS = {
  'on-track': '#2b8a3e',
  'at-risk': '#d9480f',
  delivered: '#1864ab',
  failed: '#c92a2a',
  none: '#868e96',
} as const;

const PLAN_LABELS: Record<keyof DashboardDto['plansByStatus'], string> = { ...PLAN_STATUS_LABELS, none: 'No plan' };

/** 90-day plans by status, in the order a reader scans them (good news first, no plan last). */
export function planSlices(plans: DashboardDto['plansByStatus']): Slice[] {
  return (['on-track', 'at-risk', 'delivered', 'failed', 'none'] as const).map((key) => ({
    key,
    label: PLAN_LABELS[key],
    value: plans[key],
    color: PLAN_COLORS[key],
  }));
}

// docs/RULES.md cadence by tier: what each tier means, so the axis reads without a legend.
const TIER_LABELS = {
  '1': 'Tier 1 · active deals',
  '2': 'Tier 2 · engaged',
  '3': 'Tier 3 · warming',
  '4': 'Tier 4 · stale',
  unassigned: 'No tier',
} as const;
const TIER_COLOR = '#1864ab';
const UNASSIGNED_COLOR = '#868e96';

export function tierSlices(tiers: DashboardDto['tierDistribution']): Slice[] {
  return (['1', '2', '3', '4', 'unassigned'] as const).map((key) => ({
    key,
    label: TIER_LABELS[key],
    value: tiers[key],
    color: key === 'unassigned' ? UNASSIGNED_COLOR : TIER_COLOR,
  }));
}

export type FunnelStep = {
  key: string;
  label: string;
  value: number;
  /** Share of the previous step that reached this one; null for the first step or after an empty one. */
  fromPrevious: number | null;
};

/** Intros → qualified conversations → deals → closed won, each a count of referrals that reached the stage. */
export function funnelSteps(funnel: DashboardDto['funnel']): FunnelStep[] {
  const steps = [
    // The stages a 90-day plan can count, named as the plan names them.
    { key: 'intros', label: PLAN_METRIC_LABELS.intros, value: funnel.introsMade },
    { key: 'qualified', label: PLAN_METRIC_LABELS['qualified-conversations'], value: funnel.qualifiedConversations },
    { key: 'deals', label: PLAN_METRIC_LABELS.deals, value: funnel.dealsBroughtIn },
    { key: 'won', label: PLAN_METRIC_LABELS['closed-won'], value: funnel.closedWon },
  ];
  return steps.map((step, i) => {
    const previous = steps[i - 1];
    return { ...step, fromPrevious: previous && previous.value > 0 ? step.value / previous.value : null };
  });
}

/** 0.0712 → "7.1%"; whole numbers lose the decimal ("25%"). */
export function formatPercent(ratio: number): string {
  const pct = Math.round(ratio * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

export type BandVerdict = 'below' | 'within' | 'above' | 'unknown';

/** Where an actual ratio sits against a benchmark band (both ends inclusive). */
export function bandVerdict(actual: number | null, band: { min: number; max: number }): BandVerdict {
  if (actual === null) return 'unknown';
  if (actual < band.min) return 'below';
  return actual > band.max ? 'above' : 'within';
}

export function sumOf(slices: readonly Slice[]): number {
  return slices.reduce((total, s) => total + s.value, 0);
}

/** "On Track 4, At Risk 2, …" — the text alternative of a chart (zeros included: they are facts too). */
export function describeSlices(slices: readonly Slice[]): string {
  return slices.map((s) => `${s.label} ${s.value}`).join(', ');
}
