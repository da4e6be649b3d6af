import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ImportPreviewDto, SheetImportDto } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import {
  type ColumnMapping,
  type CustomFieldDef,
  createPartnerRowMapper,
  createRepRowMapper,
  hubspotPortalOf,
  type MappedPartnerRow,
  type MappedRepRow,
  matchHeaders,
  parseSavedMapping,
  peekRows,
  readSheet,
  type SavedMapping,
  SheetError,
  type SheetRow,
  toSavedMapping,
} from '@ptrack/integrations';
import {
  ANALYZE_AFTER_ROWS,
  analyzeAfterBulkLoad,
  customFieldDefs,
  one,
  sheetImportChunks,
  sheetImports,
  sqlArray,
  type Tx,
} from '@ptrack/storage';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { authorize, authorizeEveryPartner } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { loadSettings } from '../settings';
import { workspaceSettingsWriter } from '../writes/settings-writers';
import { customFieldWriter } from '../writes/writers';
import { type ImportRowsOptions, importPartnerRows } from './import-partner-rows';
import { importRepRows, type RepImportRow } from './import-rep-rows';
import { emptyCounts, type ImportCounts, isMostlyErrors, type PartnerImportRow, type RowOutcome } from './import-types';
import { readUploadToFile, removeWorkingFile, storeUpload, type UploadContent } from './upload-store';

// The import workflow (issue 5): upload a sheet → its columns are matched and shown with samples →
// the mapping may be corrected → a preview says, row by row, what would happen → apply. The file is
// kept with its mapping (sheet_imports), so the preview and the apply read the same bytes, and an
// apply that was interrupted carries on after its last committed batch when it is run again.

export type SheetImportRecord = typeof sheetImports.$inferSelect;
export type ImportEntity = 'partner' | 'rep';

const SAMPLE_ROWS = 20;
/** A preview lists every row that is not unchanged, up to this many (the counts cover them all). */
export const PREVIEW_ROW_LIMIT = 1000;

export type ImportPreview = ImportPreviewDto;

function sheetProblem(error: unknown): never {
  if (error instanceof SheetError) {
    throw new AppError('VALIDATION_FAILED', `file: ${error.message}`, { issues: [{ field: 'file', message: error.message }] });
  }
  throw error;
}

async function customDefsOf(tx: Tx, entity: ImportEntity): Promise<CustomFieldDef[]> {
  const defs = await tx.select().from(customFieldDefs).where(eq(customFieldDefs.entity, entity));
  return defs.map((d) => ({ key: d.key, label: d.label, type: d.type, options: d.options }));
}

const cellText = (v: unknown): string =>
  v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

const sheetSource = (content: UploadContent, name: string) =>
  content instanceof Uint8Array ? { buffer: content, name } : content;

/** Reads the stored file and matches its columns (the saved mapping first); with samples for the wizard. */
async function openSheet(
  tx: Tx,
  record: Pick<SheetImportRecord, 'fileName' | 'sheet' | 'entity' | 'mapping'>,
  content: UploadContent,
) {
  const settings = await loadSettings(tx);
  const contents = await readSheet(sheetSource(content, record.fileName), record.sheet ? { sheet: record.sheet } : {}).catch(
    sheetProblem,
  );
  const peeked = await peekRows(contents.rows, SAMPLE_ROWS).catch(sheetProblem);
  const saved = record.mapping ? parseSavedMapping(record.mapping) : undefined;
  const mappings = matchHeaders(contents.headers, {
    entity: record.entity,
    ...(saved ? { saved } : {}),
    samples: peeked.head,
    customFields: await customDefsOf(tx, record.entity),
    optionLists: settings.optionLists,
  });
  return { contents, head: peeked.head, rows: peeked.rows, mappings, saved, settings };
}

type OpenedView = {
  contents: { sheetNames: string[]; headers: string[] };
  head: SheetRow[];
  mappings: readonly ColumnMapping[];
};

