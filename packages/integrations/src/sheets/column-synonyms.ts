import { PARTNER_COMPUTED_LABELS, PARTNER_FIELD_LABELS } from '@ptrack/catalog';
import type { PartnerComputed, PartnerTarget, RepComputed, RepTarget } from './column-targets';

// Header spellings per target. The first is the seed's own header (seed 000 final schema, seed 001
// Option B); the rest are the legacy columns seed 000 says to keep and what people commonly write.
// Where a spelling is the product's own label it is read from the catalog, so the two never drift apart.
// Matching compares normaliseHeader() forms, so case, spaces, punctuation and accents do not matter.

export const PARTNER_FIELD_HEADERS: Readonly<Record<PartnerTarget, readonly string[]>> = {
  name: [
    'Partner Company',
    'Partner Company Name',
    'Partner',
    'Partner Name',
    'Company',
    'Company Name',
    'Name',
    'Organisation',
    'Organization',
  ],
  type: ['Partner Type', 'Type', 'Partnership Type', 'Category'],
  archetype: ['Partner Archetype', PARTNER_FIELD_LABELS.archetype],
  slackChannel: ['Slack Channel', 'Slack', 'Shared Slack Channel'],
  industry: ['Industry', 'Vertical', 'Sector'],
  website: ['Website', 'Web Site', 'URL', 'Company Website', 'Site'],
  domain: ['Domain', 'Company Domain'],
  icpMatch: ['ICP Match', 'ICP', 'ICP Fit', 'Fits ICP'],
  namedAccounts: ['Accounts Named', 'Named Accounts', 'Target Accounts', 'Accounts', 'Accounts They Will Introduce'],
  introMechanism: ['Intro Mechanism', 'Introduction Mechanism', 'How Will They Make Intros'],
  economicsOk: [PARTNER_FIELD_LABELS.economicsOk, 'Economics Work', 'Economics Okay'],
  partnerManagerName: [
    'Partner Manager Name',
    'Partner Manager',
    'Account Manager',
    'KEY CONTACT',
    'Main Contact',
    'Primary Contact',
    'Contact Name',
  ],
  partnerManagerEmail: ['Partner Manager Email', 'Account Manager Email', 'Key Contact Email', 'Contact Email', 'Email'],
  partnerManagerSlack: ['Partner Manager Slack', 'Manager Slack', 'Slack Handle'],
  originStory: ['Origin Story', 'Origin', 'How We Met', 'Source'],
  relationshipNotes: ['Relationship Notes', 'Relationship', 'Relationship Context'],
  programStatus: ['Partner Program Status', 'Program Status', 'Status', 'Partner Status (Program)'],
  owner: ['Owner', 'Partner Owner', 'Internal Owner', 'Our Owner'],
  phase: ['PHASE', 'Current Phase', 'Phase Tracking', 'Stage'],
  hubspotCompanyId: [
    'HUBSPOT LINK',
    'HubSpot',
    'HubSpot URL',
    'HubSpot Company',
    'HubSpot Company ID',
    'HubSpot ID',
    'HubSpot Company Link',
  ],
  notes: ['NOTES', 'Note', 'General Notes', 'Comments'],
  icpAlignment: ['ICP Alignment', 'ICP Alignment Score'],
  revenuePathClarity: ['Revenue Path Clarity', 'Revenue Path Clarity Score'],
  archetypeFit: ['Archetype Fit', 'Archetype Fit Score'],
  economics: ['Economics', 'Economics Score'],
  strategicValue: ['Strategic Value', 'Strategic Value Score'],
  capacity: ['CAPACITY Score', PARTNER_FIELD_LABELS.capacity],
  capability: ['CAPABILITY Score', PARTNER_FIELD_LABELS.capability],
  commitment: ['COMMITMENT Score', PARTNER_FIELD_LABELS.commitment],
  pillarPartnershipsManagement: ['Partnerships Mgmt', 'Partnerships Management'],
  pillarPartnerMarketing: ['Partner Marketing'],
  pillarPartnerEnablement: ['Partner Enablement'],
  pillarPartnerOperations: ['Partner Operations', 'Partner Ops'],
  pillarCrossFunctional: ['Cross Functional', 'Cross-Functional Alignment'],
  pillarCustomerCentric: ['Customer Centric', 'Customer Centricity'],
  enterpriseTier: ['Partner Tier (Enterprise)', 'Enterprise Tier', 'Partner Tier'],
  jvpStatus: ['JVP Completed', 'JVP Status', 'JVP'],
  jvpDate: ['JVP Date'],
  jvpLink: ['JVP Link'],
  'plan.goal': ['Current 90-Day Goal', '90-Day Goal', '90 Day Goal', 'Goal', 'Quarter Goal'],
  'plan.startDate': ['90-Day Start Date', '90 Day Start', 'Plan Start Date', 'Test Start Date'],
  'plan.status': ['90-Day Status', '90 Day Status', 'Plan Status', 'Test Status'],
  'plan.metric': ['90-Day Metric', 'Plan Metric'],
  'plan.target': ['90-Day Target', 'Plan Target'],
  'nextAction.dueDate': ['Next Action Date', 'Next Action Due', 'Next Step Date', 'Follow Up Date', 'Next Activity'],
  'nextAction.type': ['Next Action Type', 'Next Action', 'Next Step'],
  'nextAction.repName': ['Next Action Rep', 'Next Action Contact', 'Rep To Contact'],
  'nextAction.notes': ['Next Action Notes', 'Next Step Notes'],
  'baseline.introsMade': ['Intros Made', 'Introductions Made', 'Intros', 'LEADS GENERATED', 'Leads', 'Referrals'],
  'baseline.qualifiedConversations': ['Qualified Convos', 'Qualified Conversations', 'Qualified Calls', 'Sales Calls'],
  'baseline.dealsBroughtIn': ['Deals Brought In', 'Deals', 'Deals In Pipeline', 'Opportunities'],
  'baseline.closedWon': ['CLOSED/WON DEALS', 'Closed Won', 'Closed Won Deals', 'Won Deals', 'Deals Won'],
  'baseline.pipelineValueMinor': ['Pipeline Value', 'Pipeline', 'Pipeline Amount', 'Open Pipeline'],
  'baseline.activeContacts': ['ACTIVE CONTACTS', 'Active Contacts Count'],
  'activity.firstTouchDate': ['First Touch Date', 'First Touch', 'First Contact Date', 'First Contact'],
  'activity.lastEngagementDate': [
    'Last Engagement Date',
    'Last Engagement',
    'Last Touch Date',
    'Last Touch',
    'Last Contact Date',
    'Last Activity',
  ],
};

