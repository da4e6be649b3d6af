import type { ActionDto } from '@ptrack/contracts';
import { AppError, daysBetween, type IsoDate, isJordan } from '@ptrack/domain';
import { actions, type Executor, partners, reps } from '@ptrack/storage';
import { eq, inArray, type SQL } from 'drizzle-orm';
import { type RepSignalColumns, repSignals } from '../partners/partner-dto';

// Only what a listed action shows of its rep: Today lists many actions, and reps carry long notes.
export const actionSelection = {
  a: actions,
  partnerName: partners.name,
  rep: {
    name: reps.name,
    engagementTier: reps.engagementTier,
    qualityScore: reps.qualityScore,
    sharesAccountList: reps.sharesAccountList,
    suggestsJointActivities: reps.suggestsJointActivities,
    introsWithoutProof: reps.introsWithoutProof,
    responsive: reps.responsive,
    stuckBuildingRapport: reps.stuckBuildingRapport,
    lipServiceOnly: reps.lipServiceOnly,
    expectsUsToBringEverything: reps.expectsUsToBringEverything,
    waitsForDeals: reps.waitsForDeals,
  },
};

type Joined = {
  a: typeof actions.$inferSelect;
  partnerName: string;
  rep: (RepSignalColumns & Pick<typeof reps.$inferSelect, 'name' | 'engagementTier' | 'qualityScore'>) | null;
};

export function toActionDto(row: Joined, today: IsoDate): ActionDto {
  const { a, rep } = row;
  return {
    ...a,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    completedAt: a.completedAt?.toISOString() ?? null,
    partnerName: row.partnerName,
    repName: rep?.name ?? null,
    repTier: rep?.engagementTier ?? null,
    repIsJordan: rep ? isJordan({ qualityScore: rep.qualityScore, signals: repSignals(rep) }) : false,
    daysOverdue: a.status === 'open' ? Math.max(0, daysBetween(a.dueDate, today)) : 0,
  };
}

export function actionQuery(tx: Executor, where: SQL | undefined) {
  return tx
    .select(actionSelection)
    .from(actions)
    .innerJoin(partners, eq(partners.id, actions.partnerId))
    .leftJoin(reps, eq(reps.id, actions.repId))
    .where(where);
}

export async function loadActionDtos(tx: Executor, ids: string[], today: IsoDate): Promise<ActionDto[]> {
  if (ids.length === 0) return [];
  const rows = await actionQuery(tx, inArray(actions.id, ids));
  const byId = new Map(rows.map((r) => [r.a.id, toActionDto(r, today)]));
  return ids.map((id) => byId.get(id)).filter((a): a is ActionDto => a !== undefined);
}

export async function loadActionDto(tx: Executor, id: string, today: IsoDate): Promise<ActionDto> {
  const [dto] = await loadActionDtos(tx, [id], today);
  if (!dto) throw AppError.notFound('action', id);
  return dto;
}
