import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

export type Spooled = { stream: Readable; bytes: number };

/**
 * Runs `produce` into an owner-only file of `dir`, then hands back a stream of that file. A download
 * (a backup, an export) reads its snapshot in a transaction that, on the embedded database, holds the
 * only connection: written to disk, it ends at disk speed, and how slowly the client reads no longer
 * keeps anyone from writing. The file is unlinked once it is open for reading, so it disappears with
 * the download or with the process; what a killed process left is cleared when the data is next opened.
 * Errors of `produce` reach the caller before anything is sent, so they answer as problem+json.
 */
export async function spool(dir: string, produce: (out: Writable) => Promise<void>): Promise<Spooled> {
  const path = join(dir, `spool-${randomBytes(8).toString('hex')}`);
  const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  // A write error (a full disk) is reported by the writes and by `finished`, not as an uncaught event.
  out.on('error', () => {});
  try {
    await produce(out);
    out.end();
    await finished(out);
    const handle = await open(path, 'r');
    const { size } = await handle.stat();
    return { stream: handle.createReadStream(), bytes: size };
  } catch (error) {
    out.destroy();
    throw error;
  } finally {
    await rm(path, { force: true });
  }
}

/** Writes text to `out`, waiting while its buffer is full (and failing if it fails). */
export async function writeText(out: Writable, text: string): Promise<void> {
  if (out.destroyed || out.errored) throw out.errored ?? new Error('the output was closed');
  if (!out.write(text)) await once(out, 'drain');
}
