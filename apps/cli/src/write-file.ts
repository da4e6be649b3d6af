import { createWriteStream, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CliError, EXIT } from './errors';

/**
 * Writes a download beside `file` and renames it over `file` once complete, so a failure never leaves
 * half a file (a backup, an export). Returns the absolute path written.
 */
export async function writeFileAtomically(stream: Readable, file: string, what: string): Promise<string> {
  const target = resolve(file);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    // A backup or an export holds the workspace's data: readable by its owner only.
    await pipeline(stream, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    renameSync(temp, target);
    return target;
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {}
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EEXIST') {
      throw new CliError(`cannot write ${file}: ${(error as Error).message}`, EXIT.FAILED);
    }
    throw new CliError(`the ${what} failed and ${file} was not written: ${(error as Error).message}`, EXIT.FAILED);
  }
}
