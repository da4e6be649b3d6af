import { PLAN_METRIC_LABELS } from './enums';
import type { OptionListName } from './option-lists';
import { PARTNER_GRID_FIELDS, PARTNER_RECORD_LABELS, type PartnerGridField } from './partner-grid';
import {
  PARTNER_FIELD_LABELS,
  type PartnerOwnField,
  REP_COMPUTED_LABELS,
  REP_FIELD_LABELS,
  type RepOwnField,
} from './record-fields';

// What a sheet column can become, for the import wizard (its choices and their words) and for the sheets
// adapter (how the cells are read). Own fields take their label from the record's fields; the suffix
// says what the cell holds.

/**
 * How a field's cells are read (and written back on export). Limits follow packages/contracts
 * (PartnerFields, RepFields); plan, action and baseline targets follow packages/storage's schema.
 */
export type ValueKind =
  | { kind: 'text'; max: number; required?: boolean }
  | { kind: 'option'; list: OptionListName }
  | { kind: 'planStatus' }
  | { kind: 'planMetric' }
  | { kind: 'yesNo' }
  | { kind: 'flag' }
  | { kind: 'list' }
  | { kind: 'email' }
  | { kind: 'url' }
  | { kind: 'date' }
  | { kind: 'score'; min: number; max: number }
  | { kind: 'count' }
  | { kind: 'money' }
  | { kind: 'tier' }
  | { kind: 'hubspot'; object: 'company' | 'contact' };

/** A target: how its cells are read, the wizard's group and its label there. */
export type ImportTarget = ValueKind & { group: string; label: string };

const text = (max: number) => ({ kind: 'text', max }) as const;
const score = (min: number, max: number) => ({ kind: 'score', min, max }) as const;
const option = (list: OptionListName) => ({ kind: 'option', list }) as const;
const date = { kind: 'date' } as const;
const count = { kind: 'count' } as const;
const flag = { kind: 'flag' } as const;
const yesNo = { kind: 'yesNo' } as const;

function suffix(value: ValueKind): string {
  switch (value.kind) {
    case 'yesNo':
    case 'flag':
      return ' (yes/no)';
    case 'score':
      return ` (${value.min}–${value.max})`;
    case 'tier':
      return ' (1–4)';
    default:
      return '';
  }
}

type In<G extends string> = <const V extends ValueKind>(value: V, label: string) => V & { group: G; label: string };
const inGroup =
  <const G extends string>(group: G): In<G> =>
  (value, label) => ({ ...value, group, label });
/** An own field of the partner: its page label and the suffix of its kind, unless `label` says otherwise. */
const partnerField =
  <const G extends string>(group: G) =>
  <const V extends ValueKind>(key: PartnerOwnField, value: V, label?: string) =>
    inGroup(group)(value, label ?? `${PARTNER_FIELD_LABELS[key]}${suffix(value)}`);
const repField =
  <const G extends string>(group: G) =>
  <const V extends ValueKind>(key: RepOwnField, value: V, label?: string) =>
    inGroup(group)(value, label ?? `${REP_FIELD_LABELS[key]}${suffix(value)}`);

const partner = partnerField('Partner');
const qualification = partnerField('Qualification');
const relationship = partnerField('Relationship');
const plan = inGroup(PARTNER_RECORD_LABELS.plan);
const next = inGroup(PARTNER_RECORD_LABELS.nextAction);
const baseline = inGroup('Performance so far (baseline)');
const activity = inGroup('Activity');
const ipp = partnerField('IPP scores');
const enterprise = partnerField('Enterprise evaluation');

