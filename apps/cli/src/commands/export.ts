import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { requestOf } from '../client';
import { output, withClient } from '../context';
import { CliError, EXIT, problemError } from '../errors';
import { writeFileAtomically } from '../write-file';

type ExportOptions = { format: string; out: string; view?: string; entity?: string };

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write partners to CSV or XLSX in the tracker sheet’s column order (re-importable unchanged)')
    .requiredOption('--out <file>', 'where to write the sheet (replaced only once it is complete)')
    .option('--format <format>', 'csv or xlsx (default: from the --out extension, else csv)')
    .option('--view <view>', 'a built-in view id (e.g. needs-attention) or a saved view name or id')
    .option('--entity <entity>', 'partner (default) or rep: the rep sheet of seed 001')
    .option('--json', 'print { file, bytes } as JSON')
    .action(async (options: ExportOptions, command: Command) => {
      const format = (options.format ?? (options.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv')).toLowerCase();
      if (format !== 'csv' && format !== 'xlsx')
        throw new CliError(`--format: must be csv or xlsx, not "${options.format}"`, EXIT.USAGE);
      const entity = options.entity ?? 'partner';
      if (entity !== 'partner' && entity !== 'rep')
        throw new CliError(`--entity: must be partner or rep, not "${entity}"`, EXIT.USAGE);
      const query = { entity, format, view: options.view || undefined } as const;
      const target = await withClient(command, async (client) => {
        const res = await client.send({ ...requestOf('exportPartners', { query }), streamResponse: true });
        if (res.status >= 400 || !res.stream) throw problemError(res.status, res.body, { view: '--view', format: '--format' });
        return writeFileAtomically(res.stream, options.out, 'export');
      });
      const bytes = statSync(target).size;
      output(
        command,
        { file: target, bytes },
        () => `Exported to ${options.out} (${format.toUpperCase()}, ${bytes.toLocaleString('en-US')} bytes).`,
      );
    });
}
