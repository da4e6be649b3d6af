import type { OptionListName } from '@ptrack/domain';

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

const text = (max: number) => ({ kind: 'text', max }) as const;
const score = (min: number, max: number) => ({ kind: 'score', min, max }) as const;
const option = (list: OptionListName) => ({ kind: 'option', list }) as const;
const date = { kind: 'date' } as const;
const count = { kind: 'count' } as const;

/** Every partner target: its own fields, its current 90-day plan, its next action, baselines, activity dates. */
export const PARTNER_TARGETS = {
  name: { kind: 'text', max: 200, required: true },
  type: option('partnerType'),
  archetype: option('archetype'),
  slackChannel: text(200),
  industry: text(200),
  website: { kind: 'url' },
  domain: text(253),
  icpMatch: { kind: 'yesNo' },
  namedAccounts: { kind: 'list' },
  introMechanism: text(2000),
  economicsOk: { kind: 'yesNo' },
  partnerManagerName: text(200),
  partnerManagerEmail: { kind: 'email' },
  partnerManagerSlack: text(200),
  originStory: text(5000),
  relationshipNotes: text(5000),
  programStatus: option('programStatus'),
  owner: text(200),
  phase: option('phase'),
  hubspotCompanyId: { kind: 'hubspot', object: 'company' },
  notes: text(20000),
  icpAlignment: score(0, 10),
  revenuePathClarity: score(0, 10),
  archetypeFit: score(0, 10),
  economics: score(0, 10),
  strategicValue: score(0, 10),
  capacity: score(1, 5),
  capability: score(1, 5),
  commitment: score(1, 5),
  pillarPartnershipsManagement: score(1, 5),
  pillarPartnerMarketing: score(1, 5),
  pillarPartnerEnablement: score(1, 5),
  pillarPartnerOperations: score(1, 5),
  pillarCrossFunctional: score(1, 5),
  pillarCustomerCentric: score(1, 5),
  enterpriseTier: option('enterpriseTier'),
  jvpStatus: option('jvpStatus'),
  jvpDate: date,
  jvpLink: { kind: 'url' },
  'plan.goal': text(2000),
  'plan.startDate': date,
  'plan.status': { kind: 'planStatus' },
  'plan.metric': { kind: 'planMetric' },
  'plan.target': count,
  'nextAction.dueDate': date,
  'nextAction.type': option('actionType'),
  'nextAction.repName': text(200),
  'nextAction.notes': text(2000),
  // Keys of partners.baseline (jsonb) as the stats repository reads them.
  'baseline.introsMade': count,
  'baseline.qualifiedConversations': count,
  'baseline.dealsBroughtIn': count,
  'baseline.closedWon': count,
  'baseline.pipelineValueMinor': { kind: 'money' },
  'activity.firstTouchDate': date,
  'activity.lastEngagementDate': date,
} as const satisfies Record<string, ValueKind>;
export type PartnerTarget = keyof typeof PARTNER_TARGETS;

const flag = { kind: 'flag' } as const;
export const REP_TARGETS = {
  name: { kind: 'text', max: 200, required: true },
  partnerName: { kind: 'text', max: 200, required: true },
  email: { kind: 'email' },
  title: text(200),
  engagementTier: { kind: 'tier' },
  qualityScore: score(1, 10),
  sharesAccountList: flag,
  suggestsJointActivities: flag,
  introsWithoutProof: flag,
  responsive: flag,
  stuckBuildingRapport: flag,
  lipServiceOnly: flag,
  expectsUsToBringEverything: flag,
  waitsForDeals: flag,
  notes: text(20000),
  hubspotContactId: { kind: 'hubspot', object: 'contact' },
  'nextAction.dueDate': date,
  'nextAction.type': option('actionType'),
  'nextAction.notes': text(2000),
  'activity.lastContactDate': date,
} as const satisfies Record<string, ValueKind>;
export type RepTarget = keyof typeof REP_TARGETS;

/** Columns the product computes (rollups, performance totals, time since touch): recognised, not stored. */
export const PARTNER_COMPUTED = [
  'repsBringingDeals',
  'repsEngaged',
  'totalEngaged',
  'repsWhoDeliver',
  'tier1Reps',
  'tier2Reps',
  'tier3Reps',
  'tier4Reps',
  'totalReps',
  'tier12RepNames',
  'jordanCount',
  'daysSinceLastTouch',
  'daysSinceFirstTouch',
  'ippScore',
  'partnerStatus',
  'reviewedThisWeek',
  'openDeals',
  'introToDealConversion',
  'qualification',
  'planEndDate',
] as const;
export type PartnerComputed = (typeof PARTNER_COMPUTED)[number];

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

export type Entity = 'partner' | 'rep';
export type FieldTarget<E extends Entity> = E extends 'partner' ? PartnerTarget : RepTarget;

export function targetsOf(entity: Entity): Readonly<Record<string, ValueKind>> {
  return entity === 'partner' ? PARTNER_TARGETS : REP_TARGETS;
}
export function computedOf(entity: Entity): readonly string[] {
  return entity === 'partner' ? PARTNER_COMPUTED : REP_COMPUTED;
}
