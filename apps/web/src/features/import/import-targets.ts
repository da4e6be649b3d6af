// What a sheet column can become, in plain words. The web app may not import the sheets adapter, so the
// partner targets (packages/integrations/src/sheets/column-targets.ts, PARTNER_TARGETS and
// PARTNER_COMPUTED) are listed here with their labels; the server validates every mapping it is sent.

export type CustomFieldType = 'text' | 'number' | 'date' | 'select' | 'checkbox' | 'url';

export type ColumnTarget =
  | { kind: 'field'; field: string }
  | { kind: 'computed'; name: string }
  | { kind: 'custom'; key: string; label: string; type: CustomFieldType; options?: string[] }
  | { kind: 'ignore' };

type TargetGroup = { group: string; fields: readonly (readonly [string, string])[] };

/** The partner fields a column can fill, grouped as the partner page shows them. */
export const PARTNER_TARGET_GROUPS: readonly TargetGroup[] = [
  {
    group: 'Partner',
    fields: [
      ['name', 'Partner name'],
      ['type', 'Type'],
      ['archetype', 'Archetype'],
      ['industry', 'Industry'],
      ['website', 'Website'],
      ['domain', 'Domain'],
      ['slackChannel', 'Slack channel'],
      ['programStatus', 'Program status'],
      ['phase', 'Phase'],
      ['owner', 'Owner'],
      ['hubspotCompanyId', 'HubSpot company (link or id)'],
      ['notes', 'Notes'],
    ],
  },
  {
    group: 'Qualification',
    fields: [
      ['icpMatch', 'ICP match (yes/no)'],
      ['namedAccounts', 'Named accounts'],
      ['introMechanism', 'Intro mechanism'],
      ['economicsOk', 'Economics OK (yes/no)'],
    ],
  },
  {
    group: 'Relationship',
    fields: [
      ['partnerManagerName', 'Partner manager'],
      ['partnerManagerEmail', 'Partner manager email'],
      ['partnerManagerSlack', 'Partner manager Slack'],
      ['originStory', 'Origin story'],
      ['relationshipNotes', 'Relationship notes'],
    ],
  },
  {
    group: '90-day plan',
    fields: [
      ['plan.goal', '90-day goal'],
      ['plan.startDate', '90-day start date'],
      ['plan.status', '90-day status'],
      ['plan.metric', '90-day metric'],
      ['plan.target', '90-day target'],
    ],
  },
  {
    group: 'Next action',
    fields: [
      ['nextAction.dueDate', 'Next action date'],
      ['nextAction.type', 'Next action type'],
      ['nextAction.repName', 'Next action rep'],
      ['nextAction.notes', 'Next action notes'],
    ],
  },
  {
    group: 'Performance so far (baseline)',
    fields: [
      ['baseline.introsMade', 'Intros made'],
      ['baseline.qualifiedConversations', 'Qualified conversations'],
      ['baseline.dealsBroughtIn', 'Deals brought in'],
      ['baseline.closedWon', 'Closed won deals'],
      ['baseline.pipelineValueMinor', 'Pipeline value'],
    ],
  },
  {
    group: 'Activity',
    fields: [
      ['activity.firstTouchDate', 'First touch date'],
      ['activity.lastEngagementDate', 'Last engagement date'],
    ],
  },
  {
    group: 'IPP scores',
    fields: [
      ['icpAlignment', 'ICP alignment (0–10)'],
      ['revenuePathClarity', 'Revenue path clarity (0–10)'],
      ['archetypeFit', 'Archetype fit (0–10)'],
      ['economics', 'Economics (0–10)'],
      ['strategicValue', 'Strategic value (0–10)'],
    ],
  },
  {
    group: 'Enterprise evaluation',
    fields: [
      ['capacity', 'Capacity (1–5)'],
      ['capability', 'Capability (1–5)'],
      ['commitment', 'Commitment (1–5)'],
      ['pillarPartnershipsManagement', 'Partnerships management (1–5)'],
      ['pillarPartnerMarketing', 'Partner marketing (1–5)'],
      ['pillarPartnerEnablement', 'Partner enablement (1–5)'],
      ['pillarPartnerOperations', 'Partner operations (1–5)'],
      ['pillarCrossFunctional', 'Cross-functional (1–5)'],
      ['pillarCustomerCentric', 'Customer-centric (1–5)'],
      ['enterpriseTier', 'Enterprise tier'],
      ['jvpStatus', 'JVP status'],
      ['jvpDate', 'JVP date'],
      ['jvpLink', 'JVP link'],
    ],
  },
];

/** The rep fields a column of a rep sheet (seed 001, "Option B") can fill (REP_TARGETS). */
export const REP_TARGET_GROUPS: readonly TargetGroup[] = [
  {
    group: 'Rep',
    fields: [
      ['name', 'Rep name'],
      ['partnerName', 'Partner (by name)'],
      ['email', 'Email'],
      ['title', 'Title'],
      ['engagementTier', 'Engagement tier (1–4)'],
      ['qualityScore', 'Quality score (1–10)'],
      ['hubspotContactId', 'HubSpot contact (link or id)'],
      ['notes', 'Notes'],
    ],
  },
  {
    group: 'Signals',
    fields: [
      ['sharesAccountList', 'Shares account list (yes/no)'],
      ['suggestsJointActivities', 'Suggests joint activities (yes/no)'],
      ['introsWithoutProof', 'Intros without proof (yes/no)'],
      ['responsive', 'Responsive (yes/no)'],
      ['stuckBuildingRapport', 'Stuck building rapport (yes/no)'],
      ['lipServiceOnly', 'Lip service only (yes/no)'],
      ['expectsUsToBringEverything', 'Expects us to bring everything (yes/no)'],
      ['waitsForDeals', 'Waits for deals (yes/no)'],
    ],
  },
  {
    group: 'Next action and contact',
    fields: [
      ['nextAction.dueDate', 'Next action date'],
      ['nextAction.type', 'Next action type'],
      ['nextAction.notes', 'Next action notes'],
      ['activity.lastContactDate', 'Last contact date'],
    ],
  },
];

