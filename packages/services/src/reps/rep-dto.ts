import type { RepDto } from '@ptrack/contracts';
import {
  AppError,
  calendarDateOf,
  isJordan,
  isTimeWaster,
  jordanReason,
  responseRate,
  suggestedTierOf,
  suggestedTierReason,
  timeWasterReason,
} from '@ptrack/domain';
import { actions, type Executor, partners, repStats, reps, touches } from '@ptrack/storage';
import { and, asc, eq, gte } from 'drizzle-orm';
import { suggestedFollowUp } from '../actions/suggested-follow-up';
import { repSignals } from '../partners/partner-dto';
import { calendarOf, type Settings } from '../settings';
import { settleRollups } from '../writes/stale-rollups';

const RESPONSE_WINDOW_DAYS = 180;

export async function loadRepDto(tx: Executor, settings: Settings, now: Date, id: string): Promise<RepDto> {
  // The figures read below must include this transaction's own writes.
  await settleRollups(tx);
  const [row] = await tx
    .select({ rep: reps, stats: repStats, partnerName: partners.name })
    .from(reps)
    .innerJoin(partners, eq(partners.id, reps.partnerId))
    .leftJoin(repStats, eq(repStats.repId, reps.id))
    .where(eq(reps.id, id));
  if (!row) throw AppError.notFound('rep', id);
  const { rep, stats } = row;
  const { today } = calendarOf(settings, now);
  const since = new Date(now.getTime() - (RESPONSE_WINDOW_DAYS + 2) * 86_400_000);
  const recent = await tx
    .select({ direction: touches.direction, occurredAt: touches.occurredAt })
    .from(touches)
    .where(and(eq(touches.repId, id), gte(touches.occurredAt, since)));
  const [next] = await tx
    .select({ id: actions.id, dueDate: actions.dueDate, type: actions.type, notes: actions.notes })
    .from(actions)
    .where(and(eq(actions.repId, id), eq(actions.status, 'open')))
    .orderBy(asc(actions.dueDate), asc(actions.type), asc(actions.id))
    .limit(1);
  const signals = repSignals(rep);
  const facts = {
    hasOpenDeal: (stats?.openDealCount ?? 0) > 0,
    lastInboundDate: stats?.lastInboundDate ?? null,
    lastTouchDate: stats?.lastTouchDate ?? null,
    lastReferralDate: stats?.lastReferralDate ?? null,
    referralCount: stats?.referralCount ?? 0,
  };
  const quality = { qualityScore: rep.qualityScore, signals };
  const waster = isTimeWaster(quality);
  const suggested = suggestedTierOf(facts, calendarDateOf(rep.createdAt, settings.timeZone), today);
  return {
    ...rep,
    createdAt: rep.createdAt.toISOString(),
    updatedAt: rep.updatedAt.toISOString(),
    partnerName: row.partnerName,
    custom: rep.custom ?? {},
    isJordan: isJordan(quality),
    isTimeWaster: waster,
    suggestedTier: suggested,
    jordanReason: jordanReason(quality),
    timeWasterReason: waster ? timeWasterReason(quality) : null,
    suggestedTierReason: suggested === null ? null : suggestedTierReason(suggested),
    ...suggestedFollowUp(settings, today, rep.engagementTier),
    lastContactDate: facts.lastTouchDate,
    introductionsMade: facts.referralCount,
    responseRate: responseRate({
      touches: recent.map((t) => ({ direction: t.direction, occurredAt: t.occurredAt.toISOString() })),
      today,
      timeZone: settings.timeZone,
    }),
    nextAction: next ?? null,
  };
}
