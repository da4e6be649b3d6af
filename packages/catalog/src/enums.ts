// Fixed vocabularies (docs/RULES.md "Domain model"). Ids are kebab-case and stable: they are stored in the
// database and used in the API. Labels are for people and may change.

/** Status of an Action. */
export const ACTION_STATUSES = ['open', 'done', 'skipped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Direction of a Touch: we reached out, or they did (an inbound reply). */
export const DIRECTIONS = ['outbound', 'inbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The referral funnel: intro → qualified conversation → deal → closed won / closed lost. */
export const REFERRAL_STAGES = ['intro', 'qualified', 'deal', 'closed-won', 'closed-lost'] as const;
export type ReferralStage = (typeof REFERRAL_STAGES)[number];

export const REFERRAL_STAGE_LABELS: Readonly<Record<ReferralStage, string>> = {
  intro: 'Intro',
  qualified: 'Qualified conversation',
  deal: 'Deal',
  'closed-won': 'Closed won',
  'closed-lost': 'Closed lost',
};

/** Kinds of Touch. */
export const TOUCH_KINDS = [
  'email',
  'call',
  'meeting',
  'message',
  'in-person-visit',
  'collateral-sent',
  'proposal-sent',
  'other',
] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

export const TOUCH_KIND_LABELS: Readonly<Record<TouchKind, string>> = {
  email: 'Email',
  call: 'Call',
  meeting: 'Meeting',
  message: 'Message',
  'in-person-visit': 'In-person visit',
  'collateral-sent': 'Collateral sent',
  'proposal-sent': 'Proposal sent',
  other: 'Other',
};

/** What a 90-day ActivationPlan counts; qualified conversations by default. */
export const PLAN_METRICS = ['qualified-conversations', 'intros', 'deals', 'closed-won'] as const;
export type PlanMetric = (typeof PLAN_METRICS)[number];

export const PLAN_METRIC_LABELS: Readonly<Record<PlanMetric, string>> = {
  'qualified-conversations': 'Qualified conversations',
  intros: 'Intros',
  deals: 'Deals',
  'closed-won': 'Closed won',
};

/** Status of a 90-day ActivationPlan. */
export const PLAN_STATUSES = ['on-track', 'at-risk', 'delivered', 'failed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, string>> = {
  'on-track': 'On Track',
  'at-risk': 'At Risk',
  delivered: 'Delivered',
  failed: 'Failed',
};

/** Answer to a yes/no qualification question; null means unanswered. */
export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];

/** Verdict of the 4-question qualification filter (docs/RULES.md "Qualification"). */
export const QUALIFICATION_VERDICTS = ['pursue', 'polite-pass', 'incomplete'] as const;
export type QualificationVerdict = (typeof QUALIFICATION_VERDICTS)[number];

export const QUALIFICATION_VERDICT_LABELS: Readonly<Record<QualificationVerdict, string>> = {
  pursue: 'Pursue',
  'polite-pass': 'Polite pass',
  incomplete: 'Incomplete',
};

/** A partner's IPP status: the band its IPP score falls in. */
export const PARTNER_STATUSES = ['Strategic', 'Good', 'Evaluate', 'Pass'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
