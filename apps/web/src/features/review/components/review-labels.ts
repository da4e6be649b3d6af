import { PARTNER_FIELD_LABELS as L, PLAN_STATUS_LABELS, QUALIFICATION_VERDICT_LABELS } from '@ptrack/catalog';
import type { PartnerDto, PlanDto } from '@ptrack/contracts';

// Plain-English labels for the values the API sends as slugs.

export const VERDICT_LABEL: Readonly<Record<PartnerDto['qualification']['verdict'], string>> = QUALIFICATION_VERDICT_LABELS;
export const VERDICT_COLOR: Record<PartnerDto['qualification']['verdict'], string> = {
  pursue: 'teal.9',
  'polite-pass': 'red.9',
  incomplete: 'gray.7',
};

export const PLAN_STATUS_LABEL: Readonly<Record<PlanDto['effectiveStatus'], string>> = PLAN_STATUS_LABELS;

export const PLAN_METRIC_LABEL: Record<PlanDto['metric'], string> = {
  'qualified-conversations': 'qualified conversations',
  intros: 'intros',
  deals: 'deals',
  'closed-won': 'closed-won deals',
};

/** The partner fields a conflict compares, with the labels a person knows them by. */
export const CONFLICT_FIELDS = {
  name: L.name,
  type: L.type,
  programStatus: L.programStatus,
  phase: L.phase,
  owner: L.owner,
  notes: L.notes,
  relationshipNotes: L.relationshipNotes,
  icpMatch: L.icpMatch,
  economicsOk: L.economicsOk,
  introMechanism: L.introMechanism,
  // When it was last reviewed, which the field's own label leaves unsaid.
  reviewedAt: 'Reviewed at',
} as const satisfies Partial<Record<keyof PartnerDto, string>>;
