// The partner's and rep's own fields: each field's label (written once: the partner page, the grid, the
// import wizard and the change history read it here) and, by docs/RULES.md section, how the page shows and
// edits it. One list drives the read view, the edit form, the PATCH body and the history's labels.

/** How a field is shown and edited on the partner or rep page. */
export type FieldInput =
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

export type FieldSpecDef<K extends string = string> = { key: K; label: string; kind: FieldInput; required?: boolean };

/** The label of each of the partner's own fields. */
export const PARTNER_FIELD_LABELS = {
  name: 'Name',
  type: 'Type',
  archetype: 'Archetype',
  industry: 'Industry',
  website: 'Website',
  domain: 'Domain',
  slackChannel: 'Slack channel',
  programStatus: 'Program status',
  owner: 'Owner',
  partnerManagerName: 'Partner manager',
  partnerManagerEmail: 'Partner manager email',
  partnerManagerSlack: 'Partner manager Slack',
  originStory: 'Origin story',
  relationshipNotes: 'Relationship notes',
  phase: 'Phase',
  hubspotCompanyId: 'HubSpot company id',
  notes: 'Notes',
  icpAlignment: 'ICP alignment',
  revenuePathClarity: 'Revenue path clarity',
  archetypeFit: 'Archetype fit',
  economics: 'Economics',
  strategicValue: 'Strategic value',
  capacity: 'Capacity',
  capability: 'Capability',
  commitment: 'Commitment',
  pillarPartnershipsManagement: 'Partnerships management',
  pillarPartnerMarketing: 'Partner marketing',
  pillarPartnerEnablement: 'Partner enablement',
  pillarPartnerOperations: 'Partner operations',
  pillarCrossFunctional: 'Cross-functional',
  pillarCustomerCentric: 'Customer-centric',
  enterpriseTier: 'Enterprise tier',
  jvpStatus: 'JVP status',
  jvpDate: 'JVP date',
  jvpLink: 'JVP link',
  icpMatch: 'ICP match',
  namedAccounts: 'Named accounts',
  introMechanism: 'Intro mechanism',
  economicsOk: 'Economics OK',
  reviewedAt: 'Reviewed',
} as const;
export type PartnerOwnField = keyof typeof PARTNER_FIELD_LABELS;

/** The label of each of the rep's own fields (name, email and notes read as the partner's do). */
export const REP_FIELD_LABELS = {
  name: PARTNER_FIELD_LABELS.name,
  title: 'Title',
  email: 'Email',
  qualityScore: 'Quality score',
  hubspotContactId: 'HubSpot contact id',
  notes: PARTNER_FIELD_LABELS.notes,
  engagementTier: 'Engagement tier',
  sharesAccountList: 'Shares account list',
  suggestsJointActivities: 'Suggests joint activities',
  introsWithoutProof: 'Makes intros without proof',
  responsive: 'Responsive',
  stuckBuildingRapport: 'Stuck building rapport',
  lipServiceOnly: 'Lip service only',
  expectsUsToBringEverything: 'Expects us to bring everything',
  waitsForDeals: 'Waits for deals',
} as const;
export type RepOwnField = keyof typeof REP_FIELD_LABELS;

/** The labels of the figures the server counts for a rep (the rep page's engagement panel). */
export const REP_COMPUTED_LABELS = {
  introductionsMade: 'Intros made',
  responseRate: 'Response rate',
} as const;

const text = { type: 'text' } as const;
const textarea = { type: 'textarea' } as const;
const select = (optionList: string) => ({ type: 'select', optionList }) as const;
const score = (min: number, max: number) => ({ type: 'score', min, max }) as const;
const p = <K extends PartnerOwnField>(key: K, kind: FieldInput, required?: true): FieldSpecDef<K> => ({
  key,
  label: PARTNER_FIELD_LABELS[key],
  kind,
  ...(required ? { required } : {}),
});
const r = <K extends RepOwnField>(key: K, kind: FieldInput, required?: true): FieldSpecDef<K> => ({
  key,
  label: REP_FIELD_LABELS[key],
  kind,
  ...(required ? { required } : {}),
});

