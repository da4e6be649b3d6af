import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, dayOfWeek } from '@ptrack/domain';
import { expect } from 'vitest';

/** The real binary, as `npx ptrack` runs it. */
export const BIN = fileURLToPath(new URL('../bin/ptrack.js', import.meta.url));
/** The OS user the CLI runs as ($USER), so tests can find "<user> (local CLI)" in the history. */
export const ACTOR = 'cli-test-user';

// Logins (`ptrack login`) of the tests go to a config directory of their own, never the developer's.
const CONFIG_HOME = mkdtempSync(join(tmpdir(), 'ptrack-cli-config-'));

/** The local-admin token a server left in its data directory, as the headers `ptrack` would send. */
export function localCliAuth(dataDir: string): Record<string, string> {
  return { authorization: `Bearer ${readFileSync(join(dataDir, 'local-cli.token'), 'utf8')}` };
}

export type Run = { code: number | null; stdout: string; stderr: string };

/**
 * Runs `ptrack <args>` in a child process on the embedded database in `dataDir` (DATABASE_URL unset,
 * stdout a pipe, so no colour). Asynchronous, so a server started by the test process can answer it.
 */
export function ptrack(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
  options: { input?: string } = {},
): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PTRACK_DATA_DIR: dataDir,
    USER: ACTOR,
    XDG_CONFIG_HOME: CONFIG_HOME,
    ...env,
  };
  delete childEnv.DATABASE_URL;
  for (const name of ['PTRACK_URL', 'PTRACK_TOKEN', 'PTRACK_ADMIN_PASSWORD']) if (!(name in env)) delete childEnv[name];
  delete childEnv.FORCE_COLOR;
  delete childEnv.NO_COLOR;
  delete childEnv.PTRACK_DEBUG;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: childEnv,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A run that succeeded, with nothing on stderr. */
export function expectOk(run: Run): string {
  expect(run.stderr, run.stderr).toBe('');
  expect(run.code, run.stdout).toBe(0);
  return run.stdout;
}

/** A run that failed with `code` and exactly one line on stderr, `ptrack: …`. */
export function expectFailure(run: Run, code: number): string {
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(code);
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^ptrack: \S/);
  return lines[0]!;
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `ptrack-cli-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "2026-02-11 (Wednesday)": how the CLI names a day. */
export function onDay(today: string, days: number): string {
  const date = addDays(today, days);
  return `${date} (${WEEKDAYS[dayOfWeek(date)]})`;
}
