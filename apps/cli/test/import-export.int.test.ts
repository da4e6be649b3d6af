import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/errors';
import { expectFailure, expectOk, ptrack, tempDir } from './support';

const FIXTURES = fileURLToPath(new URL('../../../packages/integrations/test-fixtures/', import.meta.url));
const tracker = join(FIXTURES, 'final-schema-tracker.csv');
const repSheet = join(FIXTURES, 'rep-summary.csv');

describe('ptrack import and export (the real binary)', () => {
  const data = tempDir('import');
  const files = tempDir('sheets');
  afterAll(() => {
    data.remove();
    files.remove();
  });

  it('previews with --dry-run and writes nothing', async () => {
    const out = expectOk(await ptrack(data.path, ['import', tracker, '--dry-run']));
    expect(out).toContain('final-schema-tracker.csv: 5 rows — 5 to create, 0 to update, 0 unchanged, 0 errors.');
    expect(out).toContain('Dry run: nothing was written.');
    // Row by row, as the help says: the header is row 1.
    expect(out).toContain('  row 2: create Snowflake');
    expect(out).toContain('  row 3: create Brightwave Agency');
    const partners = JSON.parse(expectOk(await ptrack(data.path, ['partners', '--json'])));
    expect(partners.total).toBe(0);
  });

  it('imports the sheet, saves the mapping it used, and re-imports with it unchanged', async () => {
    const mapping = join(files.path, 'mapping.json');
    const out = expectOk(await ptrack(data.path, ['import', tracker, '--save-mapping', mapping]));
    expect(out).toContain('Imported: 5 created, 0 updated, 0 unchanged, 0 rows refused.');
    const saved = JSON.parse(readFileSync(mapping, 'utf8'));
    expect(saved).toMatchObject({ entity: 'partner' });
    expect(saved.columns[0]).toMatchObject({ header: 'Partner Company', target: { kind: 'field', field: 'name' } });
    const again = JSON.parse(expectOk(await ptrack(data.path, ['import', tracker, '--mapping', mapping, '--dry-run', '--json'])));
    expect(again.preview.counts).toMatchObject({ rows: 5, unchanged: 5 });
    // A changed cell: the dry run names the row, the partner and the field, before → after.
    const edited = join(files.path, 'edited.csv');
    writeFileSync(edited, readFileSync(tracker, 'utf8').replace('Snowflake,Tech Vendor,', 'Snowflake,Agency,'));
    const update = expectOk(await ptrack(data.path, ['import', edited, '--mapping', mapping, '--dry-run']));
    expect(update).toMatch(/^ {2}row 2: update Snowflake: type Tech Vendor → Agency$/m);
  });

  it('exports CSV and XLSX that import back unchanged', async () => {
    for (const format of ['csv', 'xlsx']) {
      const file = join(files.path, `partners.${format}`);
      expect(expectOk(await ptrack(data.path, ['export', '--out', file]))).toMatch(
        new RegExp(`^Exported to .*partners\\.${format} \\(${format.toUpperCase()}`),
      );
      const back = JSON.parse(expectOk(await ptrack(data.path, ['import', file, '--dry-run', '--json'])));
      expect(back.preview.counts).toMatchObject({ rows: 5, unchanged: 5, error: 0 });
    }
    const csv = readFileSync(join(files.path, 'partners.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFPartner Company,Partner Type,Partner Archetype,Slack Channel,ICP Match,/);
    const view = join(files.path, 'attention.csv');
    expectOk(await ptrack(data.path, ['export', '--out', view, '--view', 'needs-attention']));
  });

  it('imports a rep sheet as reps, by its headers or --entity, and changes no partner field', async () => {
    const versions = async () => {
      const list = JSON.parse(expectOk(await ptrack(data.path, ['partners', '--json'])));
      return Object.fromEntries(list.items.map((p: { name: string; version: number }) => [p.name, p.version]));
    };
    const before = await versions();
    expect(Object.keys(before)).toHaveLength(5);
    const auto = JSON.parse(expectOk(await ptrack(data.path, ['import', repSheet, '--json'])));
    expect(auto.import.entity).toBe('rep');
    expect(auto.applied.summary).toMatchObject({ rows: 5, error: 0 });
    const explicit = JSON.parse(expectOk(await ptrack(data.path, ['import', repSheet, '--entity', 'rep', '--json'])));
    expect(explicit.import.entity).toBe('rep');
    // Every partner keeps its version: no partner field was written by either rep import.
    expect(await versions()).toEqual(before);
  });

  it('refuses to apply a sheet whose rows are mostly errors unless --force', async () => {
    const messy = join(files.path, 'mostly-errors.csv');
    writeFileSync(messy, 'Partner Company,Notes\n,no name here\n,nor here\nForced Partner,kept\n');
    const refused = expectFailure(await ptrack(data.path, ['import', messy]), EXIT.FAILED);
    expect(refused).toMatch(/2 of 3 rows would be refused.*--force/);
    expect(JSON.parse(expectOk(await ptrack(data.path, ['partners', '--json', '--search', 'Forced Partner']))).total).toBe(0);
    const forced = await ptrack(data.path, ['import', messy, '--force']);
    expect(forced.stdout).toContain('Imported: 1 created, 0 updated, 0 unchanged, 2 rows refused.');
    expect(JSON.parse(expectOk(await ptrack(data.path, ['partners', '--json', '--search', 'Forced Partner']))).total).toBe(1);
    expect(expectFailure(await ptrack(data.path, ['import', messy, '--entity', 'contact']), EXIT.USAGE)).toMatch(/--entity/);
  });

  it('fails with one line and an exit code', async () => {
    expect(expectFailure(await ptrack(data.path, ['import', join(files.path, 'missing.csv')]), EXIT.FAILED)).toMatch(
      /cannot read/,
    );
    const bad = join(files.path, 'bad.json');
    writeFileSync(bad, '{ nope');
    expect(expectFailure(await ptrack(data.path, ['import', tracker, '--mapping', bad]), EXIT.USAGE)).toMatch(/--mapping/);
    expect(
      expectFailure(await ptrack(data.path, ['export', '--out', join(files.path, 'x.pdf'), '--format', 'pdf']), EXIT.USAGE),
    ).toMatch(/--format/);
    expect(
      expectFailure(await ptrack(data.path, ['export', '--out', join(files.path, 'x.csv'), '--view', 'nope']), EXIT.NOT_FOUND),
    ).toMatch(/view/);
  });
});
