import type { PartnerListRowDto } from '@ptrack/contracts';

// The partner grid's columns: the scalar fields of a list row (the API's PARTNER_LIST_FIELDS, which a
// view can filter, sort and show). The web app may not import the domain package, so the labels, the
// kinds and the explanations of the computed columns live here; the keys are checked against the row type.

export type ColumnKey = Exclude<keyof PartnerListRowDto, 'id' | 'version' | 'tier12RepNames'>;
export type ColumnKind = 'text' | 'number' | 'money' | 'date' | 'instant' | 'boolean' | 'label';

export type GridColumn = {
  key: ColumnKey;
  label: string;
  kind: ColumnKind;
  /** Pixels; the grid scrolls sideways when the columns are wider than the screen. */
  width: number;
  /** Set for a column the server computes (read-only): how it is computed, shown on hover and focus. */
  computed?: string;
  /** The totals row adds these up. */
  sum?: true;
};

const repsOfTier = (tier: number, meaning: string): string =>
  `Reps of this partner whose engagement tier is ${tier} (${meaning})`;
const nextAction = (what: string) => `${what} of the next action: the earliest open action of the partner or any of its reps`;

/** Every column, in the order the column chooser lists them. */
export const GRID_COLUMNS: readonly GridColumn[] = [
  { key: 'name', label: 'Name', kind: 'text', width: 220 },
  { key: 'type', label: 'Type', kind: 'text', width: 140 },
  { key: 'archetype', label: 'Archetype', kind: 'text', width: 140 },
  { key: 'programStatus', label: 'Program status', kind: 'text', width: 140 },
  { key: 'phase', label: 'Phase', kind: 'text', width: 150 },
  { key: 'owner', label: 'Owner', kind: 'text', width: 130 },
  { key: 'industry', label: 'Industry', kind: 'text', width: 140 },
  {
    key: 'ippScore',
    label: 'IPP score',
    kind: 'number',
    width: 100,
    computed: 'Sum of the five IPP scores (ICP alignment, revenue path, archetype fit, economics, strategic value), 0–50',
  },
  {
    key: 'partnerStatus',
    label: 'IPP status',
    kind: 'text',
    width: 110,
    computed: "The IPP score's band in the workspace settings (by default Strategic ≥ 40, Good 30–39, Evaluate 20–29, Pass < 20)",
  },
  { key: 'tier1Reps', label: 'Tier 1', kind: 'number', width: 80, sum: true, computed: repsOfTier(1, 'active deals') },
  { key: 'tier2Reps', label: 'Tier 2', kind: 'number', width: 80, sum: true, computed: repsOfTier(2, 'engaged') },
  { key: 'tier3Reps', label: 'Tier 3', kind: 'number', width: 80, sum: true, computed: repsOfTier(3, 'warming') },
  { key: 'tier4Reps', label: 'Tier 4', kind: 'number', width: 80, sum: true, computed: repsOfTier(4, 'stale') },
  { key: 'totalReps', label: 'Reps', kind: 'number', width: 80, sum: true, computed: 'Every rep of this partner' },
  {
    key: 'jordanCount',
    label: 'Jordans',
    kind: 'number',
    width: 90,
    sum: true,
    computed: 'Reps who are Jordans: quality score 8 or more, or 3+ Jordan signals and no time-waster signal',
  },
  {
    key: 'repsBringingDeals',
    label: 'Reps bringing deals',
    kind: 'number',
    width: 110,
    sum: true,
    computed: 'Reps bringing deals: reps with a referral in the last 90 days or an open deal',
  },
  {
    key: 'repsEngaged',
    label: 'Reps engaged',
    kind: 'number',
    width: 100,
    sum: true,
    computed: 'Reps with an inbound touch in the last 90 days who are not bringing deals',
  },
  {
    key: 'totalEngaged',
    label: 'Total engaged',
    kind: 'number',
    width: 100,
    sum: true,
    computed: 'Reps bringing deals + reps engaged',
  },
  {
    key: 'repsWhoDeliver',
    label: 'Reps who deliver',
    kind: 'number',
    width: 100,
    sum: true,
    computed: 'Reps with at least one referral, ever',
  },
  { key: 'nextActionDate', label: 'Next action', kind: 'date', width: 130, computed: nextAction('Due date') },
  { key: 'nextActionType', label: 'Action type', kind: 'text', width: 130, computed: nextAction('Type') },
  { key: 'nextActionRep', label: 'Action rep', kind: 'text', width: 140, computed: nextAction('Rep') },
  { key: 'nextActionNotes', label: 'Action notes', kind: 'text', width: 220, computed: nextAction('Notes') },
  {
    key: 'introsMade',
    label: 'Intros',
    kind: 'number',
    width: 80,
    sum: true,
    computed: "Every referral from this partner's reps (each one began as an intro)",
  },
  {
    key: 'qualifiedConversations',
    label: 'Qualified convos',
    kind: 'number',
    width: 110,
    sum: true,
    computed: 'Referrals past the intro stage',
  },
  {
    key: 'dealsBroughtIn',
    label: 'Deals',
    kind: 'number',
    width: 80,
    sum: true,
    computed: 'Referrals that reached the deal stage: open, won or lost',
  },
  { key: 'openDeals', label: 'Open deals', kind: 'number', width: 90, sum: true, computed: 'Referrals at the deal stage now' },
  { key: 'closedWon', label: 'Won', kind: 'number', width: 80, sum: true, computed: 'Referrals closed won' },
  {
    key: 'pipelineValueMinor',
    label: 'Pipeline',
    kind: 'money',
    width: 130,
    sum: true,
    computed: 'Sum of the amounts of the open deals (a deal without an amount adds 0)',
  },
  {
    key: 'firstTouchDate',
    label: 'First touch',
    kind: 'date',
    width: 130,
    computed: 'Day of the first touch with the partner or any of its reps',
  },
  {
    key: 'lastEngagementDate',
    label: 'Last touch',
    kind: 'date',
    width: 130,
    computed: 'Day of the latest touch with the partner or any of its reps',
  },
  {
    key: 'daysSinceLastTouch',
    label: 'Days since touch',
    kind: 'number',
    width: 110,
    computed: "Calendar days from the last touch to today in the workspace's time zone; empty when never touched",
  },
  {
    key: 'reviewedThisWeek',
    label: 'Reviewed this week',
    kind: 'boolean',
    width: 120,
    computed: 'Marked reviewed in the weekly review during the current week',
  },
  {
    key: 'planStatus',
    label: '90-day plan',
    kind: 'label',
    width: 120,
    computed: 'Status of the current 90-day plan: the one set by hand, else the suggestion from its progress',
  },
  {
    key: 'qualification',
    label: 'Qualification',
    kind: 'label',
    width: 120,
    computed: 'Verdict of the 4-question filter: Pursue when all four pass, Polite pass when any fails, else Incomplete',
  },
  { key: 'createdAt', label: 'Created', kind: 'instant', width: 130, computed: 'When the partner was added' },
  { key: 'updatedAt', label: 'Updated', kind: 'instant', width: 130, computed: 'When the partner was last changed' },
];

const BY_KEY = new Map(GRID_COLUMNS.map((c) => [c.key, c]));

export function columnOf(key: string): GridColumn | undefined {
  return BY_KEY.get(key as ColumnKey);
}

export function isColumnKey(key: string): key is ColumnKey {
  return BY_KEY.has(key as ColumnKey);
}

/** The columns of "All partners" and of a view that names none: the API's DEFAULT_COLUMNS. */
export const DEFAULT_COLUMNS: readonly ColumnKey[] = [
  'name',
  'type',
  'programStatus',
  'phase',
  'tier1Reps',
  'tier2Reps',
  'nextActionDate',
  'nextActionType',
  'nextActionRep',
  'lastEngagementDate',
  'daysSinceLastTouch',
  'planStatus',
];

/** The columns to show, in order: the known ones of `keys`, and always the name first (it is frozen). */
export function visibleColumns(keys: readonly string[]): GridColumn[] {
  const known = keys.filter(isColumnKey).filter((k) => k !== 'name');
  return [BY_KEY.get('name')!, ...[...new Set(known)].map((k) => BY_KEY.get(k)!)];
}
