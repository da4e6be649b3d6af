import { daysBetween, type IsoDate, isIsoDate } from '../calendar';
import type { ReferralStage } from '../constants/enums';
import { COMPANY_AGGREGATE, REP_PROPERTY } from './properties';

/** HubSpot sends every property value as a string or null, numbers included. */
export type HubSpotProperties = Record<string, string | null | undefined>;

/** The rep fields HubSpot owns: on a conflict HubSpot's value wins (issue 6); the tracker owns the rest. */
export const HUBSPOT_OWNED_REP_FIELDS = ['name', 'email', 'title', 'engagementTier', 'qualityScore', 'partnerId'] as const;
export type HubSpotOwnedRepField = (typeof HUBSPOT_OWNED_REP_FIELDS)[number];

export type RepFromHubSpot = {
  name: string;
  email: string | null;
  title: string | null;
  engagementTier: 1 | 2 | 3 | 4 | null;
  qualityScore: number | null;
};

/** A value HubSpot sent that the tracker cannot take; the rest of the record still applies. */
export type MappingIssue = { field: string; reason: string };

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const blank = (v: string | null | undefined): v is null | undefined => v == null || v.trim() === '';

/** Engagement tier "1"–"4" (an enumeration in HubSpot); blank means unset. */
export function parseTier(value: string | null | undefined): Parsed<1 | 2 | 3 | 4 | null> {
  if (blank(value)) return { ok: true, value: null };
  const n = Number(value.trim());
  if (n === 1 || n === 2 || n === 3 || n === 4) return { ok: true, value: n };
  return { ok: false, reason: `engagement_tier "${value}" is not 1, 2, 3 or 4` };
}

/** Rep quality score 1–10; HubSpot number properties may carry decimals ("7.0"), rounded to the nearest whole. */
export function parseQuality(value: string | null | undefined): Parsed<number | null> {
  if (blank(value)) return { ok: true, value: null };
  const n = Number(value.trim());
  if (!Number.isFinite(n)) return { ok: false, reason: `rep_quality_score "${value}" is not a number` };
  const rounded = Math.round(n);
  if (rounded < 1 || rounded > 10) return { ok: false, reason: `rep_quality_score ${value} is outside 1–10` };
  return { ok: true, value: rounded };
}

/** HubSpot's bool properties are "true"/"false" strings. */
export function isPartnerSalesRep(props: HubSpotProperties): boolean {
  return props[REP_PROPERTY.partnerSalesRep]?.trim().toLowerCase() === 'true';
}

/**
 * A contact's rep fields. An invalid tier or quality is reported and left out (the tracker keeps its
 * value); the name falls back to the email, then to the contact id, because a rep needs a name.
 */
export function repFromContact(
  contactId: string,
  props: HubSpotProperties,
): { rep: Partial<RepFromHubSpot> & Pick<RepFromHubSpot, 'name' | 'email' | 'title'>; issues: MappingIssue[] } {
  const issues: MappingIssue[] = [];
  const email = blank(props.email) ? null : props.email.trim().toLowerCase();
  const name = [props.firstname, props.lastname].flatMap((p) => (blank(p) ? [] : [p.trim()])).join(' ');
  const rep: Partial<RepFromHubSpot> & Pick<RepFromHubSpot, 'name' | 'email' | 'title'> = {
    name: (name || email || `HubSpot contact ${contactId}`).slice(0, 200),
    email,
    title: blank(props.jobtitle) ? null : props.jobtitle.trim().slice(0, 200),
  };
  const tier = parseTier(props[REP_PROPERTY.engagementTier]);
  if (tier.ok) rep.engagementTier = tier.value;
  else issues.push({ field: 'engagementTier', reason: tier.reason });
  const quality = parseQuality(props[REP_PROPERTY.qualityScore]);
  if (quality.ok) rep.qualityScore = quality.value;
  else issues.push({ field: 'qualityScore', reason: quality.reason });
  return { rep, issues };
}

/** The HubSpot-owned fields whose incoming values differ from the tracker's: what a pull changes. */
export function repChanges<T extends Partial<Record<HubSpotOwnedRepField, unknown>>>(
  current: Record<HubSpotOwnedRepField, unknown>,
  incoming: T,
): Partial<T> {
  const changes: Partial<T> = {};
  for (const field of HUBSPOT_OWNED_REP_FIELDS) {
    if (!(field in incoming)) continue;
    const value = incoming[field];
    if (value !== undefined && value !== current[field]) (changes as Record<string, unknown>)[field] = value;
  }
  return changes;
}

/**
 * Pipeline/stage → referral stage. Keys are "pipelineId/stageId" or a bare "stageId" for any pipeline;
 * the workspace's map is consulted first, then HubSpot's default sales pipeline stages.
 */
export type DealStageMap = Record<string, ReferralStage>;

export const DEFAULT_DEAL_STAGE_MAP: DealStageMap = {
  appointmentscheduled: 'intro',
  qualifiedtobuy: 'qualified',
  presentationscheduled: 'deal',
  decisionmakerboughtin: 'deal',
  contractsent: 'deal',
  closedwon: 'closed-won',
  closedlost: 'closed-lost',
};

