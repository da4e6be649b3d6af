// The fixed vocabularies live in @ptrack/catalog (the web app reads their labels too); the domain's
// modules import them from here.
export {
  ACTION_STATUSES,
  type ActionStatus,
  DIRECTIONS,
  type Direction,
  PLAN_METRIC_LABELS,
  PLAN_METRICS,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  type PlanMetric,
  type PlanStatus,
  QUALIFICATION_VERDICTS,
  type QualificationVerdict,
  REFERRAL_STAGE_LABELS,
  REFERRAL_STAGES,
  type ReferralStage,
  TOUCH_KIND_LABELS,
  TOUCH_KINDS,
  type TouchKind,
  YES_NO,
  type YesNo,
} from '@ptrack/catalog';
