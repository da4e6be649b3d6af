import { PassThrough } from 'node:stream';
import { DEFAULT_OPTION_LISTS } from '@ptrack/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customExportColumns, PARTNER_EXPORT_COLUMNS, REP_EXPORT_COLUMNS } from './export-columns';
import { type CustomFieldDef, matchHeaders } from './header-match';
import { createPartnerRowMapper, createRepRowMapper, type MappedPartnerRow, type MappedRepRow, toExportRecord } from './map-row';
import { readSheet } from './read-sheet';
import type { SheetFormat } from './sheet-types';
import { collect, fixture } from './test-support';
import { writeCsv, writeXlsx } from './write-sheet';

type Entity = 'partner' | 'rep';

async function exportToBuffer(format: SheetFormat, records: Record<string, unknown>[], entity: Entity, custom: CustomFieldDef[]) {
  const columns = [...(entity === 'partner' ? PARTNER_EXPORT_COLUMNS : REP_EXPORT_COLUMNS), ...customExportColumns(custom)];
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await (format === 'csv' ? writeCsv(records, columns, out) : writeXlsx(records, columns, out));
  out.end();
  await ended;
  return Buffer.concat(chunks);
}

async function importRecords(source: { path: string } | { buffer: Uint8Array }, entity: Entity, custom?: CustomFieldDef[]) {
  const sheet = await readSheet(source);
  const rows = await collect(sheet.rows);
  const mappings = matchHeaders(sheet.headers, { entity, samples: rows, customFields: custom });
  const mapped: (MappedPartnerRow | MappedRepRow)[] =
    entity === 'partner' ? rows.map(createPartnerRowMapper(mappings)) : rows.map(createRepRowMapper(mappings));
  const customDefs = mappings.flatMap((m) => (m.target.kind === 'custom' ? [{ ...m.target }] : []));
  return { mapped, customDefs, records: mapped.map(toExportRecord) };
}

/** A record without its empty values: a blank cell and an absent column say the same thing. */
const meaningful = (r: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)));

describe('export → read → map gives back the records', () => {
  it.each([
    ['final-schema-tracker.csv', 'partner', 'csv'],
    ['final-schema-tracker.csv', 'partner', 'xlsx'],
    ['legacy-partners.csv', 'partner', 'csv'],
    ['legacy-partners.csv', 'partner', 'xlsx'],
    ['rep-summary.csv', 'rep', 'csv'],
    ['reps-messy.tsv', 'rep', 'xlsx'],
  ] as const)('%s as %s through %s', async (name, entity, format) => {
    const first = await importRecords({ path: fixture(name) }, entity);
    const buffer = await exportToBuffer(format, first.records, entity, first.customDefs);
    const again = await importRecords({ buffer }, entity, first.customDefs);
    expect(again.mapped.flatMap((r) => r.problems.filter((p) => !p.reason.startsWith('repeats')))).toEqual([]);
    expect(again.records.map(meaningful)).toEqual(first.records.map(meaningful));
  });
});

const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9 .&'-]{0,15}[A-Za-zÀ-ÿ0-9]$/);
const freeText = fc
  .string({
    unit: fc.constantFrom(
      'a',
      'Z',
      'é',
      '日',
      '🚀',
      ' ',
      ',',
      ';',
      '"',
      "'",
      '=',
      '+',
      '-',
      '@',
      '\n',
      '\r',
      '1',
      '.',
      '%',
      '<',
      '&',
    ),
  })
  .map((s) => s.trim())
  .filter((s) => s !== '');
const isoDay = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const partnerRecord = fc.record({
  name: word,
  type: optional(fc.constantFrom(...DEFAULT_OPTION_LISTS.partnerType)),
  icpMatch: optional(fc.constantFrom('yes', 'no')),
  namedAccounts: fc.array(
    word.filter((w) => !/^(inc|ltd|co|corp|llc|plc|ag|bv|oy|ab|pty|gmbh|sa|lp)\.?$/i.test(w)),
    { maxLength: 5 },
  ),
  notes: optional(freeText),
  phase: optional(fc.constantFrom(...DEFAULT_OPTION_LISTS.phase)),
  hubspotCompanyId: optional(fc.stringMatching(/^[1-9]\d{0,11}$/)),
  partnerManagerEmail: optional(
    fc.tuple(word, word).map(([a, b]) => `${a.replace(/[^a-z0-9]/gi, '') || 'x'}@${b.replace(/[^a-z0-9]/gi, '') || 'y'}.com`),
  ),
  icpAlignment: optional(fc.integer({ min: 0, max: 10 })),
  'plan.startDate': optional(isoDay),
  'plan.status': optional(fc.constantFrom('on-track', 'at-risk', 'delivered', 'failed')),
  'nextAction.dueDate': optional(isoDay),
  'baseline.introsMade': optional(fc.integer({ min: 0, max: 100_000 })),
  'baseline.pipelineValueMinor': optional(fc.integer({ min: 0, max: 1e13 })),
});

describe('round trip property', () => {
  it.each(['csv', 'xlsx'] as const)('any partner records survive %s export and import', async (format) => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(partnerRecord, { minLength: 1, maxLength: 5, selector: (r) => r.name.toLowerCase() }),
        async (records) => {
          const buffer = await exportToBuffer(format, records, 'partner', []);
          const again = await importRecords({ buffer }, 'partner');
          expect(again.mapped.flatMap((r) => r.problems)).toEqual([]);
          expect(again.records.map(meaningful)).toEqual(records.map(meaningful));
        },
      ),
      { numRuns: format === 'csv' ? 60 : 25 },
    );
  });
});
