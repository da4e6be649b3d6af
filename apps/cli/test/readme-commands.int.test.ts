// Every `npx ptrack …` line of the README's shell blocks, run as written, in order, by bash in a fresh
// directory — the way someone who copies them from the README would. The npm commands at the top of the
// README (install, start, test) are what CI itself runs.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTOR, BIN, type Run } from './support';

const README = fileURLToPath(new URL('../../../README.md', import.meta.url));
const SHEET = fileURLToPath(new URL('../../../packages/integrations/test-fixtures/partners.xlsx', import.meta.url));

/** The README's `npx ptrack` lines, from its ```sh blocks, in order. */
export function readmeCommands(markdown: string): string[] {
  const commands: string[] = [];
  for (const block of markdown.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)) {
    for (const line of (block[1] ?? '').split('\n')) if (/^npx ptrack\b/.test(line)) commands.push(line);
  }
  return commands;
}

const cwd = mkdtempSync(join(tmpdir(), 'ptrack-readme-'));
copyFileSync(SHEET, join(cwd, 'tracker.xlsx'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

// `npx ptrack` is this checkout's binary; everything else in the line is bash as written.
const PRELUDE = `npx() { if [ "$1" = ptrack ]; then shift; "${process.execPath}" "${BIN}" "$@"; else command npx "$@"; fi; }\n`;

function env(): NodeJS.ProcessEnv {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    USER: ACTOR,
    XDG_CONFIG_HOME: join(cwd, '.config'),
    // `serve` must not collide with anything on port 3000.
    PORT: '0',
  };
  for (const name of ['DATABASE_URL', 'PTRACK_DATA_DIR', 'PTRACK_URL', 'PTRACK_TOKEN', 'FORCE_COLOR', 'NO_COLOR']) {
    delete childEnv[name];
  }
  return childEnv;
}

/** Runs one README line in bash; a long-running `serve` is stopped once it says where it serves. */
function run(line: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    // Its own process group, so stopping `serve` stops the node process bash started, not only bash.
    const child = spawn('bash', ['-c', PRELUDE + line], { cwd, env: env(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stopped = false;
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!stopped && /ptrack serve\b/.test(line) && /serving http:\/\/127\.0\.0\.1:\d+/.test(stdout) && child.pid) {
        stopped = true;
        process.kill(-child.pid, 'SIGTERM');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: stopped && signal === 'SIGTERM' ? 0 : code, stdout, stderr }));
  });
}

const commands = readmeCommands(readFileSync(README, 'utf8'));

describe('the README', () => {
  it('has the CLI examples this test runs', () => {
    expect(commands.length).toBeGreaterThanOrEqual(15);
    expect(commands).toContain('npx ptrack demo                         # fill an empty workspace with a demo partner program');
  });

  // One after another in one directory: each line starts from what the lines before it left.
  it.each(commands)('runs `%s`', async (line) => {
    const result = await run(line);
    expect(result.code, `${line}\n${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stderr, line).toBe('');
  });
});
