import type { LogTouchRequest, PlanDto, ReferralDto } from '@ptrack/contracts';

type TouchKind = LogTouchRequest['kind'];

// Every value the API accepts, and no other (the compiler checks both ways).
export const TOUCH_KIND_LABELS = {
  email: 'Email',
  call: 'Call',
  meeting: 'Meeting',
  message: 'Message',
  'in-person-visit': 'In-person visit',
  'collateral-sent': 'Collateral sent',
  'proposal-sent': 'Proposal sent',
  other: 'Other',
} as const satisfies Record<TouchKind, string>;

export const STAGE_LABELS = {
  intro: 'Intro',
  qualified: 'Qualified conversation',
  deal: 'Deal',
  'closed-won': 'Closed won',
  'closed-lost': 'Closed lost',
} as const satisfies Record<ReferralDto['stage'], string>;

export const METRIC_LABELS = {
  'qualified-conversations': 'Qualified conversations',
  intros: 'Intros',
  deals: 'Deals',
  'closed-won': 'Closed won',
} as const satisfies Record<PlanDto['metric'], string>;

export const PLAN_STATUS_LABELS = {
  'on-track': 'On Track',
  'at-risk': 'At Risk',
  delivered: 'Delivered',
  failed: 'Failed',
} as const satisfies Record<PlanDto['effectiveStatus'], string>;

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
