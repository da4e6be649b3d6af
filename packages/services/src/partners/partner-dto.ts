import type { SignalKey } from '@ptrack/catalog';
import type { PartnerDto } from '@ptrack/contracts';
import {
  AppError,
  daysSinceLastTouch,
  IPP_DIMENSIONS,
  ippScore,
  isJordan,
  isReviewedThisWeek,
  type OpenActionForRollup,
  partnerRollup,
  partnerStatusFor,
  performance,
  QUALIFICATION_REASON_TEXT,
  qualify,
  type RepForRollup,
} from '@ptrack/domain';
import {
  accounts,
  actions,
  type Executor,
  partnerNamedAccounts,
  partnerStats,
  partners,
  referrals,
  repStats,
  reps,
} from '@ptrack/storage';
import { and, asc, eq } from 'drizzle-orm';
import { calendarOf, type Settings } from '../settings';
import { settleRollups } from '../writes/stale-rollups';

export type PartnerRow = typeof partners.$inferSelect;
export type RepRow = typeof reps.$inferSelect;

export type RepSignalColumns = Pick<RepRow, SignalKey>;

export function repSignals(r: RepSignalColumns) {
  return {
    sharesAccountList: r.sharesAccountList,
    suggestsJointActivities: r.suggestsJointActivities,
    introsWithoutProof: r.introsWithoutProof,
    responsive: r.responsive,
    stuckBuildingRapport: r.stuckBuildingRapport,
    lipServiceOnly: r.lipServiceOnly,
    expectsUsToBringEverything: r.expectsUsToBringEverything,
    waitsForDeals: r.waitsForDeals,
  };
}

/** The company's page in HubSpot; `_` stands for the portal until the workspace knows it (Settings). */
export function hubspotCompanyUrl(companyId: string | null, portalId: string | null): string | null {
  return companyId ? `https://app.hubspot.com/contacts/${portalId ?? '_'}/company/${companyId}` : null;
}

/** The partner as the API shows it: its fields and everything computed from its reps and records. */
export async function loadPartnerDto(tx: Executor, settings: Settings, now: Date, id: string): Promise<PartnerDto> {
  // The figures read below must include this transaction's own writes.
  await settleRollups(tx);
  const [partner] = await tx.select().from(partners).where(eq(partners.id, id));
  if (!partner) throw AppError.notFound('partner', id);
  const { today } = calendarOf(settings, now);
  const [stats] = await tx.select().from(partnerStats).where(eq(partnerStats.partnerId, id));
  const named = await tx
    .select({ id: accounts.id, name: accounts.name, domain: accounts.domain })
    .from(partnerNamedAccounts)
    .innerJoin(accounts, eq(accounts.id, partnerNamedAccounts.accountId))
    .where(eq(partnerNamedAccounts.partnerId, id))
    .orderBy(asc(partnerNamedAccounts.position));
  const repRows = await tx
    .select({ rep: reps, stats: repStats })
    .from(reps)
    .leftJoin(repStats, eq(repStats.repId, reps.id))
    .where(eq(reps.partnerId, id));
  const openActions = await tx
    .select({ a: actions, repName: reps.name })
    .from(actions)
    .leftJoin(reps, eq(reps.id, actions.repId))
    .where(and(eq(actions.partnerId, id), eq(actions.status, 'open')));
  const referralRows = await tx
    .select({ stage: referrals.stage, amountMinor: referrals.amountMinor })
    .from(referrals)
    .where(eq(referrals.partnerId, id));

  const repsForRollup: RepForRollup[] = repRows.map(({ rep, stats: s }) => ({
    id: rep.id,
    name: rep.name,
    engagementTier: rep.engagementTier,
    isJordan: isJordan({ qualityScore: rep.qualityScore, signals: repSignals(rep) }),
    hasOpenDeal: (s?.openDealCount ?? 0) > 0,
    lastInboundDate: s?.lastInboundDate ?? null,
    lastTouchDate: s?.lastTouchDate ?? null,
    lastReferralDate: s?.lastReferralDate ?? null,
    referralCount: s?.referralCount ?? 0,
  }));
  const open: OpenActionForRollup[] = openActions.map(({ a, repName }) => ({
    id: a.id,
    dueDate: a.dueDate,
    type: a.type,
    repId: a.repId,
    repName: repName ?? null,
    notes: a.notes,
  }));
  const baseline = partner.baseline ?? {};
  const rollup = partnerRollup({
    reps: repsForRollup,
    openActions: open,
    today,
    baselineActiveContacts: baseline.activeContacts ?? 0,
  });
  const perf = performance(referralRows.map((r) => ({ stage: r.stage, amountMinor: r.amountMinor })));
  const introsMade = perf.introsMade + (baseline.introsMade ?? 0);
  const dealsBroughtIn = perf.dealsBroughtIn + (baseline.dealsBroughtIn ?? 0);
  const qualification = qualify({
    icpMatch: partner.icpMatch ?? null,
    namedAccountCount: named.length,
    introMechanism: partner.introMechanism,
    economicsOk: partner.economicsOk ?? null,
  });
  const score = ippScore(Object.fromEntries(IPP_DIMENSIONS.map((d) => [d, partner[d]])));
  const lastTouch = stats?.lastTouchDate ?? null;
  const bands = settings.ippBands;

  return {
    ...partner,
    createdAt: partner.createdAt.toISOString(),
    updatedAt: partner.updatedAt.toISOString(),
    reviewedAt: partner.reviewedAt?.toISOString() ?? null,
    icpMatch: partner.icpMatch ?? null,
    economicsOk: partner.economicsOk ?? null,
    namedAccounts: named,
    custom: partner.custom ?? {},
    ippScore: score,
    partnerStatus: partnerStatusFor(score, bands),
    reviewedThisWeek: isReviewedThisWeek(partner.reviewedAt, settings.timeZone, now, settings.weekStartsOn as 1),
    qualification: {
      verdict: qualification.verdict,
      questions: qualification.questions,
      reasons: qualification.reasons.map((code) => ({ code, text: QUALIFICATION_REASON_TEXT[code] })),
    },
    rollup: {
      ...rollup,
      repsPerTier: {
        '1': rollup.repsPerTier[1],
        '2': rollup.repsPerTier[2],
        '3': rollup.repsPerTier[3],
        '4': rollup.repsPerTier[4],
      },
    },
    performance: {
      ...perf,
      introsMade,
      qualifiedConversations: perf.qualifiedConversations + (baseline.qualifiedConversations ?? 0),
      dealsBroughtIn,
      closedWon: perf.closedWon + (baseline.closedWon ?? 0),
      pipelineValueMinor: perf.pipelineValueMinor + (baseline.pipelineValueMinor ?? 0),
      introToDealConversion: introsMade > 0 ? dealsBroughtIn / introsMade : null,
    },
    firstTouchDate: stats?.firstTouchDate ?? null,
    lastEngagementDate: lastTouch,
    daysSinceLastTouch: daysSinceLastTouch(lastTouch, today),
    hubspotUrl: hubspotCompanyUrl(partner.hubspotCompanyId, settings.hubspotPortalId),
  };
}
