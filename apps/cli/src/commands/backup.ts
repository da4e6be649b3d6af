import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { requestOf } from '../client';
import { output, withClient } from '../context';
import { problemError } from '../errors';
import { writeFileAtomically } from '../write-file';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write the whole workspace to one file (JSON lines) that `ptrack restore` reads back')
    .argument('<file>', 'where to write the backup (replaced only once it is complete)')
    .option('--json', 'print { file, bytes } as JSON')
    .action(async (file: string, _options: unknown, command: Command) => {
      const target = await withClient(command, async (client) => {
        const res = await client.send({ ...requestOf('downloadBackup', {}), streamResponse: true });
        if (res.status >= 400 || !res.stream) throw problemError(res.status, res.body);
        return writeFileAtomically(res.stream, file, 'backup');
      });
      const bytes = statSync(target).size;
      output(command, { file: target, bytes }, () => `Backed up the workspace to ${file} (${formatBytes(bytes)}).`);
    });
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
