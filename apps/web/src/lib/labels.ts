import { TOUCH_KIND_LABELS } from '@ptrack/catalog';
import type { PlanDto } from '@ptrack/contracts';

// The labels are the catalog's (the server's vocabularies); the colours are the web app's own.
export {
  PLAN_METRIC_LABELS as METRIC_LABELS,
  PLAN_STATUS_LABELS,
  REFERRAL_STAGE_LABELS as STAGE_LABELS,
  TOUCH_KIND_LABELS,
} from '@ptrack/catalog';

export const PLAN_STATUS_COLORS = {
  'on-track': 'teal.9',
  'at-risk': '#9a3b0b',
  delivered: 'blue.9',
  failed: 'red.9',
} as const satisfies Record<PlanDto['effectiveStatus'], string>;

/** A label from a table, or the raw value when the server knows one the web app does not (yet). */
export function labelOf<T extends string>(labels: Record<T, string>, value: string): string {
  return Object.hasOwn(labels, value) ? labels[value as T] : value;
}

/** The touch kinds as select options, in the API's order. */
export const TOUCH_KIND_OPTIONS = Object.entries(TOUCH_KIND_LABELS).map(([value, label]) => ({ value, label }));
