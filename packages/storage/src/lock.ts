import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@ptrack/domain';
import { tryLock } from 'fs-native-extensions';

/**
 * One process owns a PGlite data directory (docs/RULES.md: two PGlite processes on one directory silently
 * lose writes). The owner holds `ptrack.lock`, created exclusively and holding its pid, the kernel's
 * start time of that pid (so a recycled pid is not mistaken for the owner) and, once serving, its URL.
 * A lock whose process is gone is stale and is recovered under a short-lived recovery lock, so two
 * processes that both find it stale cannot both take it.
 *
 * The file alone can be defeated by deleting it, so the owner also holds a lock of the operating system
 * (an open-file-description lock on Linux, flock on macOS, LockFileEx on Windows) on a file of the
 * database itself — PostgreSQL's `PG_VERSION`, which nobody deletes without destroying the database —
 * for as long as it lives: the kernel drops it when the process ends, however it ends. The lock file
 * stays as the readable account of who the owner is.
 */
export type LockInfo = {
  pid: number;
  procStart: string | null;
  host: string;
  startedAt: string;
  command: string;
  url?: string;
};

export type DirectoryLock = {
  readonly path: string;
  readonly info: LockInfo;
  /**
   * Takes the operating system's lock on `file` (see above) if it is not held yet; a no-op while the
   * file does not exist (a fresh directory, before initdb). Throws DATA_DIR_LOCKED if another process holds it.
   */
  anchor(file: string): void;
  update(patch: Partial<Pick<LockInfo, 'url'>>): void;
  release(): void;
};

const LOCK_FILE = 'ptrack.lock';
const RECOVERY_STALE_MS = 10_000;
const HALF_WRITTEN_GRACE_MS = 2_000;

export function lockPathOf(dataDir: string): string {
  return join(dataDir, LOCK_FILE);
}

/** The kernel's start time of a pid (Linux), or null where /proc is not available. */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime) counts from after the parenthesised command name, which may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(info: LockInfo): boolean {
  if (info.host !== hostname()) return true; // another machine on a shared disk: we cannot tell, so never steal
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPERM') return true;
    return false;
  }
  if (info.procStart === null) return true;
  const now = processStartTime(info.pid);
  return now === null || now === info.procStart;
}

/** Reads the lock file of a data directory: the owner's details, or null when nobody holds it. */
export function readLock(dataDir: string): LockInfo | null {
  const info = parseLock(lockPathOf(dataDir));
  if (info === 'missing' || info === 'unreadable') return null;
  return isAlive(info) ? info : null;
}

function parseLock(path: string): LockInfo | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as LockInfo;
    return typeof parsed.pid === 'number' ? parsed : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function tryCreate(path: string, content: string): boolean {
  try {
    writeFileSync(path, content, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Removes a stale lock, but only if it is still the same stale lock once we hold the recovery lock. */
function recoverStale(path: string, staleText: string): void {
  const recovery = `${path}.recovery`;
  if (!tryCreate(recovery, String(process.pid))) {
    if (ageMs(recovery) > RECOVERY_STALE_MS) unlinkSync(recovery);
    return;
  }
  try {
    let current: string | null = null;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = null;
    }
    if (current === staleText) unlinkSync(path);
  } finally {
    unlinkSync(recovery);
  }
}

function describeOwner(dataDir: string, info: LockInfo): string {
  const serving = info.url ? `, serving ${info.url}` : '';
  return (
    `The data directory ${dataDir} is in use by process ${info.pid} (${info.command}, started ${info.startedAt}${serving}). ` +
    'Only one process may open it: stop that process, or use a different PTRACK_DATA_DIR.'
  );
}

// One byte far past the end of the file: on Windows, whose locks are mandatory, PostgreSQL can still read it.
const ANCHOR_OFFSET = 2 ** 30;

/** An open descriptor of `file` holding the OS lock, null when the file does not exist yet. */
function lockAnchor(dataDir: string, file: string): number | null {
  let fd: number;
  try {
    fd = openSync(file, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let locked = false;
  try {
    locked = tryLock(fd, ANCHOR_OFFSET, 1);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (locked) return fd;
  closeSync(fd);
  throw new AppError(
    'DATA_DIR_LOCKED',
    `The data directory ${dataDir} is in use by another process (the operating system holds its lock, though ${LOCK_FILE} was removed). ` +
      'Only one process may open it: stop that process, or use a different PTRACK_DATA_DIR.',
    {},
  );
}

/**
 * Takes the data directory: the lock file, then the OS lock on `anchorFile` (when it exists yet; the
 * caller anchors again once the database has created it).
 */
export function acquireLock(
  dataDir: string,
  command = process.argv.slice(1).join(' ') || 'node',
  anchorFile?: string,
): DirectoryLock {
  const lock = acquireLockFile(dataDir, command);
  if (anchorFile) {
    try {
      lock.anchor(anchorFile);
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  return lock;
}

function acquireLockFile(dataDir: string, command: string): DirectoryLock {
  const path = lockPathOf(dataDir);
  const info: LockInfo = {
    pid: process.pid,
    procStart: processStartTime(process.pid),
    host: hostname(),
    startedAt: new Date().toISOString(),
    command,
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    const text = JSON.stringify(info);
    if (tryCreate(path, text)) return holdLock(dataDir, path, info);
    let existingText = '';
    try {
      existingText = readFileSync(path, 'utf8');
    } catch {
      continue; // removed between our attempt and the read: try again
    }
    const existing = parseLock(path);
    if (existing === 'missing') continue;
    if (existing === 'unreadable') {
      // A lock being written right now looks empty for a moment; an old unreadable one is debris.
      if (ageMs(path) < HALF_WRITTEN_GRACE_MS) {
        sleepSync(50);
        continue;
      }
      recoverStale(path, existingText);
      continue;
    }
    if (existing.pid === process.pid && existing.procStart === info.procStart) {
      throw new AppError('DATA_DIR_LOCKED', `${describeOwner(dataDir, existing)} (it is this process)`, {
        pid: existing.pid,
      });
    }
    if (isAlive(existing)) {
      throw new AppError('DATA_DIR_LOCKED', describeOwner(dataDir, existing), {
        pid: existing.pid,
        url: existing.url,
      });
    }
    recoverStale(path, existingText);
  }
  throw new AppError('DATA_DIR_LOCKED', `Could not take the lock on ${dataDir}: it keeps changing hands.`);
}

function holdLock(dataDir: string, path: string, initial: LockInfo): DirectoryLock {
  let info = initial;
  let released = false;
  let anchorFd: number | null = null;
  return {
    path,
    get info() {
      return info;
    },
    anchor(file) {
      if (released || anchorFd !== null) return;
      anchorFd = lockAnchor(dataDir, file);
    },
    update(patch) {
      if (released) return;
      info = { ...info, ...patch };
      // Write beside and rename over, so the lock file exists at every instant.
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(info), { mode: 0o600 });
      renameSync(tmp, path);
    },
    release() {
      if (released) return;
      released = true;
      // Closing the descriptor gives the OS lock back.
      if (anchorFd !== null) closeSync(anchorFd);
      anchorFd = null;
      const current = parseLock(path);
      if (typeof current === 'object' && current.pid === info.pid && current.startedAt === info.startedAt) {
        unlinkSync(path);
      }
    },
  };
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
