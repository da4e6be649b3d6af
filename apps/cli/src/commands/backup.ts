import { createWriteStream, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { output, withClient } from '../context';
import { CliError, EXIT, problemError } from '../errors';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write the whole workspace to one file (JSON lines) that `ptrack restore` reads back')
    .argument('<file>', 'where to write the backup (replaced only once it is complete)')
    .option('--json', 'print { file, bytes } as JSON')
    .action(async (file: string, _options: unknown, command: Command) => {
      const target = resolve(file);
      // Written beside the target and renamed over it, so a failed backup never leaves half a file.
      const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
      await withClient(command, async (client) => {
        const res = await client.send({ method: 'GET', path: '/api/backup', streamResponse: true });
        if (res.status >= 400 || !res.stream) throw problemError(res.status, res.body);
        try {
          await pipeline(res.stream, createWriteStream(temp, { flags: 'wx' }));
          renameSync(temp, target);
        } catch (error) {
          try {
            unlinkSync(temp);
          } catch {}
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EEXIST') {
            throw new CliError(`cannot write ${file}: ${(error as Error).message}`, EXIT.FAILED);
          }
          throw new CliError(`the backup failed and ${file} was not written: ${(error as Error).message}`, EXIT.FAILED);
        }
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
