import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Working files (a backup or an export spooled before it is sent, an upload on its way in) hold
// workspace data: they live with the data, owner-only, and never outlive the process that wrote them.

let processScratch: string | null = null;

/** `<dataDir>/tmp` for an embedded database on disk; else a directory of this process under the system's tmp. */
export function scratchDirOf(database: { readonly kind: string; readonly location: string }): string {
  if (database.kind === 'pglite' && database.location !== ':memory:') {
    const dir = join(database.location, 'tmp');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  }
  processScratch ??= mkdtempSync(join(tmpdir(), 'ptrack-'));
  return processScratch;
}

/**
 * Empties `<dataDir>/tmp`: called while the directory lock is held, so nothing there belongs to a
 * running process — what is left was a killed process's.
 */
export function clearScratchDir(dataDir: string): void {
  const dir = join(dataDir, 'tmp');
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) rmSync(join(dir, entry), { recursive: true, force: true });
}