export type ImportEntity = 'partner' | 'rep';
const GROUPS: Record<ImportEntity, readonly TargetGroup[]> = { partner: PARTNER_TARGET_GROUPS, rep: REP_TARGET_GROUPS };
const FIELD_LABELS: Record<ImportEntity, Map<string, string>> = {
  partner: new Map(PARTNER_TARGET_GROUPS.flatMap((g) => g.fields)),
  rep: new Map(REP_TARGET_GROUPS.flatMap((g) => g.fields)),
};

/** Columns the product computes itself (recognised so they are not imported as custom fields). */
const COMPUTED_LABELS: Record<string, string> = {
  repsBringingDeals: 'Reps bringing deals',
  repsEngaged: 'Reps engaged',
  totalEngaged: 'Total engaged reps',
  repsWhoDeliver: 'Reps who deliver',
  tier1Reps: 'Tier 1 reps',
  tier2Reps: 'Tier 2 reps',
  tier3Reps: 'Tier 3 reps',
  tier4Reps: 'Tier 4 reps',
  totalReps: 'Reps',
  tier12RepNames: 'Tier 1–2 rep names',
  jordanCount: 'Jordans',
  daysSinceLastTouch: 'Days since last touch',
  daysSinceFirstTouch: 'Days since first touch',
  ippScore: 'IPP score',
  partnerStatus: 'IPP status',
  reviewedThisWeek: 'Reviewed this week',
  openDeals: 'Open deals',
  introToDealConversion: 'Intro → deal conversion',
  qualification: 'Qualification verdict',
  planEndDate: '90-day end date',
};

const CUSTOM_TYPE_LABELS: Record<CustomFieldType, string> = {
  text: 'text',
  number: 'number',
  date: 'date',
  select: 'choice list',
  checkbox: 'yes/no',
  url: 'link',
};

export const fieldLabel = (field: string, entity: ImportEntity = 'partner'): string =>
  FIELD_LABELS[entity].get(field) ?? FIELD_LABELS.partner.get(field) ?? FIELD_LABELS.rep.get(field) ?? field;
export const computedLabel = (name: string): string => COMPUTED_LABELS[name] ?? name;

/** One line saying what a column becomes ("Partner name", "Custom field (number)", "Don't import"). */
export function describeTarget(target: ColumnTarget, entity: ImportEntity = 'partner'): string {
  switch (target.kind) {
    case 'field':
      return fieldLabel(target.field, entity);
    case 'computed':
      return 'Computed — not stored';
    case 'custom':
      return `Custom field (${CUSTOM_TYPE_LABELS[target.type]})`;
    case 'ignore':
      return "Don't import";
  }
}

const MATCHED_BY: Record<string, string> = {
  saved: 'from your saved mapping',
  header: 'tracker sheet header',
  synonym: 'recognised header',
  'existing-custom': 'one of your custom fields',
  'new-custom': 'new custom field, typed from its values',
};

/** Why the server proposed this target, in a few words. */
export const describeMatchedBy = (matchedBy: string): string => MATCHED_BY[matchedBy] ?? matchedBy;

/** A Select value for a target: `field:<key>`, `computed`, `custom` or `ignore`. */
export function targetValue(target: ColumnTarget): string {
  return target.kind === 'field' ? `field:${target.field}` : target.kind;
}

/** A key a new custom field may have (the server's rule: a letter first, then letters, digits and _). */
export function customKeyFor(header: string, index: number): string {
  const words = header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: "Société" → "Societe"
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  return /^[A-Za-z]/.test(key) ? key.slice(0, 64) : `column${index + 1}`;
}

/**
 * The target a Select value stands for. `proposed` is what the server first suggested for the column:
 * choosing "custom" or "computed" again restores it (its type, options or computed name).
 */
export function targetFromValue(value: string, proposed: ColumnTarget, header: string, index: number): ColumnTarget {
  if (value.startsWith('field:')) return { kind: 'field', field: value.slice('field:'.length) };
  if (value === 'computed' && proposed.kind === 'computed') return proposed;
  if (value === 'custom')
    return proposed.kind === 'custom'
      ? proposed
      : { kind: 'custom', key: customKeyFor(header, index), label: header.trim() || `Column ${index + 1}`, type: 'text' };
  return { kind: 'ignore' };
}

export type TargetOption = { value: string; label: string };
export type TargetOptionGroup = { group: string; items: TargetOption[] };

/** The choices for one column's Select: custom, computed, don't import, then the sheet kind's fields by group. */
export function targetOptions(
  proposed: ColumnTarget,
  current: ColumnTarget,
  entity: ImportEntity = 'partner',
): TargetOptionGroup[] {
  const custom = current.kind === 'custom' ? current : proposed.kind === 'custom' ? proposed : null;
  const other: TargetOption[] = [
    { value: 'custom', label: custom ? describeTarget(custom) : 'Custom field (text)' },
    ...(proposed.kind === 'computed' ? [{ value: 'computed', label: describeTarget(proposed) }] : []),
    { value: 'ignore', label: "Don't import" },
  ];
  return [
    { group: `Not a ${entity} field`, items: other },
    ...GROUPS[entity].map((g) => ({
      group: g.group,
      items: g.fields.map(([value, label]) => ({ value: `field:${value}`, label })),
    })),
  ];
}