export function mapDealStage(
  pipeline: string | null | undefined,
  stage: string | null | undefined,
  map: DealStageMap,
): ReferralStage | null {
  if (blank(stage)) return null;
  const s = stage.trim();
  const p = pipeline?.trim() ?? '';
  return map[`${p}/${s}`] ?? map[s] ?? DEFAULT_DEAL_STAGE_MAP[`${p}/${s}`] ?? DEFAULT_DEAL_STAGE_MAP[s] ?? null;
}

/** A decimal amount ("12500.5") in minor units (1250050) for a currency with `digits` decimals. */
export function amountToMinor(value: string | null | undefined, digits = 2): Parsed<number | null> {
  if (blank(value)) return { ok: true, value: null };
  const text = value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false, reason: `amount "${value}" is not a number` };
  const [whole, fraction = ''] = text.replace('-', '').split('.') as [string, string?];
  const padded = `${fraction}${'0'.repeat(digits + 1)}`;
  let minor = Number(whole) * 10 ** digits + Number(padded.slice(0, digits) || '0');
  if (Number(padded[digits]) >= 5) minor += 1; // round half up on the first dropped digit
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: `amount "${value}" is too large` };
  return { ok: true, value: text.startsWith('-') ? -minor : minor };
}

/** A HubSpot date or datetime (ISO text or epoch milliseconds) as the UTC calendar day it names. */
export function hubspotDay(value: string | null | undefined): IsoDate | null {
  if (blank(value)) return null;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(text) && isIsoDate(text.slice(0, 10))) return text.slice(0, 10);
  if (/^\d{10,15}$/.test(text)) {
    const day = new Date(Number(text)).toISOString().slice(0, 10);
    return isIsoDate(day) ? day : null;
  }
  return null;
}

export type ReferralFromHubSpot = {
  stage: ReferralStage;
  amountMinor: number | null;
  expectedCloseDate: IsoDate | null;
  introducedAt: IsoDate;
};

/**
 * A deal as a referral: stage through the map, amount in minor units, close date as a day; introduced
 * on the deal's create date. An unmapped stage fails the record (the funnel would be wrong otherwise);
 * a bad amount or date is reported and left empty.
 */
export function referralFromDeal(
  props: HubSpotProperties,
  opts: { stageMap: DealStageMap; createdAt: string | null | undefined; currencyDigits?: number },
): { ok: true; referral: ReferralFromHubSpot; issues: MappingIssue[] } | { ok: false; reason: string } {
  const stage = mapDealStage(props.pipeline, props.dealstage, opts.stageMap);
  if (!stage)
    return { ok: false, reason: `deal stage "${props.dealstage ?? ''}" of pipeline "${props.pipeline ?? ''}" is not mapped` };
  const issues: MappingIssue[] = [];
  const amount = amountToMinor(props.amount, opts.currencyDigits ?? 2);
  if (!amount.ok) issues.push({ field: 'amount', reason: amount.reason });
  const closeDay = hubspotDay(props.closedate);
  if (!blank(props.closedate) && !closeDay)
    issues.push({ field: 'expectedCloseDate', reason: `closedate "${props.closedate}" is not a date` });
  const introducedAt = hubspotDay(props.createdate) ?? hubspotDay(opts.createdAt) ?? closeDay;
  if (!introducedAt) return { ok: false, reason: 'the deal has no create date' };
  return {
    ok: true,
    referral: { stage, amountMinor: amount.ok ? amount.value : null, expectedCloseDate: closeDay, introducedAt },
    issues,
  };
}

/** What the push reads of a partner's maintained rollups. */
export type PartnerAggregates = {
  tier1Reps: number;
  tier2Reps: number;
  tier3Reps: number;
  tier4Reps: number;
  jordanCount: number;
  nextActionDate: IsoDate | null;
  lastTouchDate: IsoDate | null;
  planStatus: string | null;
  introsMade: number;
  dealsBroughtIn: number;
  closedWon: number;
  pipelineValueMinor: number;
};

/**
 * A partner's aggregates as HubSpot company property values (strings; "" clears a value). Days since
 * last touch are counted to `today` in the workspace time zone (docs/RULES.md); money in major units.
 */
export function companyAggregateProperties(a: PartnerAggregates, today: IsoDate, currencyDigits = 2): Record<string, string> {
  return {
    [COMPANY_AGGREGATE.tier1Reps]: String(a.tier1Reps),
    [COMPANY_AGGREGATE.tier2Reps]: String(a.tier2Reps),
    [COMPANY_AGGREGATE.tier3Reps]: String(a.tier3Reps),
    [COMPANY_AGGREGATE.tier4Reps]: String(a.tier4Reps),
    [COMPANY_AGGREGATE.jordans]: String(a.jordanCount),
    [COMPANY_AGGREGATE.nextActionDate]: a.nextActionDate ?? '',
    [COMPANY_AGGREGATE.daysSinceLastTouch]: a.lastTouchDate ? String(Math.max(0, daysBetween(a.lastTouchDate, today))) : '',
    [COMPANY_AGGREGATE.planStatus]: a.planStatus ?? '',
    [COMPANY_AGGREGATE.intros]: String(a.introsMade),
    [COMPANY_AGGREGATE.deals]: String(a.dealsBroughtIn),
    [COMPANY_AGGREGATE.closedWon]: String(a.closedWon),
    [COMPANY_AGGREGATE.pipeline]: (a.pipelineValueMinor / 10 ** currencyDigits).toFixed(currencyDigits),
  };
}
