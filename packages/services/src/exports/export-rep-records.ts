import { customFieldDefs } from '@ptrack/storage';
import { asc, eq } from 'drizzle-orm';
import { inTransaction, type ServiceContext } from '../context';
import { listReps } from '../reps/get-rep';
import type { CustomFieldInfo, ExportRecord } from './export-partner-records';

const PAGE = 500;
const OWN = [
  'name',
  'partnerName',
  'email',
  'title',
  'engagementTier',
  'qualityScore',
  'sharesAccountList',
  'suggestsJointActivities',
  'introsWithoutProof',
  'responsive',
  'stuckBuildingRapport',
  'lipServiceOnly',
  'expectsUsToBringEverything',
  'waitsForDeals',
  'notes',
  'hubspotContactId',
] as const;

/**
 * Every rep as a flat record for a sheet export (keys as the rep import maps them back): the computed
 * figures under `computed.`, the last contact under `activity.`, the next action under `nextAction.`.
 */
export async function exportRepRecords(
  ctx: ServiceContext,
  onStart: (custom: CustomFieldInfo[], total: number) => Promise<void> | void,
  onPage: (records: ExportRecord[]) => Promise<void>,
): Promise<{ rows: number }> {
  const defs = await inTransaction(ctx, (tx) =>
    tx
      .select()
      .from(customFieldDefs)
      .where(eq(customFieldDefs.entity, 'rep'))
      .orderBy(asc(customFieldDefs.position), asc(customFieldDefs.label)),
  );
  await onStart(defs, -1);
  let cursor: string | undefined;
  let rows = 0;
  do {
    const page = await listReps(ctx, { limit: PAGE, ...(cursor ? { cursor } : {}) });
    await onPage(
      page.items.map((rep) => {
        const record: ExportRecord = {};
        for (const field of OWN) record[field] = rep[field];
        record['activity.lastContactDate'] = rep.lastContactDate;
        record['nextAction.dueDate'] = rep.nextAction?.dueDate ?? null;
        record['nextAction.type'] = rep.nextAction?.type ?? null;
        record['nextAction.notes'] = rep.nextAction?.notes ?? null;
        record['computed.introductionsMade'] = rep.introductionsMade;
        record['computed.responseRate'] = rep.responseRate;
        record['computed.isJordan'] = rep.isJordan;
        record['computed.suggestedTier'] = rep.suggestedTier;
        for (const d of defs) record[`custom.${d.key}`] = (rep.custom as Record<string, unknown>)[d.key] ?? null;
        return record;
      }),
    );
    rows += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { rows };
}
