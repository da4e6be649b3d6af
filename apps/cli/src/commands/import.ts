import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { plural } from '@ptrack/catalog';
import type { ImportPreviewDto, RouteBody, RouteName, RouteRequest, RouteResponse, SheetImportDto } from '@ptrack/contracts';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { type ApiClient, call, requestOf } from '../client';
import { globalsOf, output, withClient } from '../context';
import { CliError, EXIT, problemError } from '../errors';

type ImportOptions = {
  dryRun?: boolean;
  force?: boolean;
  mapping?: string;
  sheet?: string;
  entity?: string;
  saveMapping?: string;
};

const ENTITIES = ['partner', 'rep', 'auto'] as const;
type Entity = (typeof ENTITIES)[number];

/** --entity as given, else the kind a --mapping file was saved for, else told by the sheet's headers. */
function entityOf(options: ImportOptions, mapping: unknown): Entity {
  if (options.entity !== undefined) {
    const entity = options.entity.trim().toLowerCase();
    if (!(ENTITIES as readonly string[]).includes(entity))
      throw new CliError(`--entity must be partner, rep or auto (got ${JSON.stringify(options.entity)})`, EXIT.USAGE);
    return entity as Entity;
  }
  const saved = (mapping as { entity?: unknown } | undefined)?.entity;
  return saved === 'partner' || saved === 'rep' ? saved : 'auto';
}

const TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.txt': 'text/plain',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const PROBLEM_LINES = 20;

