import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, queryRows, sheetImportChunks, sheetImports } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type ServiceContext, systemActor } from '../context';
import { getPartner } from '../partners/get-partner';
import { listPartners } from '../partners/list-partners';
import { listReps } from '../reps/get-rep';
import { getSettings, updateSettings } from '../settings';
import {
  applySheetImport,
  createSheetImport,
  expireSheetUploads,
  getSheetImport,
  previewSheetImport,
  updateSheetImportMapping,
} from './sheet-import';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../integrations/test-fixtures/${name}`, import.meta.url)));

let database: Database;
let ctx: ServiceContext;
beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createContext(database, systemActor('importer', 'import'), () => new Date('2025-02-03T15:00:00Z'));
  const settings = await getSettings(ctx);
  await updateSettings(ctx, { version: settings.version, timeZone: 'UTC' });
});
afterAll(async () => {
  await database?.close();
});

describe('importing the shared final-schema sheet', () => {
  it('maps every column, previews five creates, applies them, and a second run changes nothing', async () => {
    const created = await createSheetImport(ctx, {
      entity: 'partner',
      fileName: 'final-schema-tracker.csv',
      content: fixture('final-schema-tracker.csv'),
    });
    expect(created.totalRows).toBe(5);
    expect(created.columns).toHaveLength(36);
    expect(created.columns.filter((c) => c.target.kind === 'custom')).toEqual([]);
    expect(created.columns[0]).toMatchObject({ header: 'Partner Company', target: { kind: 'field', field: 'name' } });
    expect(created.columns[0]!.samples.slice(0, 2)).toEqual(['Snowflake', 'Brightwave Agency']);

    const preview = await previewSheetImport(ctx, created.id);
    expect(preview.counts).toMatchObject({ rows: 5, create: 5, error: 0 });
    expect((await listPartners(ctx, { limit: 10 })).total).toBe(0);

    const applied = await applySheetImport(ctx, created.id);
    expect(applied).toMatchObject({ status: 'applied', appliedRows: 5 });
    const snow = (await listPartners(ctx, { q: 'Snowflake', limit: 1 })).items[0]!;
    const partner = await getPartner(ctx, snow.id);
    expect(partner).toMatchObject({
      hubspotCompanyId: '9876543210',
      phase: 'Phase 2: Activate',
      lastEngagementDate: '2025-01-28',
    });
    // The sheet's pipeline ($85,000) is kept as a baseline and shows in the grid's pipeline too.
    expect(partner.performance).toMatchObject({ introsMade: 6, closedWon: 1, pipelineValueMinor: 8_500_000 });
    expect(snow.pipelineValueMinor).toBe(8_500_000);
    // Applying the same import again does nothing more.
    expect(await applySheetImport(ctx, created.id)).toMatchObject({ status: 'applied' });

    const again = await createSheetImport(ctx, {
      entity: 'partner',
      fileName: 'final-schema-tracker.csv',
      content: fixture('final-schema-tracker.csv'),
    });
    const second = await previewSheetImport(ctx, again.id);
    expect(second.counts).toMatchObject({ rows: 5, unchanged: 5 });
    expect(second.rows).toEqual([]);
  });
});

describe('a messy legacy sheet', () => {
  it('keeps unknown columns as typed custom fields and reports unreadable cells by row and column', async () => {
    const created = await createSheetImport(ctx, {
      entity: 'partner',
      fileName: 'legacy-partners.csv',
      content: fixture('legacy-partners.csv'),
    });
    const custom = created.columns.filter((c) => c.target.kind === 'custom');
    expect(custom.map((c) => c.header)).toContain('Favourite Snack 🍕');
    const preview = await previewSheetImport(ctx, created.id);
    expect(preview.counts.error).toBeGreaterThan(0);
    for (const row of preview.rows.filter((r) => r.action === 'error')) {
      expect(row.problems.length).toBeGreaterThan(0);
      for (const p of row.problems) expect(created.headers).toContain(p.column);
    }
    // The user maps the snack column away: a corrected mapping is kept with the import.
    const snack = custom.find((c) => c.header === 'Favourite Snack 🍕')!;
    const mapping = {
      version: 1,
      entity: 'partner',
      columns: created.columns.map((c) => ({ header: c.header, target: c === snack ? { kind: 'ignore' } : c.target })),
    };
    const updated = await updateSheetImportMapping(ctx, created.id, { version: created.version, mapping });
    expect(updated.columns.find((c) => c.header === snack.header)!.target).toEqual({ kind: 'ignore' });
    const corrected = await previewSheetImport(ctx, created.id);
    const applied = await applySheetImport(ctx, created.id);
    expect(applied.status).toBe('applied');
    expect(applied.summary).toEqual(corrected.counts);
    // Rows with every cell readable are written (the first test imported some of these partners already).
    const written = corrected.rows.filter((r) => r.action === 'create' || r.action === 'update');
    expect(written.map((r) => r.name)).toContain('Société Générale Partenaires');
    for (const row of written)
      expect([row.name, (await listPartners(ctx, { q: row.name!, limit: 1 })).total]).toEqual([row.name, 1]);
    // Société's HubSpot link is Cloudnest's (imported by the first test): that row renames Cloudnest, and
    // the later row naming Cloudnest is refused rather than applied to the same partner twice.
    expect(corrected.rows.find((r) => r.name === 'Cloudnest')!.problems[0]!.reason).toMatch(
      /same partner \(Cloudnest\) as row 5/,
    );
    // The repeated partner is reported against the row it repeats, not imported twice.
    expect(corrected.rows.find((r) => r.name === 'snowflake')!.problems[0]!.reason).toMatch(/repeats row 2/);
  });
});

describe('importing the rep sheet (seed 001, Option B)', () => {
  it('matches reps at their partners, sets tiers, quality and last contact, and a second run changes nothing', async () => {
    const created = await createSheetImport(ctx, {
      entity: 'rep',
      fileName: 'rep-summary.csv',
      content: fixture('rep-summary.csv'),
    });
    expect(created.totalRows).toBe(5);
    expect(created.columns.filter((c) => c.target.kind === 'custom')).toEqual([]);
    const preview = await previewSheetImport(ctx, created.id);
    expect(preview.counts.error).toBe(0);
    const applied = await applySheetImport(ctx, created.id);
    expect(applied.status).toBe('applied');
    const snow = (await listPartners(ctx, { q: 'Snowflake', limit: 1 })).items[0]!;
    const reps = await listReps(ctx, { partnerId: snow.id, limit: 50 });
    const jarred = reps.items.find((r) => r.name === 'Jarred Clifford')!;
    expect(jarred).toMatchObject({ engagementTier: 1, qualityScore: 9, lastContactDate: '2025-01-28' });
    // Jarred was added by the partner sheet's next action: the rep sheet updated him, not a second Jarred.
    expect(reps.items.filter((r) => r.name === 'Jarred Clifford')).toHaveLength(1);
    expect(reps.items.map((r) => r.name).sort()).toEqual(['Jarred Clifford', 'Kim Novak', 'Pete Ross']);

    const again = await createSheetImport(ctx, {
      entity: 'rep',
      fileName: 'rep-summary.csv',
      content: fixture('rep-summary.csv'),
    });
    const second = await previewSheetImport(ctx, again.id);
    expect(second.counts).toMatchObject({ rows: 5, unchanged: 5 });
  });

  it('adds a partner the rep sheet names and the workspace lacks', async () => {
    const sheet = Buffer.from(
      'Rep Name,Partner Company,Engagement Tier,Email\nNia Long,Brand New Partner,T2,nia@brandnew.example\n',
    );
    const created = await createSheetImport(ctx, { entity: 'rep', fileName: 'new.csv', content: sheet });
    const preview = await previewSheetImport(ctx, created.id);
    expect(preview.rows[0]).toMatchObject({
      action: 'create',
      changes: expect.arrayContaining([{ field: 'partner', before: null, after: 'Brand New Partner' }]),
    });
    await applySheetImport(ctx, created.id);
    const partner = (await listPartners(ctx, { q: 'Brand New Partner', limit: 1 })).items[0]!;
    expect(partner.totalReps).toBe(1);
  });
});

describe('uploads kept in the database', () => {
  it('lets an applied import’s file go after a week and removes an upload never applied after a day', async () => {
    let now = new Date('2025-03-01T12:00:00Z');
    const later = createContext(database, systemActor('importer', 'import'), () => now);
    const sheet = (name: string) => Buffer.from(`Partner Company,Partner Type\n${name},Agency\n`);
    const applied = await createSheetImport(later, { entity: 'partner', fileName: 'a.csv', content: sheet('Kept Summary Co') });
    await applySheetImport(later, applied.id);
    const abandoned = await createSheetImport(later, {
      entity: 'partner',
      fileName: 'b.csv',
      content: sheet('Never Applied Co'),
    });
    const interrupted = await createSheetImport(later, { entity: 'partner', fileName: 'c.csv', content: sheet('Half Way Co') });
    await database.db.update(sheetImports).set({ status: 'applying' }).where(eq(sheetImports.id, interrupted.id));

    // Six days on, nothing is let go; forty days on, the next upload tidies up.
    now = new Date('2025-03-07T12:00:00Z');
    await createSheetImport(later, { entity: 'partner', fileName: 'd.csv', content: sheet('Another Co') });
    expect((await getSheetImport(later, applied.id)).columns[0]!.samples).toEqual(['Kept Summary Co']);
    now = new Date('2025-04-10T12:00:00Z');
    await createSheetImport(later, { entity: 'partner', fileName: 'e.csv', content: sheet('Yet Another Co') });

    const kept = await getSheetImport(later, applied.id);
    expect(kept).toMatchObject({ status: 'applied', headers: ['Partner Company', 'Partner Type'], summary: { create: 1 } });
    expect(kept.columns[0]).toMatchObject({ header: 'Partner Company', target: { kind: 'field', field: 'name' }, samples: [] });
    await expect(getSheetImport(later, abandoned.id)).rejects.toThrow(/No import with id/);
    // An interrupted import keeps its file: applying it again must be able to carry on.
    expect((await getSheetImport(later, interrupted.id)).columns[0]!.samples).toEqual(['Half Way Co']);
    const pieces = async (id: string) =>
      (await database.db.select().from(sheetImportChunks).where(eq(sheetImportChunks.importId, id))).length;
    expect(await pieces(applied.id)).toBe(0);
    expect(await pieces(interrupted.id)).toBe(1);
  });

  it('expires an upload never applied after 24 hours, alone (the hourly job), keeping interrupted ones', async () => {
    let now = new Date('2025-06-01T09:00:00Z');
    const clocked = createContext(database, systemActor('importer', 'import'), () => now);
    const sheet = (name: string) => Buffer.from(`Partner Company,Partner Type\n${name},Agency\n`);
    const waiting = await createSheetImport(clocked, { entity: 'partner', fileName: 'w.csv', content: sheet('Waiting Co') });
    const interrupted = await createSheetImport(clocked, { entity: 'partner', fileName: 'i.csv', content: sheet('Stopped Co') });
    await database.db.update(sheetImports).set({ status: 'applying' }).where(eq(sheetImports.id, interrupted.id));

    now = new Date('2025-06-02T08:59:00Z');
    expect(await expireSheetUploads(clocked)).toMatchObject({ removed: 0 });
    expect((await getSheetImport(clocked, waiting.id)).status).toBe('previewed');

    now = new Date('2025-06-02T09:01:00Z');
    expect(await expireSheetUploads(clocked)).toMatchObject({ removed: 1 });
    await expect(getSheetImport(clocked, waiting.id)).rejects.toThrow(/No import with id/);
    expect((await getSheetImport(clocked, interrupted.id)).columns[0]!.samples).toEqual(['Stopped Co']);
    expect(await database.db.select().from(sheetImportChunks).where(eq(sheetImportChunks.importId, waiting.id))).toEqual([]);
  });

  it('takes an upload from a file on disk, with the same pieces, hash and rows as from memory', async () => {
    const lines = ['Partner Company,Partner Type,NOTES'];
    for (let i = 0; i < 2500; i++) lines.push(`On Disk ${i},Agency,${'d'.repeat(300)}`);
    const content = Buffer.from(`${lines.join('\n')}\n`);
    const path = join(tmpdir(), `ptrack-upload-${process.pid}.csv`);
    writeFileSync(path, content);
    const fromDisk = await createSheetImport(ctx, { entity: 'partner', fileName: 'disk.csv', content: { path } });
    const fromMemory = await createSheetImport(ctx, { entity: 'partner', fileName: 'disk.csv', content });
    const rowOf = async (id: string) => (await database.db.select().from(sheetImports).where(eq(sheetImports.id, id)))[0]!;
    const [a, b] = [await rowOf(fromDisk.id), await rowOf(fromMemory.id)];
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.contentBytes).toBe(content.length);
    expect(a.totalRows).toBe(2500);
    const stored = await database.db
      .select()
      .from(sheetImportChunks)
      .where(eq(sheetImportChunks.importId, fromDisk.id))
      .orderBy(sheetImportChunks.seq);
    expect(Buffer.concat(stored.map((c) => c.data)).equals(content)).toBe(true);
    expect((await previewSheetImport(ctx, fromDisk.id)).counts).toMatchObject({ rows: 2500, create: 2500 });
  });

  it('keeps a large file in pieces that read back as the same bytes, every row of it', async () => {
    const notes = 'n'.repeat(400);
    const lines = ['Partner Company,Partner Type,NOTES'];
    for (let i = 0; i < 3000; i++) lines.push(`Piecewise ${i},Agency,${notes} ✓ ${i}`);
    const content = Buffer.from(`${lines.join('\n')}\n`);
    const created = await createSheetImport(ctx, { entity: 'partner', fileName: 'large.csv', content });
    const stored = await database.db
      .select()
      .from(sheetImportChunks)
      .where(eq(sheetImportChunks.importId, created.id))
      .orderBy(sheetImportChunks.seq);
    expect(stored.length).toBe(Math.ceil(content.length / (512 * 1024)));
    expect(stored.length).toBeGreaterThan(1);
    expect(Buffer.concat(stored.map((c) => c.data)).equals(content)).toBe(true);
    expect(created.totalRows).toBe(3000);
    const preview = await previewSheetImport(ctx, created.id);
    expect(preview.counts).toMatchObject({ rows: 3000, create: 3000, error: 0 });
  });

  it('brings the planner’s statistics up to date after applying a large import', async () => {
    const lines = ['Partner Company,Partner Type'];
    for (let i = 0; i < 1200; i++) lines.push(`Counted ${i},Agency`);
    const created = await createSheetImport(ctx, {
      entity: 'partner',
      fileName: 'many.csv',
      content: Buffer.from(lines.join('\n')),
    });
    await applySheetImport(ctx, created.id);
    // Statistics a table had when it was last analyzed: -1 on a table never analyzed (PGlite has no autovacuum).
    const [stats] = await queryRows<{ tuples: number }>(
      database.db,
      sql`select reltuples::int as tuples from pg_class where oid = 'partners'::regclass`,
    );
    expect(stats!.tuples).toBeGreaterThanOrEqual(1200);
  });
});