function viewOf(record: SheetImportRecord, opened: OpenedView): SheetImportDto {
  return {
    id: record.id,
    entity: record.entity,
    fileName: record.fileName,
    format: record.format,
    sheet: record.sheet,
    sheetNames: opened.contents.sheetNames,
    headers: opened.contents.headers,
    columns: opened.mappings.map((m) => ({
      index: m.index,
      header: m.header,
      target: m.target as Record<string, unknown>,
      matchedBy: m.matchedBy,
      samples: opened.head.slice(0, 5).map((r) => cellText(r.cells[m.index])),
    })),
    mapping: record.mapping,
    status: record.status,
    totalRows: record.totalRows,
    appliedRows: record.appliedRows,
    summary: record.summary,
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

export type CreateSheetImportInput = {
  /** 'auto': a rep sheet when its headers match more rep fields than partner fields (seed 001's "Rep Name"…). */
  entity: ImportEntity | 'auto';
  fileName: string;
  /** The sheet: its bytes, or a file on disk (an upload as received; its extension tells the format). */
  content: UploadContent;
  sheet?: string;
  mapping?: unknown;
};

async function detectEntity(input: CreateSheetImportInput): Promise<ImportEntity> {
  const contents = await readSheet(sheetSource(input.content, input.fileName), input.sheet ? { sheet: input.sheet } : {}).catch(
    sheetProblem,
  );
  await contents.close();
  const known = (entity: ImportEntity) =>
    matchHeaders(contents.headers, { entity }).filter((m) => m.matchedBy === 'header' || m.matchedBy === 'synonym').length;
  return known('rep') > known('partner') ? 'rep' : 'partner';
}

/** Stores an uploaded sheet and proposes a mapping of its columns (a saved mapping given is applied first). */
export async function createSheetImport(ctx: ServiceContext, input: CreateSheetImportInput): Promise<SheetImportDto> {
  authorize(ctx, 'imports:run');
  const entity =
    input.entity !== 'auto'
      ? input.entity
      : ((input.mapping as { entity?: ImportEntity } | undefined)?.entity ?? (await detectEntity(input)));
  const mapping = input.mapping === undefined ? null : parseMappingInput(input.mapping, entity);
  const draft = { fileName: input.fileName, sheet: input.sheet ?? null, entity, mapping };
  const opened = await inTransaction(ctx, (tx) => openSheet(tx, draft, input.content));
  // Read through outside any transaction: a large sheet takes seconds, and on the embedded database a
  // transaction keeps everyone else waiting.
  let total = opened.head.length;
  for await (const _ of opened.rows) total++;
  total -= opened.head.length; // peekRows yields the head again first
  const { bytes, hash } = await digestOf(input.content);
  const confirmed = toSavedMapping(entity, opened.mappings, opened.saved?.dateOrder);
  return inTransaction(ctx, async (tx) => {
    await expireUploads(tx, ctx.now());
    const record = await one(
      tx
        .insert(sheetImports)
        .values({
          entity,
          fileName: input.fileName,
          format: opened.contents.format,
          sheet: opened.contents.sheetName,
          contentBytes: bytes,
          contentHash: hash,
          mapping: confirmed,
          totalRows: total,
          createdBy: ctx.actor.name,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })
        .returning(),
      'the new sheet import',
    );
    await storeUpload(tx, record.id, input.content);
    return viewOf(record, opened);
  });
}

async function digestOf(content: UploadContent): Promise<{ bytes: number; hash: string }> {
  const hash = createHash('sha256');
  if (content instanceof Uint8Array) return { bytes: content.length, hash: hash.update(content).digest('hex') };
  let bytes = 0;
  for await (const piece of createReadStream(content.path)) {
    bytes += (piece as Buffer).length;
    hash.update(piece as Buffer);
  }
  return { bytes, hash: hash.digest('hex') };
}

/** The import's stored file, read once for its headers and samples. */
async function viewOfStored(ctx: ServiceContext, tx: Tx, record: SheetImportRecord): Promise<SheetImportDto> {
  const file = await readUploadToFile(tx, ctx.database, record.id, record.fileName);
  try {
    const opened = await openSheet(tx, record, file);
    await opened.contents.close();
    return viewOf(record, opened);
  } finally {
    await removeWorkingFile(file);
  }
}

function parseMappingInput(json: unknown, entity: ImportEntity): SavedMapping {
  try {
    const mapping = parseSavedMapping(json);
    if (mapping.entity !== entity)
      throw AppError.validation([
        { field: 'mapping.entity', message: `is a ${mapping.entity} mapping; this is a ${entity} import` },
      ]);
    return mapping;
  } catch (error) {
    if (error instanceof SheetError) throw AppError.validation([{ field: 'mapping', message: error.message }]);
    throw error;
  }
}

async function loadImport(tx: Tx, id: string): Promise<SheetImportRecord> {
  const [record] = await tx.select().from(sheetImports).where(eq(sheetImports.id, id));
  if (!record) throw AppError.notFound('import', id);
  return record;
}

export async function getSheetImport(ctx: ServiceContext, id: string): Promise<SheetImportDto> {
  authorize(ctx, 'imports:run');
  return inTransaction(ctx, async (tx) => {
    const record = await loadImport(tx, id);
    return record.contentBytes === 0 ? viewOfReleased(record) : viewOfStored(ctx, tx, record);
  });
}

/** An applied import whose file was let go (see releaseOldUploads): its columns as its mapping kept them. */
function viewOfReleased(record: SheetImportRecord): SheetImportDto {
  const mapping = parseSavedMapping(record.mapping);
  return viewOf(record, {
    contents: { sheetNames: record.sheet ? [record.sheet] : [], headers: mapping.columns.map((c) => c.header) },
    head: [],
    mappings: mapping.columns.map((c, index) => ({
      index,
      header: c.header,
      target: c.target as ColumnMapping['target'],
      matchedBy: 'saved',
    })),
  });
}

const HOUR_MS = 3_600_000;
/** How long an applied import keeps its file (to look at it again). */
export const APPLIED_FILE_DAYS = 7;
/** How long an upload that was never applied lives: a day is enough to preview, correct and apply it. */
export const ABANDONED_UPLOAD_HOURS = 24;

/**
 * Uploads are kept in the database between preview and apply, and may be tens of megabytes: an applied
 * import lets its file go after a week (its summary and mapping stay), and an upload never applied is
 * removed after a day. An interrupted import keeps its file, so applying it again can carry on. Runs
 * with each upload and, for a server left alone, hourly (the upload-expiry job).
 */
export async function expireUploads(tx: Tx, now: Date): Promise<{ released: number; removed: number }> {
  const released = await tx
    .update(sheetImports)
    .set({ contentBytes: 0 })
    .where(
      and(
        eq(sheetImports.status, 'applied'),
        lt(sheetImports.updatedAt, new Date(now.getTime() - APPLIED_FILE_DAYS * 24 * HOUR_MS)),
        gt(sheetImports.contentBytes, 0),
      ),
    )
    .returning({ id: sheetImports.id });
  if (released.length > 0)
    await tx.delete(sheetImportChunks).where(
      sql`${sheetImportChunks.importId} = any(${sqlArray(
        released.map((r) => r.id),
        'uuid',
      )})`,
    );
  const removed = await tx
    .delete(sheetImports)
    .where(
      and(
        eq(sheetImports.status, 'previewed'),
        lt(sheetImports.updatedAt, new Date(now.getTime() - ABANDONED_UPLOAD_HOURS * HOUR_MS)),
      ),
    )
    .returning({ id: sheetImports.id });
  return { released: released.length, removed: removed.length };
}

/** expireUploads as a use case (the upload-expiry job). */
export async function expireSheetUploads(ctx: ServiceContext): Promise<{ released: number; removed: number }> {
  authorize(ctx, 'imports:run');
  return inTransaction(ctx, (tx) => expireUploads(tx, ctx.now()));
}

/** Replaces the mapping (the wizard's corrections); only before the import is applied. */
export async function updateSheetImportMapping(
  ctx: ServiceContext,
  id: string,
  input: { version: number; mapping: unknown },
): Promise<SheetImportDto> {
  authorize(ctx, 'imports:run');
  return inTransaction(ctx, async (tx) => {
    const record = await loadImport(tx, id);
    if (record.version !== input.version)
      throw new AppError('VERSION_CONFLICT', 'The import changed since it was read', { current: null });
    if (record.status !== 'previewed')
      throw new AppError('CONFLICTING_STATE', 'The import has started; its mapping can no longer change', {});
    const mapping = parseMappingInput(input.mapping, record.entity);
    const updated = await one(
      tx
        .update(sheetImports)
        .set({ mapping, summary: {}, version: record.version + 1, updatedAt: ctx.now() })
        .where(eq(sheetImports.id, id))
        .returning(),
      { entity: 'import', id },
    );
    return viewOfStored(ctx, tx, updated);
  });
}

/** The sheet's header for each import field, for messages that name the column the user sees. */
function columnNamer(mappings: readonly ColumnMapping[]) {
  const byField = new Map<string, string>();
  for (const m of mappings) {
    if (m.target.kind === 'field') byField.set(m.target.field, m.header);
    if (m.target.kind === 'custom') byField.set(`custom.${m.target.key}`, m.header);
  }
  return (field: string) => byField.get(field) ?? field;
}

/** A mapped sheet row as the import takes it (custom values sit with the partner's fields). */
export function toPartnerImportRow(mapped: MappedPartnerRow): PartnerImportRow {
  const row: PartnerImportRow = {
    rowNumber: mapped.rowNumber,
    partner: Object.keys(mapped.custom).length ? { ...mapped.partner, custom: mapped.custom } : { ...mapped.partner },
    problems: mapped.problems,
  };
  if (mapped.plan) row.plan = mapped.plan as PartnerImportRow['plan'];
  if (mapped.nextAction) row.nextAction = mapped.nextAction as PartnerImportRow['nextAction'];
  if (mapped.baseline) row.baseline = mapped.baseline as PartnerImportRow['baseline'];
  if (mapped.activity) row.activity = mapped.activity as PartnerImportRow['activity'];
  return row;
}

/** A mapped rep row as the import takes it. */
export function toRepImportRow(mapped: MappedRepRow): RepImportRow {
  const row: RepImportRow = {
    rowNumber: mapped.rowNumber,
    rep: Object.keys(mapped.custom).length ? { ...mapped.rep, custom: mapped.custom } : { ...mapped.rep },
    problems: mapped.problems,
  };
  if (mapped.nextAction) row.nextAction = mapped.nextAction as RepImportRow['nextAction'];
  if (mapped.activity) row.activity = mapped.activity as RepImportRow['activity'];
  return row;
}

function readOptions(opened: Awaited<ReturnType<typeof openSheet>>) {
  return {
    ...(opened.saved?.dateOrder ? { dateOrder: opened.saved.dateOrder } : {}),
    optionLists: opened.settings.optionLists,
    currency: opened.settings.currency,
  };
}

async function* partnerRows(opened: Awaited<ReturnType<typeof openSheet>>): AsyncGenerator<PartnerImportRow> {
  const map = createPartnerRowMapper(opened.mappings, readOptions(opened));
  for await (const row of opened.rows as AsyncIterable<SheetRow>) yield toPartnerImportRow(map(row));
}

async function* repRows(opened: Awaited<ReturnType<typeof openSheet>>): AsyncGenerator<RepImportRow> {
  const map = createRepRowMapper(opened.mappings, readOptions(opened));
  for await (const row of opened.rows as AsyncIterable<SheetRow>) yield toRepImportRow(map(row));
}

/** The rows of the sheet through the import of its kind. */
function importSheetRows(
  ctx: ServiceContext,
  entity: ImportEntity,
  opened: Awaited<ReturnType<typeof openSheet>>,
  options: ImportRowsOptions,
) {
  return entity === 'rep' ? importRepRows(ctx, repRows(opened), options) : importPartnerRows(ctx, partnerRows(opened), options);
}

/** Says what applying would do, row by row, and writes nothing (the summary is kept with the import). */
export async function previewSheetImport(ctx: ServiceContext, id: string): Promise<ImportPreview> {
  authorize(ctx, 'imports:run');
  const { opened, record, file } = await inTransaction(ctx, async (tx) => {
    const record = await loadImport(tx, id);
    const file = await readUploadToFile(tx, ctx.database, id, record.fileName);
    return {
      opened: await openSheet(tx, record, file).catch(async (e) => {
        await removeWorkingFile(file);
        throw e;
      }),
      record,
      file,
    };
  });
  try {
    return await previewOpened(ctx, id, record, opened);
  } finally {
    await removeWorkingFile(file);
  }
}

async function previewOpened(
  ctx: ServiceContext,
  id: string,
  record: SheetImportRecord,
  opened: Awaited<ReturnType<typeof openSheet>>,
): Promise<ImportPreview> {
  const rows: RowOutcome[] = [];
  let truncated = false;
  const result = await importSheetRows(ctx, record.entity, opened, {
    apply: false,
    columnOf: columnNamer(opened.mappings),
    customFields: mappedCustomFields(opened.mappings),
    onOutcomes: (outcomes) => {
      for (const o of outcomes) {
        if (o.action === 'unchanged') continue;
        if (rows.length < PREVIEW_ROW_LIMIT) rows.push(o);
        else truncated = true;
      }
    },
  });
  // Kept with the import until it is applied: the apply refuses a sheet that is mostly errors (below).
  await inTransaction(ctx, (tx) =>
    tx
      .update(sheetImports)
      .set({ summary: result.counts })
      .where(and(eq(sheetImports.id, id), eq(sheetImports.status, 'previewed'), eq(sheetImports.version, record.version))),
  );
  return { counts: result.counts, rows, truncated, newOptions: result.newOptions, mostlyErrors: isMostlyErrors(result.counts) };
}

/** The counts a preview kept with the import, if it was previewed since its mapping last changed. */
function previewedCounts(summary: Record<string, number>): ImportCounts | null {
  return typeof summary.rows === 'number' && typeof summary.error === 'number'
    ? ({ ...emptyCounts(), ...summary } as ImportCounts)
    : null;
}

function mappedCustomFields(mappings: readonly ColumnMapping[]) {
  return mappings.flatMap((m) =>
    m.target.kind === 'custom' ? [{ key: m.target.key, type: m.target.type, options: m.target.options ?? [] }] : [],
  );
}

/**
 * The workspace's HubSpot portal id, learned from the first full HubSpot link among the sheet's first
 * rows (issue 14: links were stored without it) when the workspace does not know it yet; Settings edits it.
 */
async function learnHubspotPortal(ctx: ServiceContext, opened: Awaited<ReturnType<typeof openSheet>>): Promise<void> {
  const linkColumns = opened.mappings.filter(
    (m) => m.target.kind === 'field' && (m.target.field === 'hubspotCompanyId' || m.target.field === 'hubspotContactId'),
  );
  const portalId = opened.head
    .flatMap((row) => linkColumns.map((m) => hubspotPortalOf(row.cells[m.index] ?? null)))
    .find((id) => id !== null);
  if (!portalId) return;
  await inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    if (settings.hubspotPortalId === null)
      await workspaceSettingsWriter.update({ tx, ctx }, settings, { hubspotPortalId: portalId });
  });
}

