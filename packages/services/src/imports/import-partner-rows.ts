import type { IsoDate } from '@ptrack/domain';
import { customFieldDefs, type Tx } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { inTransaction, type ServiceContext } from '../context';
import { calendarOf, loadSettings, type Settings } from '../settings';
import { workspaceSettingsWriter } from '../writes/settings-writers';
import { markStale } from '../writes/stale-rollups';
import { addOutcomes, emptyCounts, type ImportCounts, type PartnerImportRow, type RowOutcome } from './import-types';
import { planPartnerRows } from './plan-partner-rows';
import { readPartnerState } from './read-partner-state';
import type { CustomDef, NewOptions } from './row-values';
import { writePartnerRows } from './write-partner-rows';

export const IMPORT_BATCH_SIZE = 500;

export type ImportRowsOptions = {
  /** false: a dry run that reports what would happen and writes nothing. */
  apply: boolean;
  /** The sheet's header of a field, for messages. */
  columnOf?: (field: string) => string;
  batchSize?: number;
  /** Rows already applied by an earlier, interrupted run of the same import: skipped (but still checked for duplicates). */
  skipRows?: number;
  /** Runs inside each applied batch's transaction, after its rows: progress that commits with them. */
  onBatchApplied?: (tx: Tx, rowsDone: number, counts: ImportCounts) => Promise<void>;
  /** Custom fields the import will create before it writes (a preview knows them from the mapping). */
  customFields?: readonly CustomDef[];
  /** The counts of an earlier, interrupted run, to carry on from. */
  counts?: ImportCounts;
  /** Every batch's outcomes, applied or not (a preview collects them; a large apply may only count). */
  onOutcomes?: (outcomes: RowOutcome[]) => void;
};

export type ImportResult = { counts: ImportCounts; newOptions: Record<string, string[]> };

async function addOptionValues(tx: Tx, ctx: ServiceContext, settings: Settings, added: NewOptions) {
  if (added.size === 0) return settings;
  const optionLists = structuredClone(settings.optionLists);
  for (const [list, values] of added) optionLists[list] = [...(optionLists[list] ?? []), ...values];
  return workspaceSettingsWriter.update({ tx, ctx }, settings, { optionLists });
}

/** What one batch's planning gives the batch loop: the outcomes, and how to write them. */
export type PlannedBatch = {
  outcomes: RowOutcome[];
  newOptions: NewOptions;
  /** Writes the batch's rows after `afterRow` (rows before it were applied by an earlier run); returns the partners touched. */
  write(tx: Tx, settings: Settings, afterRow: number): Promise<string[]>;
};
export type BatchContext = {
  tx: Tx;
  settings: Settings;
  today: IsoDate;
  customDefs: ReadonlyMap<string, CustomDef>;
  columnOf(field: string): string;
  seen: Map<string, number>;
};

/**
 * Imports rows batch by batch: each batch is read, planned and (when applying) written in one
 * transaction, with the caller's progress, so an interrupted import leaves whole batches only and a
 * re-run (`skipRows`) carries on after the last one.
 */
export async function runImportBatches<R extends { rowNumber: number }>(
  ctx: ServiceContext,
  entity: 'partner' | 'rep',
  rows: AsyncIterable<R> | Iterable<R>,
  options: ImportRowsOptions,
  planBatch: (batch: R[], context: BatchContext) => Promise<PlannedBatch>,
): Promise<ImportResult> {
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const columnOf = options.columnOf ?? ((field: string) => field);
  const seen = new Map<string, number>();
  const newOptions: Record<string, string[]> = {};
  let counts = options.counts ?? emptyCounts();
  let done = 0;

  const runBatch = async (batch: R[]) => {
    const skip = Math.max(0, Math.min(batch.length, (options.skipRows ?? 0) - done));
    const work = async (tx: Tx) => {
      let settings = await loadSettings(tx);
      const { today } = calendarOf(settings, ctx.now());
      const defs = await tx.select().from(customFieldDefs).where(eq(customFieldDefs.entity, entity));
      const customDefs = new Map<string, CustomDef>([...(options.customFields ?? []), ...defs].map((d) => [d.key, d]));
      const planned = await planBatch(batch, { tx, settings, today, customDefs, columnOf, seen });
      // Rows an earlier run applied were planned only to keep duplicate detection exact; they now read
      // as unchanged, and are neither written nor counted again.
      const outcomes = planned.outcomes.slice(skip);
      for (const [list, values] of planned.newOptions) newOptions[list] = [...new Set([...(newOptions[list] ?? []), ...values])];
      if (options.apply) {
        settings = await addOptionValues(tx, ctx, settings, planned.newOptions);
        const ids = await planned.write(tx, settings, batch[skip - 1]?.rowNumber ?? -1);
        // Named-account links and sheet figures count too: every rep of the batch's partners is refreshed.
        for (const id of ids) markStale(tx, { timeZone: settings.timeZone, today }, id, 'all');
      }
      counts = addOutcomes(counts, outcomes);
      if (options.apply && options.onBatchApplied) await options.onBatchApplied(tx, done + batch.length, counts);
      options.onOutcomes?.(outcomes);
    };
    await inTransaction(ctx, work, options.apply ? {} : { readOnly: true });
    done += batch.length;
    // Let other requests in between batches: on PGlite every transaction queues behind this import.
    await new Promise((resolve) => setImmediate(resolve));
  };

  let batch: R[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= batchSize) {
      await runBatch(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await runBatch(batch);
  return { counts, newOptions };
}

/** Partner rows, matched by HubSpot company id, else name (see plan-partner-rows.ts). */
export function importPartnerRows(
  ctx: ServiceContext,
  rows: AsyncIterable<PartnerImportRow> | Iterable<PartnerImportRow>,
  options: ImportRowsOptions,
): Promise<ImportResult> {
  return runImportBatches(ctx, 'partner', rows, options, async (batch, b) => {
    const names = batch.flatMap((r) => (typeof r.partner.name === 'string' ? [r.partner.name] : []));
    const hubspotIds = batch.flatMap((r) => (typeof r.partner.hubspotCompanyId === 'string' ? [r.partner.hubspotCompanyId] : []));
    const state = await readPartnerState(b.tx, names, hubspotIds);
    const plan = planPartnerRows(batch, state, b);
    return {
      outcomes: plan.outcomes,
      newOptions: plan.newOptions,
      write: async (tx, settings, afterRow) => {
        const writes = plan.writes.filter((w) => w.rowNumber > afterRow);
        return writes.length > 0 ? writePartnerRows(tx, ctx, writes, settings) : [];
      },
    };
  });
}
