import { PARTNER_STATUSES, PLAN_STATUSES, QUALIFICATION_VERDICTS } from './enums';
import type { OptionListName } from './option-lists';
import { PARTNER_FIELD_LABELS as L } from './record-fields';
import { DEFAULT_IPP_BANDS, JORDAN_MIN_QUALITY, JORDAN_MIN_SIGNALS, REP_ACTIVITY_WINDOW_DAYS } from './rules';

// The partner grid's fields: the scalar columns of the partner list query, which a view can filter, sort
// and show. The list row's schema (contracts), the filter grammar (domain, contracts), the grid's columns
// and filter editor (web) are all built from this list.

/** How a grid field is shown; `money` is a number in minor units, `label` a code shown as words. */
export type GridFieldKind = 'text' | 'number' | 'money' | 'date' | 'instant' | 'boolean' | 'label';

/** The values a field takes when they come from a fixed set of codes or an editable option list. */
export type FieldValues = { fixed: readonly string[] } | { optionList: OptionListName };

export type GridFieldDef = {
  key: string;
  label: string;
  kind: GridFieldKind;
  /** Pixels; the grid scrolls sideways when the columns are wider than the screen. */
  width: number;
  /** Set for a field the server computes (read-only): how it is computed. */
  hint?: string;
  /** The totals row adds these up. */
  sum?: true;
  /** Every row has a value (the others may be null). */
  nonNull?: true;
  values?: FieldValues;
};

const repsOfTier = (tier: number, meaning: string): string =>
  `Reps of this partner whose engagement tier is ${tier} (${meaning})`;
const nextAction = (what: string) => `${what} of the next action: the earliest open action of the partner or any of its reps`;
const b = DEFAULT_IPP_BANDS;
const days = REP_ACTIVITY_WINDOW_DAYS;

/**
 * What a partner has beside its own fields, as every screen names it: the grid's column, the import
 * wizard's group, the partner page's and the weekly review's section, the CLI's table.
 */
export const PARTNER_RECORD_LABELS = { plan: '90-day plan', nextAction: 'Next action' } as const;

