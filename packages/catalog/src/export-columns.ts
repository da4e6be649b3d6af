// The columns of a partner or rep export: the seed sheets' headers in their order, then the records'
// other fields. The sheets adapter writes them and reads them back.

import { PARTNER_FIELD_LABELS } from './record-fields';

/** How an export column writes its value (and how the header matcher reads it back). */
export type ExportFormat =
  | 'text'
  | 'integer'
  | 'number'
  | 'money'
  | 'date'
  | 'yesNo'
  | 'flag'
  | 'list'
  | 'percent'
  | 'tier'
  | 'planStatus'
  | 'planMetric'
  | 'hubspotCompany'
  | 'hubspotContact';

/**
 * One column of an export: the header as the seed spells it, the record key it reads — a target of the
 * import mapping ("name", "plan.goal", "baseline.introsMade"), "computed.<name>" or "custom.<key>" —
 * and its format.
 */
export type ExportColumn = { header: string; key: string; format: ExportFormat };

const col = (header: string, key: string, format: ExportFormat = 'text'): ExportColumn => ({ header, key, format });

/** The 36 columns of seed 000's final schema, in its order and spelling (= fixtures/final-schema-tracker.csv). */
export const PARTNER_SEED_COLUMNS: readonly ExportColumn[] = [
  col('Partner Company', 'name'),
  col('Partner Type', 'type'),
  col('Partner Archetype', 'archetype'),
  col('Slack Channel', 'slackChannel'),
  col('ICP Match', 'icpMatch', 'yesNo'),
  col('Accounts Named', 'namedAccounts', 'list'),
  col('Intro Mechanism', 'introMechanism'),
  // The seed's header is the field's own label.
  col(PARTNER_FIELD_LABELS.economicsOk, 'economicsOk', 'yesNo'),
  col('Current 90-Day Goal', 'plan.goal'),
  col('90-Day Start Date', 'plan.startDate', 'date'),
  col('90-Day Status', 'plan.status', 'planStatus'),
  col('Partner Manager Name', 'partnerManagerName'),
  col('Partner Manager Email', 'partnerManagerEmail'),
  col('Partner Manager Slack', 'partnerManagerSlack'),
  col('Origin Story', 'originStory'),
  col('Relationship Notes', 'relationshipNotes'),
  col('Partner Program Status', 'programStatus'),
  col('Reps Bringing Deals', 'computed.repsBringingDeals', 'integer'),
  col("Reps We've Engaged", 'computed.repsEngaged', 'integer'),
  col('Total Engaged Reps', 'computed.totalEngaged', 'integer'),
  col('Reps Who Deliver', 'computed.repsWhoDeliver', 'integer'),
  col('Next Action Date', 'nextAction.dueDate', 'date'),
  col('Next Action Type', 'nextAction.type'),
  col('Next Action Rep', 'nextAction.repName'),
  col('Next Action Notes', 'nextAction.notes'),
  col('Intros Made', 'baseline.introsMade', 'integer'),
  col('Qualified Convos', 'baseline.qualifiedConversations', 'integer'),
  col('Deals Brought In', 'baseline.dealsBroughtIn', 'integer'),
  col('CLOSED/WON DEALS', 'baseline.closedWon', 'integer'),
  col('Pipeline Value', 'baseline.pipelineValueMinor', 'money'),
  col('First Touch Date', 'activity.firstTouchDate', 'date'),
  col('Last Engagement Date', 'activity.lastEngagementDate', 'date'),
  col('Days Since Last Touch', 'computed.daysSinceLastTouch', 'integer'),
  col('PHASE', 'phase'),
  col('HUBSPOT LINK', 'hubspotCompanyId', 'hubspotCompany'),
  col('NOTES', 'notes'),
];