/** Every partner target, grouped as the partner page shows them: its own fields, its current 90-day plan, its next action, baselines, activity dates. */
export const PARTNER_IMPORT_TARGETS = {
  name: partner('name', { kind: 'text', max: 200, required: true }, 'Partner name'),
  type: partner('type', option('partnerType')),
  archetype: partner('archetype', option('archetype')),
  industry: partner('industry', text(200)),
  website: partner('website', { kind: 'url' }),
  domain: partner('domain', text(253)),
  slackChannel: partner('slackChannel', text(200)),
  programStatus: partner('programStatus', option('programStatus')),
  phase: partner('phase', option('phase')),
  owner: partner('owner', text(200)),
  hubspotCompanyId: partner('hubspotCompanyId', { kind: 'hubspot', object: 'company' }, 'HubSpot company (link or id)'),
  notes: partner('notes', text(20000)),
  icpMatch: qualification('icpMatch', yesNo),
  namedAccounts: qualification('namedAccounts', { kind: 'list' }),
  introMechanism: qualification('introMechanism', text(2000)),
  economicsOk: qualification('economicsOk', yesNo),
  partnerManagerName: relationship('partnerManagerName', text(200)),
  partnerManagerEmail: relationship('partnerManagerEmail', { kind: 'email' }),
  partnerManagerSlack: relationship('partnerManagerSlack', text(200)),
  originStory: relationship('originStory', text(5000)),
  relationshipNotes: relationship('relationshipNotes', text(5000)),
  'plan.goal': plan(text(2000), '90-day goal'),
  'plan.startDate': plan(date, '90-day start date'),
  'plan.status': plan({ kind: 'planStatus' }, '90-day status'),
  'plan.metric': plan({ kind: 'planMetric' }, '90-day metric'),
  'plan.target': plan(count, '90-day target'),
  'nextAction.dueDate': next(date, 'Next action date'),
  'nextAction.type': next(option('actionType'), 'Next action type'),
  'nextAction.repName': next(text(200), 'Next action rep'),
  'nextAction.notes': next(text(2000), 'Next action notes'),
  // Keys of partners.baseline (jsonb) as the stats repository reads them.
  'baseline.introsMade': baseline(count, REP_COMPUTED_LABELS.introductionsMade),
  'baseline.qualifiedConversations': baseline(count, PLAN_METRIC_LABELS['qualified-conversations']),
  'baseline.dealsBroughtIn': baseline(count, 'Deals brought in'),
  'baseline.closedWon': baseline(count, 'Closed won deals'),
  'baseline.pipelineValueMinor': baseline({ kind: 'money' }, 'Pipeline value'),
  'baseline.activeContacts': baseline(count, 'Active contacts'),
  'activity.firstTouchDate': activity(date, 'First touch date'),
  'activity.lastEngagementDate': activity(date, 'Last engagement date'),
  icpAlignment: ipp('icpAlignment', score(0, 10)),
  revenuePathClarity: ipp('revenuePathClarity', score(0, 10)),
  archetypeFit: ipp('archetypeFit', score(0, 10)),
  economics: ipp('economics', score(0, 10)),
  strategicValue: ipp('strategicValue', score(0, 10)),
  capacity: enterprise('capacity', score(1, 5)),
  capability: enterprise('capability', score(1, 5)),
  commitment: enterprise('commitment', score(1, 5)),
  pillarPartnershipsManagement: enterprise('pillarPartnershipsManagement', score(1, 5)),
  pillarPartnerMarketing: enterprise('pillarPartnerMarketing', score(1, 5)),
  pillarPartnerEnablement: enterprise('pillarPartnerEnablement', score(1, 5)),
  pillarPartnerOperations: enterprise('pillarPartnerOperations', score(1, 5)),
  pillarCrossFunctional: enterprise('pillarCrossFunctional', score(1, 5)),
  pillarCustomerCentric: enterprise('pillarCustomerCentric', score(1, 5)),
  enterpriseTier: enterprise('enterpriseTier', option('enterpriseTier')),
  jvpStatus: enterprise('jvpStatus', option('jvpStatus')),
  jvpDate: enterprise('jvpDate', date),
  jvpLink: enterprise('jvpLink', { kind: 'url' }),
} as const satisfies Record<string, ImportTarget>;
export type PartnerTarget = keyof typeof PARTNER_IMPORT_TARGETS;

