import type { Writable } from 'node:stream';
import { customExportColumns, type ExportColumn, PARTNER_EXPORT_COLUMNS, writeCsv, writeXlsx } from '@ptrack/integrations';
import type { ServiceContext } from '../context';
import { inTransaction } from '../context';
import { loadSettings } from '../settings';
import { type ExportRecord, exportPartnerRecords, type PartnerExportQuery } from './export-partner-records';

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
  const settings = await inTransaction(ctx, (tx) => loadSettings(tx));
  const channel = pageChannel();
  let columns: ExportColumn[] | null = null;
  let begin: (() => void) | null = null;
  const started = new Promise<void>((resolve) => {
    begin = resolve;
  });
  const reading = exportPartnerRecords(
    ctx,
    query,
    (custom, total) => {
      columns = [...PARTNER_EXPORT_COLUMNS, ...customExportColumns(custom.map((c) => ({ ...c, type: c.type as never })))];
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
  const options = { currency: settings.currency };
  const writing =
    format === 'csv' ? writeCsv(channel.records(), columns, out, options) : writeXlsx(channel.records(), columns, out, options);
  const [rows] = await Promise.all([writing, reading]);
  return rows;
}