function checkInput(file: string): void {
  try {
    if (!statSync(file).isFile()) throw new CliError(`${file} is not a file`, EXIT.FAILED);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`, EXIT.FAILED);
  }
}

function readMapping(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`--mapping ${file}: ${(error as Error).message}`, EXIT.USAGE);
  }
}

const IMPORT_FIELDS = { mapping: '--mapping', sheet: '--sheet', file: '<file>', force: '--force' };

const json = <N extends RouteName>(client: ApiClient, name: N, request: NoInfer<RouteRequest<N>>): Promise<RouteResponse<N>> =>
  call(client, name, request, IMPORT_FIELDS);

const CHANGE_LINES = 50;

/** A value of a preview's change, short enough for one line. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** What a dry run would do row by row: each row to create, and each update with the fields it changes. */
function changeLines(preview: ImportPreviewDto): string[] {
  const changing = preview.rows.filter((r) => r.action === 'create' || r.action === 'update');
  const lines = changing.slice(0, CHANGE_LINES).map((row) => {
    const name = row.name ?? '(no name)';
    if (row.action === 'create') return `  row ${row.rowNumber}: create ${name}`;
    const fields = row.changes.map((c) => `${c.field} ${shown(c.before)} → ${shown(c.after)}`).join('; ');
    return `  row ${row.rowNumber}: update ${name}${fields ? `: ${fields}` : ''}`;
  });
  if (changing.length > CHANGE_LINES)
    lines.push(`  … and ${changing.length - CHANGE_LINES} more rows to change (--json lists them).`);
  return lines;
}

function previewLines(file: string, preview: ImportPreviewDto, dryRun: boolean): string[] {
  const c = preview.counts;
  const verb = dryRun ? 'would' : 'will';
  const lines = [
    `${file}: ${plural(c.rows, 'row')} — ${c.create} to create, ${c.update} to update, ${c.unchanged} unchanged, ${plural(c.error, 'error')}.`,
  ];
  for (const [list, values] of Object.entries(preview.newOptions))
    lines.push(`The import ${verb} add to ${list}: ${values.join(', ')}.`);
  // A dry run says what each row would do; an import that goes ahead only lists what it refuses.
  if (dryRun) lines.push(...changeLines(preview));
  const errors = preview.rows.filter((r) => r.action === 'error');
  for (const row of errors.slice(0, PROBLEM_LINES)) {
    for (const p of row.problems)
      lines.push(`  row ${p.rowNumber}, ${p.column}: ${p.reason}${p.value ? ` (${JSON.stringify(p.value)})` : ''}`);
  }
  if (errors.length > PROBLEM_LINES)
    lines.push(`  … and ${errors.length - PROBLEM_LINES} more rows with errors (--json lists them).`);
  return lines;
}

/** Applies, with a progress bar on a terminal: the import's progress is read while the apply runs. */
async function applyWithProgress(
  client: ApiClient,
  created: SheetImportDto,
  options: { showBar: boolean; force: boolean },
): Promise<SheetImportDto> {
  const applying = json(client, 'applyImport', { params: { id: created.id }, query: options.force ? { force: 'true' } : {} });
  const showBar = options.showBar;
  if (!showBar) return applying;
  const bar = new SingleBar({ format: 'Importing [{bar}] {value}/{total} rows', hideCursor: true, clearOnComplete: true });
  bar.start(created.totalRows, created.appliedRows);
  let finished = false;
  const polling = (async () => {
    while (!finished) {
      await new Promise((r) => setTimeout(r, 500));
      if (finished) break;
      const res = await client.send(requestOf('getImport', { params: { id: created.id } }));
      if (res.status < 400) bar.update((res.body as SheetImportDto).appliedRows);
    }
  })();
  try {
    return await applying;
  } finally {
    finished = true;
    await polling.catch(() => undefined);
    bar.stop();
  }
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import partners from a CSV or XLSX sheet: columns matched, a preview, then apply (re-runnable)')
    .argument('<file>', 'the sheet (.csv, .tsv or .xlsx)')
    .option('--dry-run', 'preview only: what would be created, updated, unchanged or refused, row by row')
    .option('--mapping <file>', 'a column mapping saved by --save-mapping (JSON) to use instead of the matched one')
    .option('--save-mapping <file>', 'write the mapping used to this file, to edit and reuse with --mapping')
    .option('--sheet <name>', 'the worksheet of a workbook (default: the first)')
    .option('--entity <entity>', 'partner or rep (default: told by the headers — a rep sheet names Rep Name, Engagement Tier…)')
    .option('--force', 'apply even when most rows would be refused (without it such a sheet is not applied)')
    .option('--json', 'print the import and its preview as JSON')
    .action(async (file: string, options: ImportOptions, command: Command) => {
      checkInput(file);
      const mapping = options.mapping ? readMapping(options.mapping) : undefined;
      const entity = entityOf(options, mapping);
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const result = await withClient(command, async (client) => {
        const query = { fileName: basename(file), entity, sheet: options.sheet || undefined };
        const res = await client.send({
          ...requestOf('createImport', { query }),
          upload: { stream: createReadStream(file), contentType: type },
        });
        if (res.status >= 400) throw problemError(res.status, res.body, { sheet: '--sheet', file: '<file>', entity: '--entity' });
        let created = res.body as SheetImportDto;
        if (mapping !== undefined) {
          // The file's mapping is checked by the server, which names what is wrong with it.
          const body = { version: created.version, mapping } as RouteBody<'updateImport'>;
          created = await json(client, 'updateImport', { params: { id: created.id }, body });
        }
        if (options.saveMapping) {
          writeFileSync(options.saveMapping, `${JSON.stringify(created.mapping, null, 2)}\n`);
        }
        const preview = await json(client, 'previewImport', { params: { id: created.id } });
        if (options.dryRun) return { import: created, preview, applied: null };
        const showBar = process.stderr.isTTY === true && !globalsOf(command).json;
        const applied = await applyWithProgress(client, created, { showBar, force: options.force === true });
        return { import: created, preview, applied };
      });
      output(command, result, () => {
        const lines = previewLines(file, result.preview, options.dryRun === true);
        if (result.applied) {
          const s = result.applied.summary;
          lines.push(
            `Imported: ${s.create ?? 0} created, ${s.update ?? 0} updated, ${s.unchanged ?? 0} unchanged, ${plural(s.error ?? 0, 'row')} refused.`,
          );
        } else lines.push('Dry run: nothing was written. Run without --dry-run to import.');
        return lines;
      });
      if (result.preview.counts.error > 0 && !options.dryRun) process.exitCode = EXIT.FAILED;
    });
}