/** Creates the custom fields the mapping introduces (once: a re-run finds them). */
async function ensureCustomFields(ctx: ServiceContext, entity: ImportEntity, mappings: readonly ColumnMapping[]) {
  await inTransaction(ctx, async (tx) => {
    for (const m of mappings) {
      if (m.target.kind !== 'custom') continue;
      const [found] = await tx
        .select()
        .from(customFieldDefs)
        .where(and(eq(customFieldDefs.entity, entity), eq(customFieldDefs.key, m.target.key)));
      if (found) continue;
      await customFieldWriter.create(
        { tx, ctx },
        {
          entity,
          key: m.target.key,
          label: m.target.label,
          type: m.target.type,
          options: m.target.options ?? [],
          position: m.index,
        },
      );
    }
  });
}

export type ApplyProgress = (done: number, total: number) => void;

export type ApplySheetImportOptions = {
  /** Apply even when most rows would be refused (the preview's errors outnumber the rest). */
  force?: boolean;
  onProgress?: ApplyProgress;
};

/**
 * Applies the import batch by batch; each batch commits with the count of rows done, so a run that was
 * killed carries on where it stopped when applied again, and an applied import is not applied twice.
 * A sheet whose rows are mostly errors is refused unless forced: that is the wrong sheet or the wrong
 * kind (a rep sheet read as partners would overwrite partner fields with rep values).
 */