const rep = repField('Rep');
const signal = repField('Signals');
const repNext = inGroup('Next action and contact');

/** The rep fields a column of a rep sheet (seed 001, "Option B") can fill. */
export const REP_IMPORT_TARGETS = {
  name: rep('name', { kind: 'text', max: 200, required: true }, 'Rep name'),
  partnerName: inGroup('Rep')({ kind: 'text', max: 200, required: true }, 'Partner (by name)'),
  email: rep('email', { kind: 'email' }),
  title: rep('title', text(200)),
  engagementTier: rep('engagementTier', { kind: 'tier' }),
  qualityScore: rep('qualityScore', score(1, 10)),
  hubspotContactId: rep('hubspotContactId', { kind: 'hubspot', object: 'contact' }, 'HubSpot contact (link or id)'),
  notes: rep('notes', text(20000)),
  sharesAccountList: signal('sharesAccountList', flag),
  suggestsJointActivities: signal('suggestsJointActivities', flag),
  introsWithoutProof: signal('introsWithoutProof', flag, 'Intros without proof (yes/no)'),
  responsive: signal('responsive', flag),
  stuckBuildingRapport: signal('stuckBuildingRapport', flag),
  lipServiceOnly: signal('lipServiceOnly', flag),
  expectsUsToBringEverything: signal('expectsUsToBringEverything', flag),
  waitsForDeals: signal('waitsForDeals', flag),
  'nextAction.dueDate': repNext(date, 'Next action date'),
  'nextAction.type': repNext(option('actionType'), 'Next action type'),
  'nextAction.notes': repNext(text(2000), 'Next action notes'),
  'activity.lastContactDate': repNext(date, 'Last contact date'),
} as const satisfies Record<string, ImportTarget>;
export type RepTarget = keyof typeof REP_IMPORT_TARGETS;

const GRID_LABELS: ReadonlyMap<string, string> = new Map(PARTNER_GRID_FIELDS.map((f) => [f.key, f.label]));
const gridLabel = (key: PartnerGridField): string => GRID_LABELS.get(key) ?? key;

/** Columns the product computes (rollups, performance totals, time since touch): recognised, not stored. */
export const PARTNER_COMPUTED_LABELS = {
  repsBringingDeals: gridLabel('repsBringingDeals'),
  repsEngaged: gridLabel('repsEngaged'),
  totalEngaged: 'Total engaged reps',
  repsWhoDeliver: gridLabel('repsWhoDeliver'),
  tier1Reps: `${gridLabel('tier1Reps')} reps`,
  tier2Reps: `${gridLabel('tier2Reps')} reps`,
  tier3Reps: `${gridLabel('tier3Reps')} reps`,
  tier4Reps: `${gridLabel('tier4Reps')} reps`,
  totalReps: gridLabel('totalReps'),
  tier12RepNames: 'Tier 1–2 rep names',
  jordanCount: gridLabel('jordanCount'),
  daysSinceLastTouch: 'Days since last touch',
  daysSinceFirstTouch: 'Days since first touch',
  ippScore: gridLabel('ippScore'),
  partnerStatus: gridLabel('partnerStatus'),
  reviewedThisWeek: gridLabel('reviewedThisWeek'),
  openDeals: gridLabel('openDeals'),
  introToDealConversion: 'Intro → deal conversion',
  qualification: 'Qualification verdict',
  planEndDate: '90-day end date',
} as const;
export type PartnerComputed = keyof typeof PARTNER_COMPUTED_LABELS;

export const REP_COMPUTED = [
  'introductionsMade',
  'responseRate',
  'isJordan',
  'isTimeWaster',
  'suggestedTier',
  'cadenceDays',
  'daysSinceLastContact',
] as const;
export type RepComputed = (typeof REP_COMPUTED)[number];
