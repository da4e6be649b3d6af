import { DEFAULT_IPP_BANDS as CATALOG_IPP_BANDS, PARTNER_STATUSES, type PartnerStatus } from '@ptrack/catalog';

// docs/RULES.md optional IPP scoring: five dimensions 0–10, score = sum 0–50, status by bands.

export const IPP_DIMENSIONS = ['icpAlignment', 'revenuePathClarity', 'archetypeFit', 'economics', 'strategicValue'] as const;
export type IppDimension = (typeof IPP_DIMENSIONS)[number];
export type IppValues = Partial<Record<IppDimension, number | null | undefined>>;

export const IPP_MAX_SCORE = 50;

/** Lowest score of each band; below `evaluate` is Pass. */
export type IppBands = { strategic: number; good: number; evaluate: number };
/** docs/RULES.md: Strategic ≥ 40, Good 30–39, Evaluate 20–29, Pass < 20. */
export const DEFAULT_IPP_BANDS: Readonly<IppBands> = CATALOG_IPP_BANDS;

export { PARTNER_STATUSES, type PartnerStatus };

/** The IPP score 0–50: the sum of the five dimensions, or null unless all five are set. */
export function ippScore(values: IppValues): number | null {
  let sum = 0;
  for (const d of IPP_DIMENSIONS) {
    const v = values[d];
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}

/** True for integer bands that descend strictly within 0–50: strategic > good > evaluate ≥ 0. */
export function validIppBands(b: IppBands): boolean {
  const all = [b.strategic, b.good, b.evaluate];
  return all.every((v) => Number.isInteger(v) && v >= 0 && v <= IPP_MAX_SCORE) && b.strategic > b.good && b.good > b.evaluate;
}

/** The partner status an IPP score earns under `bands`; null without a score. SQL twin: "partnerStatus". */
export function partnerStatusFor(score: number | null, bands: IppBands): PartnerStatus | null {
  if (score === null) return null;
  if (score >= bands.strategic) return 'Strategic';
  if (score >= bands.good) return 'Good';
  if (score >= bands.evaluate) return 'Evaluate';
  return 'Pass';
}