/** The partner's other own fields (docs/RULES.md sections 1, 4 and the optional IPP / enterprise sections), after the seed's. */
export const PARTNER_EXTRA_COLUMNS: readonly ExportColumn[] = [
  col('Industry', 'industry'),
  col('Website', 'website'),
  col('Domain', 'domain'),
  col('Owner', 'owner'),
  col('90-Day Metric', 'plan.metric', 'planMetric'),
  col('90-Day Target', 'plan.target', 'integer'),
  col('IPP Score', 'computed.ippScore', 'integer'),
  col('ACTIVE CONTACTS', 'baseline.activeContacts', 'integer'),
  col('ICP Alignment', 'icpAlignment', 'integer'),
  col('Revenue Path Clarity', 'revenuePathClarity', 'integer'),
  col('Archetype Fit', 'archetypeFit', 'integer'),
  col('Economics', 'economics', 'integer'),
  col('Strategic Value', 'strategicValue', 'integer'),
  col('Partner Status', 'computed.partnerStatus'),
  col('CAPACITY Score', 'capacity', 'integer'),
  col('CAPABILITY Score', 'capability', 'integer'),
  col('COMMITMENT Score', 'commitment', 'integer'),
  col('Partnerships Mgmt', 'pillarPartnershipsManagement', 'integer'),
  col('Partner Marketing', 'pillarPartnerMarketing', 'integer'),
  col('Partner Enablement', 'pillarPartnerEnablement', 'integer'),
  col('Partner Operations', 'pillarPartnerOperations', 'integer'),
  col('Cross Functional', 'pillarCrossFunctional', 'integer'),
  col('Customer Centric', 'pillarCustomerCentric', 'integer'),
  col('Partner Tier (Enterprise)', 'enterpriseTier'),
  col('JVP Completed', 'jvpStatus'),
  col('JVP Date', 'jvpDate', 'date'),
  col('JVP Link', 'jvpLink'),
];

export const PARTNER_EXPORT_COLUMNS: readonly ExportColumn[] = [...PARTNER_SEED_COLUMNS, ...PARTNER_EXTRA_COLUMNS];

/** Seed 001 "Option B" rep sheet (= fixtures/rep-summary.csv), then the rep's other fields. */
export const REP_SEED_COLUMNS: readonly ExportColumn[] = [
  col('Rep Name', 'name'),
  col('Partner Company', 'partnerName'),
  col('Engagement Tier', 'engagementTier', 'tier'),
  col('Rep Quality Score', 'qualityScore', 'integer'),
  col('Last Contact Date', 'activity.lastContactDate', 'date'),
  col('Next Action Date', 'nextAction.dueDate', 'date'),
  col('Next Action Type', 'nextAction.type'),
  col('Introductions Made', 'computed.introductionsMade', 'integer'),
  col('Response Rate', 'computed.responseRate', 'percent'),
  col('Notes', 'notes'),
];

export const REP_EXTRA_COLUMNS: readonly ExportColumn[] = [
  col('Email', 'email'),
  col('Title', 'title'),
  col('Next Action Notes', 'nextAction.notes'),
  col('Shares Account List', 'sharesAccountList', 'flag'),
  col('Suggests Joint Activities', 'suggestsJointActivities', 'flag'),
  col('Intros Without Proof', 'introsWithoutProof', 'flag'),
  col('Responsive', 'responsive', 'flag'),
  col('Stuck Building Rapport', 'stuckBuildingRapport', 'flag'),
  col('Lip Service Only', 'lipServiceOnly', 'flag'),
  col('Expects Us To Bring Everything', 'expectsUsToBringEverything', 'flag'),
  col('Waits For Deals', 'waitsForDeals', 'flag'),
  col('Jordan', 'computed.isJordan', 'flag'),
  col('Suggested Tier', 'computed.suggestedTier', 'integer'),
  col('HubSpot Contact', 'hubspotContactId', 'hubspotContact'),
];

export const REP_EXPORT_COLUMNS: readonly ExportColumn[] = [...REP_SEED_COLUMNS, ...REP_EXTRA_COLUMNS];