/** The partner page's sections of own fields, in docs/RULES.md's order. */
export const PARTNER_SECTIONS = {
  identification: [
    p('name', text, true),
    p('type', select('partnerType')),
    p('archetype', select('archetype')),
    p('industry', text),
    p('website', { type: 'url' }),
    p('domain', text),
    p('slackChannel', text),
  ],
  relationship: [
    p('programStatus', select('programStatus')),
    p('owner', text),
    p('partnerManagerName', text),
    p('partnerManagerEmail', { type: 'email' }),
    p('partnerManagerSlack', text),
    p('originStory', textarea),
    p('relationshipNotes', textarea),
  ],
  statusLinks: [p('phase', select('phase')), p('hubspotCompanyId', { type: 'hubspot' })],
  notes: [p('notes', textarea)],
  // Optional scoring sections (docs/RULES.md): hidden until used.
  ipp: [
    p('icpAlignment', score(0, 10)),
    p('revenuePathClarity', score(0, 10)),
    p('archetypeFit', score(0, 10)),
    p('economics', score(0, 10)),
    p('strategicValue', score(0, 10)),
  ],
  enterprise: [
    p('capacity', score(1, 5)),
    p('capability', score(1, 5)),
    p('commitment', score(1, 5)),
    p('pillarPartnershipsManagement', score(1, 5)),
    p('pillarPartnerMarketing', score(1, 5)),
    p('pillarPartnerEnablement', score(1, 5)),
    p('pillarPartnerOperations', score(1, 5)),
    p('pillarCrossFunctional', score(1, 5)),
    p('pillarCustomerCentric', score(1, 5)),
    p('enterpriseTier', select('enterpriseTier')),
    p('jvpStatus', select('jvpStatus')),
    p('jvpDate', { type: 'date' }),
    p('jvpLink', { type: 'url' }),
  ],
  qualification: [
    p('icpMatch', { type: 'yesno' }),
    p('namedAccounts', { type: 'accounts' }),
    p('introMechanism', textarea),
    p('economicsOk', { type: 'yesno' }),
  ],
} as const;

/** The rep page's own fields. */
export const REP_FORM_FIELDS = [
  r('name', text, true),
  r('title', text),
  r('email', { type: 'email' }),
  r('qualityScore', score(1, 10)),
  r('hubspotContactId', { type: 'hubspot' }),
  r('notes', textarea),
] as const;

// Fields of plans, referrals and actions as the change history names them.
const OTHER_LABELS: Readonly<Record<string, string>> = {
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
  ...Object.entries(PARTNER_FIELD_LABELS),
  ...Object.entries(REP_FIELD_LABELS),
  ...Object.entries(OTHER_LABELS),
]);

/** The label of a field as people read it ("partnerManagerEmail" → "Partner manager email"). */
export function fieldLabel(field: string): string {
  const known = LABELS.get(field);
  if (known) return known;
  const words = field.replace(/^custom\./, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** Seed 001: the signals of a "Jordan" and of a time-waster, as the rep page explains them. */
export type SignalKey =
  | 'sharesAccountList'
  | 'suggestsJointActivities'
  | 'introsWithoutProof'
  | 'responsive'
  | 'stuckBuildingRapport'
  | 'lipServiceOnly'
  | 'expectsUsToBringEverything'
  | 'waitsForDeals';
export type SignalDescription = { key: SignalKey; label: string };
export const JORDAN_SIGNALS: readonly SignalDescription[] = [
  { key: 'sharesAccountList', label: 'Shares their account list' },
  { key: 'suggestsJointActivities', label: 'Suggests joint activities' },
  { key: 'introsWithoutProof', label: 'Makes intros without needing proof first' },
  { key: 'responsive', label: 'Responsive' },
];
export const TIME_WASTER_SIGNALS: readonly SignalDescription[] = [
  { key: 'stuckBuildingRapport', label: 'Stuck building rapport' },
  { key: 'lipServiceOnly', label: 'Lip service only' },
  { key: 'expectsUsToBringEverything', label: 'Expects us to bring everything' },
  { key: 'waitsForDeals', label: 'Waits for deals to come to them' },
];