/**
 * Headers whose meaning depends on their values: legacy "Next Activity" may hold dates or "Send deck";
 * Option A's "Next Action" may hold action types or free text. When the sample values do not fit, the
 * column goes to `otherwise` (a custom field when null).
 */
export const CONDITIONAL_HEADERS: readonly {
  entity: 'partner' | 'rep';
  header: string;
  when: 'dates' | 'actionTypes';
  otherwise: PartnerTarget | RepTarget | null;
}[] = [
  { entity: 'partner', header: 'Next Activity', when: 'dates', otherwise: null },
  { entity: 'partner', header: 'Last Activity', when: 'dates', otherwise: null },
  { entity: 'partner', header: 'Next Action', when: 'actionTypes', otherwise: 'nextAction.notes' },
  { entity: 'rep', header: 'Next Action', when: 'actionTypes', otherwise: 'nextAction.notes' },
];

export const PARTNER_COMPUTED_HEADERS: Readonly<Record<PartnerComputed, readonly string[]>> = {
  repsBringingDeals: ['Reps Bringing Deals'],
  repsEngaged: ["Reps We've Engaged", 'Reps Engaged'],
  totalEngaged: ['Total Engaged Reps', 'Total Engaged'],
  repsWhoDeliver: ['Reps Who Deliver'],
  tier1Reps: ['Tier 1 Reps', 'Tier 1 Reps Count', 'Tier 1 Reps (count)'],
  tier2Reps: ['Tier 2 Reps', 'Tier 2 Reps Count', 'Tier 2 Reps (count)'],
  tier3Reps: ['Tier 3 Reps', 'Tier 3 Reps Count', 'Tier 3 Reps (count)'],
  tier4Reps: ['Tier 4 Reps', 'Tier 4 Reps Count', 'Tier 4 Reps (count)'],
  totalReps: ['Active Reps Count', 'Active Reps', 'Total Reps', 'Rep Count'],
  tier12RepNames: ['Tier 1-2 Rep Names', 'Tier 1/2 Rep Names', 'Top Rep Names'],
  jordanCount: ['High Quality Reps', 'High Quality Reps Count', PARTNER_COMPUTED_LABELS.jordanCount],
  daysSinceLastTouch: ['Days Since Last Touch', 'TIME SINCE LAST TOUCH', 'Days Since Last Contact', 'Days Since Last Activity'],
  daysSinceFirstTouch: ['TIME SINCE FIRST TOUCH', 'Days Since First Touch'],
  ippScore: ['IPP Score', 'IPP', 'IPP Total'],
  partnerStatus: ['Partner Status'],
  reviewedThisWeek: ['CURRENT WEEK', 'Reviewed This Week', 'Current Week Review'],
  openDeals: ['Active Deals', 'Open Deals'],
  introToDealConversion: ['Intro to Deal Conversion', 'Conversion', 'Intro → Deal'],
  qualification: ['Qualification', 'Qualification Verdict', 'Qualified?'],
  planEndDate: ['90-Day End Date', 'Plan End Date'],
};

