import { createWriteStream, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { output, withClient } from '../context';
import { CliError, EXIT, problemError } from '../errors';

type ExportOptions = { format: string; out: string; view?: string };

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write partners to CSV or XLSX in the tracker sheet’s column order (re-importable unchanged)')
    .requiredOption('--out <file>', 'where to write the sheet (replaced only once it is complete)')
    .option('--format <format>', 'csv or xlsx (default: from the --out extension, else csv)')
    .option('--view <view>', 'a built-in view id (e.g. needs-attention) or a saved view id')
    .option('--json', 'print { file, bytes } as JSON')
    .action(async (options: ExportOptions, command: Command) => {
      const format = (options.format ?? (options.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv')).toLowerCase();
      if (format !== 'csv' && format !== 'xlsx')
        throw new CliError(`--format: must be csv or xlsx, not "${options.format}"`, EXIT.USAGE);
      const target = resolve(options.out);
      const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
      const query = new URLSearchParams({ format, ...(options.view ? { view: options.view } : {}) });
      await withClient(command, async (client) => {
        const res = await client.send({ method: 'GET', path: `/api/exports?${query}`, streamResponse: true });
        if (res.status >= 400 || !res.stream) throw problemError(res.status, res.body, { view: '--view', format: '--format' });
        try {
          await pipeline(res.stream, createWriteStream(temp, { flags: 'wx' }));
          renameSync(temp, target);
        } catch (error) {
          try {
            unlinkSync(temp);
          } catch {}
          throw new CliError(`the export failed and ${options.out} was not written: ${(error as Error).message}`, EXIT.FAILED);
        }
      });
      const bytes = statSync(target).size;
      output(
        command,
        { file: target, bytes },
        () => `Exported to ${options.out} (${format.toUpperCase()}, ${bytes.toLocaleString('en-US')} bytes).`,
      );
    });
}
