import { PARTNER_COMPUTED_LABELS, REP_FIELD_LABELS } from '@ptrack/catalog';

/**
 * The HubSpot properties the tracker reads and writes (issue 6: the "Partner Sales Rep" tag, engagement
 * tier 1–4 and rep quality score on contacts; partner aggregates on companies). Pure data: the setup
 * step creates whichever are missing through the Properties API.
 */
export type HubSpotPropertyDefinition = {
  name: string;
  label: string;
  type: 'string' | 'number' | 'date' | 'enumeration' | 'bool';
  fieldType: 'text' | 'number' | 'date' | 'select' | 'booleancheckbox';
  description: string;
  options?: { label: string; value: string; displayOrder: number; hidden: boolean }[];
};

export const HUBSPOT_GROUP = { contacts: 'contactinformation', companies: 'companyinformation' } as const;

export const REP_PROPERTY = {
  partnerSalesRep: 'partner_sales_rep',
  engagementTier: 'engagement_tier',
  qualityScore: 'rep_quality_score',
} as const;

const boolOptions = [
  { label: 'Yes', value: 'true', displayOrder: 0, hidden: false },
  { label: 'No', value: 'false', displayOrder: 1, hidden: false },
];

export const CONTACT_PROPERTIES: readonly HubSpotPropertyDefinition[] = [
  {
    name: REP_PROPERTY.partnerSalesRep,
    label: 'Partner Sales Rep',
    type: 'bool',
    fieldType: 'booleancheckbox',
    description: 'A sales rep at a partner company, tracked in Partner Tracker',
    options: boolOptions,
  },
  {
    name: REP_PROPERTY.engagementTier,
    label: REP_FIELD_LABELS.engagementTier,
    type: 'enumeration',
    fieldType: 'select',
    description: '1 active deals, 2 engaged, 3 warming, 4 stale',
    options: ['1', '2', '3', '4'].map((value, i) => ({ label: `Tier ${value}`, value, displayOrder: i, hidden: false })),
  },
  {
    name: REP_PROPERTY.qualityScore,
    label: 'Rep quality score',
    type: 'number',
    fieldType: 'number',
    description: 'Rep quality 1–10 (8 or more: a Jordan)',
  },
];

/** Company properties the push writes: the partner's aggregates, computed by the tracker. */
export const COMPANY_AGGREGATE = {
  tier1Reps: 'ptrack_tier_1_reps',
  tier2Reps: 'ptrack_tier_2_reps',
  tier3Reps: 'ptrack_tier_3_reps',
  tier4Reps: 'ptrack_tier_4_reps',
  jordans: 'ptrack_jordans',
  nextActionDate: 'ptrack_next_action_date',
  daysSinceLastTouch: 'ptrack_days_since_last_touch',
  planStatus: 'ptrack_plan_status',
  intros: 'ptrack_intros',
  deals: 'ptrack_deals',
  closedWon: 'ptrack_closed_won',
  pipeline: 'ptrack_pipeline',
} as const;

const num = (name: string, label: string, description: string): HubSpotPropertyDefinition => ({
  name,
  label,
  type: 'number',
  fieldType: 'number',
  description,
});

export const COMPANY_PROPERTIES: readonly HubSpotPropertyDefinition[] = [
  num(COMPANY_AGGREGATE.tier1Reps, 'Tier 1 reps', 'Partner reps with active deals'),
  num(COMPANY_AGGREGATE.tier2Reps, 'Tier 2 reps', 'Engaged partner reps'),
  num(COMPANY_AGGREGATE.tier3Reps, 'Tier 3 reps', 'Warming partner reps'),
  num(COMPANY_AGGREGATE.tier4Reps, 'Tier 4 reps', 'Stale partner reps'),
  num(COMPANY_AGGREGATE.jordans, PARTNER_COMPUTED_LABELS.jordanCount, 'High-quality partner reps'),
  {
    name: COMPANY_AGGREGATE.nextActionDate,
    label: 'Next partner action',
    type: 'date',
    fieldType: 'date',
    description: 'Due date of the earliest open action',
  },
  num(COMPANY_AGGREGATE.daysSinceLastTouch, 'Days since last partner touch', 'Calendar days in the workspace time zone'),
  {
    name: COMPANY_AGGREGATE.planStatus,
    label: '90-day plan status',
    type: 'enumeration',
    fieldType: 'select',
    description: 'Status of the current 90-day activation plan',
    options: ['on-track', 'at-risk', 'delivered', 'failed'].map((value, i) => ({
      label: value.replace('-', ' ').replace(/^./, (c) => c.toUpperCase()),
      value,
      displayOrder: i,
      hidden: false,
    })),
  },
  num(COMPANY_AGGREGATE.intros, 'Partner intros', 'Intros made by the partner'),
  num(COMPANY_AGGREGATE.deals, 'Partner deals', 'Deals brought in by the partner'),
  num(COMPANY_AGGREGATE.closedWon, 'Partner closed won', 'Closed-won referrals'),
  num(COMPANY_AGGREGATE.pipeline, 'Partner pipeline', 'Sum of open deal amounts'),
];