export const REP_FIELD_HEADERS: Readonly<Record<RepTarget, readonly string[]>> = {
  name: ['Rep Name', 'Rep', 'Name', 'Sales Rep', 'Partner Rep', 'Contact', 'Contact Name', 'Full Name'],
  partnerName: ['Partner Company', 'Partner', 'Company', 'Partner Name', 'Company Name', 'Account'],
  email: ['Email', 'Rep Email', 'E-mail', 'Email Address'],
  title: ['Title', 'Job Title', 'Role', 'Position'],
  engagementTier: ['Engagement Tier', 'Tier', 'Rep Tier'],
  qualityScore: ['Rep Quality Score', 'Quality Score', 'Quality', 'Score'],
  sharesAccountList: ['Shares Account List', 'Proactively Shares Account List', 'Shares Accounts'],
  suggestsJointActivities: ['Suggests Joint Activities', 'Suggests Joint Marketing Activities', 'Suggests Joint Marketing'],
  introsWithoutProof: ['Intros Without Proof', 'Makes Introductions Without Requiring Proof', 'Makes Intros Without Proof'],
  responsive: ['Responsive', 'Responsive and Engaged', 'Engaged'],
  stuckBuildingRapport: ['Stuck Building Rapport', 'Still Building Rapport', 'Multiple Meetings Still Building Rapport'],
  lipServiceOnly: ['Lip Service Only', 'Lip Service', 'Lip Service But No Action'],
  expectsUsToBringEverything: ['Expects Us To Bring Everything', 'Expects Everything', 'Offers Nothing'],
  waitsForDeals: ['Waits For Deals', 'Tell Me When You Have A Deal'],
  notes: ['Notes', 'Note', 'Comments', 'Context'],
  hubspotContactId: ['HubSpot Contact', 'HubSpot Link', 'HubSpot', 'HubSpot URL', 'HubSpot Contact ID', 'HubSpot ID'],
  'nextAction.dueDate': ['Next Action Date', 'Next Action Due', 'Follow Up Date', 'Next Step Date'],
  'nextAction.type': ['Next Action Type', 'Next Action', 'Next Step'],
  'nextAction.notes': ['Next Action Notes', 'Next Step Notes'],
  'activity.lastContactDate': ['Last Contact Date', 'Last Contact', 'Last Touch', 'Last Touch Date', 'Last Contacted'],
};

export const REP_COMPUTED_HEADERS: Readonly<Record<RepComputed, readonly string[]>> = {
  introductionsMade: ['Introductions Made', 'Intros Made', 'Intros'],
  responseRate: ['Response Rate', 'Reply Rate'],
  isJordan: ['Jordan', 'Is Jordan', 'Jordan?', 'High Quality'],
  isTimeWaster: ['Time Waster', 'Time-Waster?'],
  suggestedTier: ['Suggested Tier'],
  cadenceDays: ['Cadence', 'Cadence (days)', 'Cadence Days'],
  daysSinceLastContact: ['Days Since Last Contact', 'Days Since Last Touch', 'TIME SINCE LAST TOUCH'],
};
