import type { PartnerDto, RepDto } from '@ptrack/contracts';

// The partner's and rep's own fields, by PRODUCT.md section: what each section shows and edits, and how.
// One list drives the read view, the edit form, the PATCH body and the labels of the change history.

export type FieldKind =
  | { type: 'text' }
  | { type: 'textarea' }
  | { type: 'email' }
  | { type: 'url' }
  | { type: 'date' }
  | { type: 'hubspot' }
  | { type: 'select'; optionList: string }
  | { type: 'score'; min: number; max: number }
  // Custom fields (GET /api/custom-fields): their own options, any number, a checkbox.
  | { type: 'choice'; options: string[] }
  | { type: 'number' }
  | { type: 'checkbox' }
  // Qualification: yes / no / unanswered, and the list of named accounts (one name per tag).
  | { type: 'yesno' }
  | { type: 'accounts' };

export type FieldSpec<K extends string = string> = { key: K; label: string; kind: FieldKind; required?: boolean };

type PartnerKey = keyof PartnerDto & string;
const text = { type: 'text' } as const;
const textarea = { type: 'textarea' } as const;
const select = (optionList: string) => ({ type: 'select', optionList }) as const;
const score = (min: number, max: number) => ({ type: 'score', min, max }) as const;

export const IDENTIFICATION: FieldSpec<PartnerKey>[] = [
  { key: 'name', label: 'Name', kind: text, required: true },
  { key: 'type', label: 'Type', kind: select('partnerType') },
  { key: 'archetype', label: 'Archetype', kind: select('archetype') },
  { key: 'industry', label: 'Industry', kind: text },
  { key: 'website', label: 'Website', kind: { type: 'url' } },
  { key: 'domain', label: 'Domain', kind: text },
  { key: 'slackChannel', label: 'Slack channel', kind: text },
];

export const RELATIONSHIP: FieldSpec<PartnerKey>[] = [
  { key: 'programStatus', label: 'Program status', kind: select('programStatus') },
  { key: 'owner', label: 'Owner', kind: text },
  { key: 'partnerManagerName', label: 'Partner manager', kind: text },
  { key: 'partnerManagerEmail', label: 'Partner manager email', kind: { type: 'email' } },
  { key: 'partnerManagerSlack', label: 'Partner manager Slack', kind: text },
  { key: 'originStory', label: 'Origin story', kind: textarea },
  { key: 'relationshipNotes', label: 'Relationship notes', kind: textarea },
];

export const STATUS_LINKS: FieldSpec<PartnerKey>[] = [
  { key: 'phase', label: 'Phase', kind: select('phase') },
  { key: 'hubspotCompanyId', label: 'HubSpot company id', kind: { type: 'hubspot' } },
];

export const NOTES: FieldSpec<PartnerKey>[] = [{ key: 'notes', label: 'Notes', kind: textarea }];

// Optional scoring sections (PRODUCT.md): hidden until used.
export const IPP: FieldSpec<PartnerKey>[] = [
  { key: 'icpAlignment', label: 'ICP alignment', kind: score(0, 10) },
  { key: 'revenuePathClarity', label: 'Revenue path clarity', kind: score(0, 10) },
  { key: 'archetypeFit', label: 'Archetype fit', kind: score(0, 10) },
  { key: 'economics', label: 'Economics', kind: score(0, 10) },
  { key: 'strategicValue', label: 'Strategic value', kind: score(0, 10) },
];

export const ENTERPRISE: FieldSpec<PartnerKey>[] = [
  { key: 'capacity', label: 'Capacity', kind: score(1, 5) },
  { key: 'capability', label: 'Capability', kind: score(1, 5) },
  { key: 'commitment', label: 'Commitment', kind: score(1, 5) },
  { key: 'pillarPartnershipsManagement', label: 'Partnerships management', kind: score(1, 5) },
  { key: 'pillarPartnerMarketing', label: 'Partner marketing', kind: score(1, 5) },
  { key: 'pillarPartnerEnablement', label: 'Partner enablement', kind: score(1, 5) },
  { key: 'pillarPartnerOperations', label: 'Partner operations', kind: score(1, 5) },
  { key: 'pillarCrossFunctional', label: 'Cross-functional', kind: score(1, 5) },
  { key: 'pillarCustomerCentric', label: 'Customer-centric', kind: score(1, 5) },
  { key: 'enterpriseTier', label: 'Enterprise tier', kind: select('enterpriseTier') },
  { key: 'jvpStatus', label: 'JVP status', kind: select('jvpStatus') },
  { key: 'jvpDate', label: 'JVP date', kind: { type: 'date' } },
  { key: 'jvpLink', label: 'JVP link', kind: { type: 'url' } },
];

export const QUALIFICATION: FieldSpec<PartnerKey>[] = [
  { key: 'icpMatch', label: 'ICP match', kind: { type: 'yesno' } },
  { key: 'namedAccounts', label: 'Named accounts', kind: { type: 'accounts' } },
  { key: 'introMechanism', label: 'Intro mechanism', kind: textarea },
  { key: 'economicsOk', label: 'Economics OK', kind: { type: 'yesno' } },
];

type RepKey = keyof RepDto & string;
export const REP_FIELDS: FieldSpec<RepKey>[] = [
  { key: 'name', label: 'Name', kind: text, required: true },
  { key: 'title', label: 'Title', kind: text },
  { key: 'email', label: 'Email', kind: { type: 'email' } },
  { key: 'qualityScore', label: 'Quality score', kind: score(1, 10) },
  { key: 'hubspotContactId', label: 'HubSpot contact id', kind: { type: 'hubspot' } },
  { key: 'notes', label: 'Notes', kind: textarea },
];

const OTHER_LABELS: Record<string, string> = {
  icpMatch: 'ICP match',
  namedAccounts: 'Named accounts',
  introMechanism: 'Intro mechanism',
  economicsOk: 'Economics OK',
  reviewedAt: 'Reviewed',
  engagementTier: 'Engagement tier',
  sharesAccountList: 'Shares account list',
  suggestsJointActivities: 'Suggests joint activities',
  introsWithoutProof: 'Makes intros without proof',
  responsive: 'Responsive',
  stuckBuildingRapport: 'Stuck building rapport',
  lipServiceOnly: 'Lip service only',
  expectsUsToBringEverything: 'Expects us to bring everything',
  waitsForDeals: 'Waits for deals',
  goal: 'Goal',
  metric: 'Metric',
  target: 'Target',
  startDate: 'Start date',
  endDate: 'End date',
  status: 'Status',
  stage: 'Stage',
  amountMinor: 'Amount',
  expectedCloseDate: 'Expected close',
  dueDate: 'Due date',
};

const LABELS = new Map<string, string>([
  ...[IDENTIFICATION, RELATIONSHIP, STATUS_LINKS, NOTES, IPP, ENTERPRISE, REP_FIELDS]
    .flat()
    .map((f) => [f.key, f.label] as const),
  ...Object.entries(OTHER_LABELS),
]);

/** The label of a field as people read it ("partnerManagerEmail" → "Partner manager email"). */
export function fieldLabel(field: string): string {
  const known = LABELS.get(field);
  if (known) return known;
  const words = field.replace(/^custom\./, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** Whether any of the fields holds a value: an optional section opens when it is in use. */
export function anySet(record: Record<string, unknown>, specs: FieldSpec[]): boolean {
  return specs.some((f) => record[f.key] !== null && record[f.key] !== undefined && record[f.key] !== '');
}