/** Every field, in the order the column chooser lists them. */
export const PARTNER_GRID_FIELDS = [
  { key: 'name', label: L.name, kind: 'text', width: 170, nonNull: true },
  { key: 'type', label: L.type, kind: 'text', width: 100, values: { optionList: 'partnerType' } },
  { key: 'archetype', label: L.archetype, kind: 'text', width: 140, values: { optionList: 'archetype' } },
  { key: 'programStatus', label: L.programStatus, kind: 'text', width: 140, values: { optionList: 'programStatus' } },
  { key: 'phase', label: L.phase, kind: 'text', width: 110, values: { optionList: 'phase' } },
  { key: 'owner', label: L.owner, kind: 'text', width: 100 },
  { key: 'industry', label: L.industry, kind: 'text', width: 140 },
  {
    key: 'ippScore',
    label: 'IPP score',
    kind: 'number',
    width: 100,
    hint: 'Ideal Partner Profile score: the sum of its five scores (ICP alignment, revenue path, archetype fit, economics, strategic value), 0–50',
  },
  {
    key: 'partnerStatus',
    label: 'IPP status',
    kind: 'text',
    width: 110,
    hint: `The IPP score's band in the workspace settings (by default Strategic ≥ ${b.strategic}, Good ${b.good}–${b.strategic - 1}, Evaluate ${b.evaluate}–${b.good - 1}, Pass < ${b.evaluate})`,
    values: { fixed: PARTNER_STATUSES },
  },
  { key: 'tier1Reps', label: 'Tier 1', kind: 'number', width: 60, sum: true, nonNull: true, hint: repsOfTier(1, 'active deals') },
  { key: 'tier2Reps', label: 'Tier 2', kind: 'number', width: 60, sum: true, nonNull: true, hint: repsOfTier(2, 'engaged') },
  { key: 'tier3Reps', label: 'Tier 3', kind: 'number', width: 60, sum: true, nonNull: true, hint: repsOfTier(3, 'warming') },
  { key: 'tier4Reps', label: 'Tier 4', kind: 'number', width: 60, sum: true, nonNull: true, hint: repsOfTier(4, 'stale') },
  { key: 'totalReps', label: 'Reps', kind: 'number', width: 80, sum: true, nonNull: true, hint: 'Every rep of this partner' },
  {
    key: 'jordanCount',
    label: 'Jordans',
    kind: 'number',
    width: 90,
    sum: true,
    nonNull: true,
    hint: `Reps who are Jordans: quality score ${JORDAN_MIN_QUALITY} or more, or ${JORDAN_MIN_SIGNALS}+ Jordan signals and no time-waster signal`,
  },
  {
    key: 'repsBringingDeals',
    label: 'Reps bringing deals',
    kind: 'number',
    width: 110,
    sum: true,
    nonNull: true,
    hint: `Reps bringing deals: reps with a referral in the last ${days} days or an open deal`,
  },
  {
    key: 'repsEngaged',
    label: 'Reps engaged',
    kind: 'number',
    width: 100,
    sum: true,
    nonNull: true,
    hint: `Reps with an inbound touch in the last ${days} days who are not bringing deals`,
  },
  {
    key: 'totalEngaged',
    label: 'Total engaged',
    kind: 'number',
    width: 100,
    sum: true,
    nonNull: true,
    hint: 'Reps bringing deals + reps engaged',
  },
  {
    key: 'repsWhoDeliver',
    label: 'Reps who deliver',
    kind: 'number',
    width: 100,
    sum: true,
    nonNull: true,
    hint: 'Reps with at least one referral, ever',
  },
  { key: 'nextActionDate', label: PARTNER_RECORD_LABELS.nextAction, kind: 'date', width: 100, hint: nextAction('Due date') },
  {
    key: 'nextActionType',
    label: 'Action type',
    kind: 'text',
    width: 110,
    hint: nextAction('Type'),
    values: { optionList: 'actionType' },
  },
  { key: 'nextActionRep', label: 'Action rep', kind: 'text', width: 140, hint: nextAction('Rep') },
  { key: 'nextActionNotes', label: 'Action notes', kind: 'text', width: 220, hint: nextAction('Notes') },
  {
    key: 'introsMade',
    label: 'Intros',
    kind: 'number',
    width: 80,
    sum: true,
    nonNull: true,
    hint: "Every referral from this partner's reps (each one began as an intro)",
  },
  {
    key: 'qualifiedConversations',
    label: 'Qualified convos',
    kind: 'number',
    width: 110,
    sum: true,
    nonNull: true,
    hint: 'Referrals past the intro stage',
  },
  {
    key: 'dealsBroughtIn',
    label: 'Deals',
    kind: 'number',
    width: 80,
    sum: true,
    nonNull: true,
    hint: 'Referrals that reached the deal stage: open, won or lost',
  },
  {
    key: 'openDeals',
    label: 'Open deals',
    kind: 'number',
    width: 90,
    sum: true,
    nonNull: true,
    hint: 'Referrals at the deal stage now',
  },
  { key: 'closedWon', label: 'Won', kind: 'number', width: 80, sum: true, nonNull: true, hint: 'Referrals closed won' },
  {
    key: 'pipelineValueMinor',
    label: 'Pipeline',
    kind: 'money',
    width: 130,
    sum: true,
    nonNull: true,
    hint: 'Sum of the amounts of the open deals (a deal without an amount adds 0)',
  },
  {
    key: 'firstTouchDate',
    label: 'First touch',
    kind: 'date',
    width: 130,
    hint: 'Day of the first touch with the partner or any of its reps',
  },
  {
    key: 'lastEngagementDate',
    label: 'Last touch',
    kind: 'date',
    width: 100,
    hint: 'Day of the latest touch with the partner or any of its reps',
  },
  {
    key: 'daysSinceLastTouch',
    label: 'Days since touch',
    kind: 'number',
    width: 110,
    hint: "Calendar days from the last touch to today in the workspace's time zone; empty when never touched",
  },
  {
    key: 'reviewedThisWeek',
    label: 'Reviewed this week',
    kind: 'boolean',
    width: 120,
    nonNull: true,
    hint: 'Marked reviewed in the weekly review during the current week',
  },
  {
    key: 'planStatus',
    label: PARTNER_RECORD_LABELS.plan,
    kind: 'label',
    width: 100,
    hint: 'Status of the current 90-day plan: the one set by hand, else the suggestion from its progress',
    values: { fixed: PLAN_STATUSES },
  },
  {
    key: 'qualification',
    label: 'Qualification',
    kind: 'label',
    width: 120,
    nonNull: true,
    hint: 'Verdict of the 4-question filter: Pursue when all four pass, Polite pass when any fails, else Incomplete',
    values: { fixed: QUALIFICATION_VERDICTS },
  },
  { key: 'createdAt', label: 'Created', kind: 'instant', width: 130, nonNull: true, hint: 'When the partner was added' },
  { key: 'updatedAt', label: 'Updated', kind: 'instant', width: 130, nonNull: true, hint: 'When the partner was last changed' },
] as const satisfies readonly GridFieldDef[];

export type PartnerGridField = (typeof PARTNER_GRID_FIELDS)[number]['key'];

/** Each grid field's label by its key, for a screen that shows one of these figures on its own. */
export const PARTNER_GRID_LABELS = Object.fromEntries(PARTNER_GRID_FIELDS.map((f) => [f.key, f.label])) as Readonly<
  Record<PartnerGridField, string>
>;

/**
 * The columns of "All partners" and of a view that names none: identity and owner, reps, next action,
 * activity, plan. Their widths add up to what a 1280 px screen shows beside the navigation (issue 14).
 */
export const DEFAULT_GRID_COLUMNS: readonly PartnerGridField[] = [
  'name',
  'type',
  'owner',
  'phase',
  'tier1Reps',
  'tier2Reps',
  'nextActionDate',
  'nextActionType',
  'lastEngagementDate',
  'planStatus',
];

/** How a field compares, filters and sorts: money as a number, a label as its code (text). */
export type FieldKind = 'text' | 'number' | 'date' | 'instant' | 'boolean';

export function comparisonKind(kind: GridFieldKind): FieldKind {
  switch (kind) {
    case 'money':
      return 'number';
    case 'label':
      return 'text';
    default:
      return kind;
  }
}
