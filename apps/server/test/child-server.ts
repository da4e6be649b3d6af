import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

// The real server as a child process (what `npm start` runs: main.ts compiled, env config), for tests
// that kill it.
const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const START = resolve(ROOT, 'scripts', 'start-server.mjs');

/**
 * `fetch` sends the server's local-CLI token (what the CLI on this machine uses), so requests act as the
 * local admin without a sign-in.
 */
export type ChildServer = {
  child: ChildProcess;
  base: string;
  exit: Promise<number | null>;
  fetch(url: string, init?: RequestInit): Promise<Response>;
};

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/**
 * Starts `npm start`'s server on a PGlite directory and a free port; resolves once /api/health answers.
 * No deadline of its own (a loaded machine may take a minute to start it): the test's timeout is the
 * safety net for a server that never answers, and one that exits fails at once.
 */
export async function startChildServer(dataDir: string, children: ChildProcess[]): Promise<ChildServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PTRACK_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [START], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${output}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) {
        const token = readFileSync(join(dataDir, 'local-cli.token'), 'utf8');
        const authorized = (url: string, init: RequestInit = {}) =>
          fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
        return { child, base, exit, fetch: authorized };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
