import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTNER_IMPORT_TARGETS, REP_IMPORT_TARGETS } from './import-targets';
import { PARTNER_GRID_FIELDS } from './partner-grid';
import { PARTNER_FIELD_LABELS, REP_COMPUTED_LABELS, REP_FIELD_LABELS } from './record-fields';

// Issue 13: each field's label is written in exactly one non-test source file (the catalog's), so a new
// field or a renamed label is one edit. Labels built from others (import suffixes) are checked as written.

const ROOT = join(import.meta.dirname, '../../..');
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}
const files = ['apps', 'packages'].flatMap((d) =>
  readdirSync(join(ROOT, d)).flatMap((p) => {
    try {
      return sources(join(ROOT, d, p, 'src'));
    } catch {
      return [];
    }
  }),
);
const texts = files.map((f) => ({ file: f.slice(ROOT.length + 1), text: readFileSync(f, 'utf8') }));
const filesWriting = (label: string) =>
  texts.filter(({ text }) => [`'${label}'`, `"${label}"`, `\`${label}\``].some((q) => text.includes(q))).map((t) => t.file);

// Words that are also ordinary UI text elsewhere (a table's "Name" column, a "Notes" heading, a role
// "Owner"): the catalog's field keeps them, other screens may say them too.
const COMMON_WORDS = new Set([
  'Name',
  'Type',
  'Email',
  'Notes',
  'Title',
  'Owner',
  'Domain',
  'Website',
  'Reps',
  'Phase',
  'Deals',
  'Won',
  'Intros',
  'Created',
  'Updated',
  'Pipeline',
  'Industry',
  'Responsive',
  'Economics',
  'Status',
  'Qualification',
]);

const labels = [
  ...PARTNER_GRID_FIELDS.map((f) => f.label),
  ...Object.values(PARTNER_FIELD_LABELS),
  ...Object.values(REP_FIELD_LABELS),
  ...Object.values(REP_COMPUTED_LABELS),
  ...Object.values(PARTNER_IMPORT_TARGETS).map((t) => t.label),
  ...Object.values(REP_IMPORT_TARGETS).map((t) => t.label),
].filter((l) => !COMMON_WORDS.has(l));

describe('field labels', () => {
  it.each([...new Set(labels)])('%s is written in one non-test source file, a catalog one', (label) => {
    const where = filesWriting(label);
    expect(where.length).toBeLessThanOrEqual(1);
    for (const file of where) expect(file).toMatch(/^packages\/catalog\//);
  });
});
