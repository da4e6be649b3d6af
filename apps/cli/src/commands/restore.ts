import { createReadStream, statSync } from 'node:fs';
import { plural } from '@ptrack/catalog';
import type { RouteResponse } from '@ptrack/contracts';
import type { Command } from 'commander';
import { requestOf } from '../client';
import { output, withClient } from '../context';
import { CliError, EXIT, problemError } from '../errors';

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('restore a backup made by `ptrack backup` into an empty workspace (all of it or nothing)')
    .argument('<file>', 'the backup file')
    .option('--json', 'print the API response as JSON')
    .action(async (file: string, _options: unknown, command: Command) => {
      try {
        if (!statSync(file).isFile()) throw new CliError(`${file} is not a file`, EXIT.FAILED);
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw new CliError(`cannot read ${file}: ${(error as Error).message}`, EXIT.FAILED);
      }
      const summary = await withClient(command, async (client) => {
        const res = await client.send({
          ...requestOf('restoreBackup', {}),
          upload: { stream: createReadStream(file), contentType: 'application/x-ndjson' },
        });
        if (res.status >= 400) throw problemError(res.status, res.body);
        return res.body as RouteResponse<'restoreBackup'>;
      });
      output(command, summary, () => {
        const rows = Object.entries(summary.tables)
          .filter(([, n]) => n > 0)
          .map(([table, n]) => `${n} ${table}`);
        const total = Object.values(summary.tables).reduce((a, b) => a + b, 0);
        return `Restored ${file} (backup of ${summary.createdAt}): ${plural(total, 'record')}${rows.length > 0 ? ` — ${rows.join(', ')}` : ''}.`;
      });
    });
}
