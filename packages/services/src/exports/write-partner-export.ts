import type { Writable } from 'node:stream';
import {
  type ExportColumn,
  exportColumns,
  PARTNER_EXPORT_COLUMNS,
  REP_EXPORT_COLUMNS,
  writeCsv,
  writeXlsx,
} from '@ptrack/integrations';
import { authorize } from '../access/authorize';
import { audit } from '../audit/audit';
import type { ServiceContext } from '../context';
import { inTransaction } from '../context';
import { loadSettings } from '../settings';
import { type CustomFieldInfo, type ExportRecord, exportPartnerRecords, type PartnerExportQuery } from './export-partner-records';
import { exportRepRecords } from './export-rep-records';

export type ExportFormat = 'csv' | 'xlsx';

/** A queue between the snapshot's pages and the sheet writer: the reader waits while a page is unread. */
function pageChannel() {
  const pages: ExportRecord[][] = [];
  let ended = false;
  let failed: unknown = null;
  let wakeReader: (() => void) | null = null;
  let wakeWriter: (() => void) | null = null;
  const wake = () => {
    wakeReader?.();
    wakeReader = null;
  };
  return {
    async push(page: ExportRecord[]) {
      pages.push(page);
      wake();
      while (pages.length > 1 && !failed) await new Promise<void>((r) => (wakeWriter = r));
      if (failed) throw failed;
    },
    end() {
      ended = true;
      wake();
    },
    fail(error: unknown) {
      failed = error;
      wake();
      wakeWriter?.();
    },
    async *records(): AsyncGenerator<ExportRecord> {
      for (;;) {
        if (failed) throw failed;
        const page = pages.shift();
        if (page) {
          wakeWriter?.();
          wakeWriter = null;
          yield* page;
          continue;
        }
        if (ended) return;
        await new Promise<void>((r) => (wakeReader = r));
      }
    },
  };
}

type Produce = (
  onStart: (custom: CustomFieldInfo[], total: number) => Promise<void> | void,
  onPage: (records: ExportRecord[]) => Promise<void>,
) => Promise<unknown>;

/** Streams what `produce` reads, page by page, through the sheet writer of `format` into `out` (left open). */
async function writeExport(
  ctx: ServiceContext,
  format: ExportFormat,
  out: Writable,
  fixed: readonly ExportColumn[],
  produce: Produce,
  onStart?: (total: number) => void,
): Promise<number> {
  const settings = await inTransaction(ctx, (tx) => loadSettings(tx));
  const channel = pageChannel();
  let columns: ExportColumn[] | null = null;
  let begin: (() => void) | null = null;
  const started = new Promise<void>((resolve) => {
    begin = resolve;
  });
  const reading = produce(
    (custom, total) => {
      columns = exportColumns(
        fixed,
        custom.map((c) => ({ ...c, type: c.type as never })),
      );
      onStart?.(total);
      begin?.();
    },
    (page) => channel.push(page),
  ).then(
    () => channel.end(),
    (error: unknown) => {
      channel.fail(error);
      begin?.();
      throw error;
    },
  );
  await started;
  if (!columns) {
    await reading;
    return 0;
  }
  const options = {
    currency: settings.currency,
    ...(settings.hubspotPortalId ? { hubspotPortalId: settings.hubspotPortalId } : {}),
  };
  const writing =
    format === 'csv' ? writeCsv(channel.records(), columns, out, options) : writeXlsx(channel.records(), columns, out, options);
  const [rows] = await Promise.all([writing, reading]);
  return rows;
}

/**
 * Writes a view's partners as CSV or XLSX to `out` (left open): the seed's columns in its order, then
 * the partner's other fields, then custom fields. `onStart` hears the row count before the first row.
 */
export async function writePartnerExport(
  ctx: ServiceContext,
  query: PartnerExportQuery,
  format: ExportFormat,
  out: Writable,
  onStart?: (total: number) => void,
): Promise<number> {
  authorize(ctx, 'exports:run');
  const rows = await writeExport(
    ctx,
    format,
    out,
    PARTNER_EXPORT_COLUMNS,
    (start, page) => exportPartnerRecords(ctx, query, start, page),
    onStart,
  );
  await audit(ctx, 'export', { entity: 'partner', format, rows, ...(query.view ? { view: query.view } : {}) });
  return rows;
}

/** Writes the reps (seed 001's rep sheet columns first, then their other fields and custom fields). */
export async function writeRepExport(
  ctx: ServiceContext,
  format: ExportFormat,
  out: Writable,
  onStart?: (total: number) => void,
): Promise<number> {
  authorize(ctx, 'exports:run');
  const rows = await writeExport(
    ctx,
    format,
    out,
    REP_EXPORT_COLUMNS,
    (start, page) => exportRepRecords(ctx, start, page),
    onStart,
  );
  await audit(ctx, 'export', { entity: 'rep', format, rows });
  return rows;
}