export async function applySheetImport(
  ctx: ServiceContext,
  id: string,
  options: ApplySheetImportOptions = {},
): Promise<SheetImportDto> {
  await authorizeEveryPartner(ctx, 'imports:run');
  const pending = await inTransaction(ctx, (tx) => loadImport(tx, id));
  if (pending.status === 'previewed' && pending.appliedRows === 0 && !options.force) {
    const counts = previewedCounts(pending.summary) ?? (await previewSheetImport(ctx, id)).counts;
    if (isMostlyErrors(counts)) {
      throw new AppError(
        'CONFLICTING_STATE',
        `${counts.error} of ${counts.rows} rows would be refused: check that this is a ${pending.entity} sheet and its column mapping, or apply anyway with force`,
        { counts, issues: [{ field: 'force', message: 'most rows have errors; set force to apply the rest anyway' }] },
      );
    }
  }
  const { record, opened, file } = await inTransaction(ctx, async (tx) => {
    const record = await loadImport(tx, id);
    if (record.status === 'applied') return { record, opened: null, file: null };
    await tx.update(sheetImports).set({ status: 'applying', updatedAt: ctx.now() }).where(eq(sheetImports.id, id));
    const file = await readUploadToFile(tx, ctx.database, id, record.fileName);
    return {
      record,
      opened: await openSheet(tx, record, file).catch(async (e) => {
        await removeWorkingFile(file);
        throw e;
      }),
      file,
    };
  });
  if (!opened) return getSheetImport(ctx, id);
  try {
    await applyOpened(ctx, id, record, opened, options.onProgress);
  } finally {
    await removeWorkingFile(file);
  }
  return getSheetImport(ctx, id);
}

