import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { type Database, scratchDirOf, sheetImportChunks, type Tx } from '@ptrack/storage';
import { and, eq } from 'drizzle-orm';

// An uploaded sheet kept in the database (so any server of a team deployment can preview and apply
// it) in pieces: see sheet_import_chunks for why not one value. On its way in and out it is a file
// on disk, read a piece at a time: a 100 MB sheet never sits in memory whole.

const CHUNK_BYTES = 512 * 1024;

/** The sheet's bytes: in memory (small files, tests) or a file on disk (an upload as it arrived). */
export type UploadContent = Uint8Array | { path: string };

/**
 * A working file's name that keeps the sheet's extension (.csv, .xlsx…), which tells the reader the
 * format; anything else of the user's file name stays out of the path.
 */
export function workingFilePath(database: Database, fileName: string): string {
  const ext = extname(fileName).toLowerCase();
  const safeExt = /^\.[a-z0-9]{1,8}$/.test(ext) ? ext : '';
  return join(scratchDirOf(database), `upload-${randomBytes(8).toString('hex')}${safeExt}`);
}

/** Stores the file of an import as pieces in order. */
export async function storeUpload(tx: Tx, importId: string, content: UploadContent): Promise<void> {
  if (content instanceof Uint8Array) {
    for (let seq = 0; seq * CHUNK_BYTES < content.length; seq++) {
      const data = content.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES);
      await tx.insert(sheetImportChunks).values({ importId, seq, data });
    }
    return;
  }
  const file = await open(content.path, 'r');
  try {
    for (let seq = 0; ; seq++) {
      const data = Buffer.alloc(CHUNK_BYTES);
      const { bytesRead } = await file.read(data, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      await tx.insert(sheetImportChunks).values({ importId, seq, data: data.subarray(0, bytesRead) });
    }
  } finally {
    await file.close();
  }
}

/**
 * Copies the file of an import to an owner-only working file (a piece per query), for the reader to
 * stream from; the caller removes it with `removeWorkingFile`. An import whose file was let go gives an
 * empty file.
 */
export async function readUploadToFile(
  tx: Tx,
  database: Database,
  importId: string,
  fileName: string,
): Promise<{ path: string }> {
  const path = workingFilePath(database, fileName);
  const file = await open(path, 'wx', 0o600);
  try {
    for (let seq = 0; ; seq++) {
      const [piece] = await tx
        .select({ data: sheetImportChunks.data })
        .from(sheetImportChunks)
        .where(and(eq(sheetImportChunks.importId, importId), eq(sheetImportChunks.seq, seq)));
      if (!piece) return { path };
      await file.write(piece.data);
    }
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  } finally {
    await file.close();
  }
}

export async function removeWorkingFile(content: UploadContent | null | undefined): Promise<void> {
  if (content && !(content instanceof Uint8Array)) await rm(content.path, { force: true });
}
