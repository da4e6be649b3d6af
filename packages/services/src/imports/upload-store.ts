import { sheetImportChunks, type Tx } from '@ptrack/storage';
import { and, eq } from 'drizzle-orm';

// An uploaded sheet kept in the database (so any server of a team deployment can preview and apply
// it) in pieces: see sheet_import_chunks for why not one value.

const CHUNK_BYTES = 512 * 1024;

/** Stores the file of an import as pieces in order. */
export async function storeUpload(tx: Tx, importId: string, content: Uint8Array): Promise<void> {
  for (let seq = 0; seq * CHUNK_BYTES < content.length; seq++) {
    const data = content.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES);
    await tx.insert(sheetImportChunks).values({ importId, seq, data });
  }
}

/** The file of an import, whole again (empty once it was let go); read a piece per query, for the same reason. */
export async function readUpload(tx: Tx, importId: string): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for (let seq = 0; ; seq++) {
    const [piece] = await tx
      .select({ data: sheetImportChunks.data })
      .from(sheetImportChunks)
      .where(and(eq(sheetImportChunks.importId, importId), eq(sheetImportChunks.seq, seq)));
    if (!piece) return Buffer.concat(pieces);
    pieces.push(piece.data);
  }
}