async function applyOpened(
  ctx: ServiceContext,
  id: string,
  record: SheetImportRecord,
  opened: Awaited<ReturnType<typeof openSheet>>,
  onProgress: ApplyProgress | undefined,
): Promise<void> {
  await ensureCustomFields(ctx, record.entity, opened.mappings);
  await learnHubspotPortal(ctx, opened);
  const startCounts = record.appliedRows > 0 ? ({ ...emptyCounts(), ...record.summary } as ImportCounts) : emptyCounts();
  await importSheetRows(ctx, record.entity, opened, {
    apply: true,
    columnOf: columnNamer(opened.mappings),
    skipRows: record.appliedRows,
    counts: startCounts,
    onBatchApplied: async (tx, done, counts) => {
      await tx
        .update(sheetImports)
        .set({ appliedRows: done, summary: counts, updatedAt: ctx.now() })
        .where(eq(sheetImports.id, id));
      onProgress?.(done, record.totalRows);
    },
  });
  await inTransaction(ctx, async (tx) => {
    await tx
      .update(sheetImports)
      .set({ status: 'applied', version: record.version + 1, updatedAt: ctx.now() })
      .where(eq(sheetImports.id, id));
    if (record.totalRows >= ANALYZE_AFTER_ROWS) await analyzeAfterBulkLoad(tx);
  });
}
