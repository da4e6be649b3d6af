// Runs the real server as a child process, as `npm start` would (node + tsx, main.ts, env config).
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const START_TIMEOUT_MS = 180_000;
// Longer than the job worker's graceful stop (30 s): past it, the server is stuck, not finishing a job.
const STOP_TIMEOUT_MS = 45_000;

/** How long each stopped bench server took from SIGTERM to exit, in ms (reported beside the starts). */
export const stoppedMs: number[] = [];

export type ServerStorage = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export type BenchServer = {
  url: string;
  pid: number;
  /** Spawn → first 200 from GET /api/health, in milliseconds. */
  startMs: number;
  stop(): Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export async function startBenchServer(storage: ServerStorage): Promise<BenchServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.PTRACK_DATA_DIR;
  if (storage.kind === 'pglite') env.PTRACK_DATA_DIR = storage.dataDir;
  else env.DATABASE_URL = storage.url;

  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((done) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : 0);
      done();
    });
  });

  const url = `http://127.0.0.1:${port}`;
  // As an operator stops it: SIGTERM, then wait for the server's own shutdown (its job worker lets a
  // running job finish, up to 30 s). A SIGKILL would leave the data directory to recover from an
  // unclean stop at the next start, which is then not the start being measured.
  const stop = async () => {
    if (exitCode !== undefined) return;
    const stopping = performance.now();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    const ms = performance.now() - stopping;
    if (exitCode !== 0)
      throw new Error(`the server did not stop cleanly (exit ${exitCode}) in ${(ms / 1000).toFixed(1)} s:\n${output}`);
    stoppedMs.push(ms);
  };
  while (true) {
    if (exitCode !== undefined) throw new Error(`the server exited (${exitCode}) before serving:\n${output}`);
    if (performance.now() - started > START_TIMEOUT_MS) {
      await stop();
      throw new Error(`the server did not serve within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  await signInBench(url);
  // A spawned child that emitted no error has a pid; it is only undefined when spawning failed.
  const pid = child.pid;
  if (pid === undefined) throw new Error(`the server process did not start:\n${output}`);
  return { url, pid, startMs: performance.now() - started, stop };
}

const BENCH_ADMIN = { name: 'Bench Admin', email: 'bench@example.com', password: 'bench password 123' };

/**
 * Every API route needs a signed-in user: the bench sets up (or signs in as) its own admin and sends
 * that session, as the web app does, with every request to this server.
 */
async function signInBench(url: string): Promise<void> {
  const json = { 'content-type': 'application/json' };
  const state = (await (await fetch(`${url}/api/session`)).json()) as { needsSetup: boolean };
  const res = state.needsSetup
    ? await fetch(`${url}/api/setup`, { method: 'POST', headers: json, body: JSON.stringify(BENCH_ADMIN) })
    : await fetch(`${url}/api/session`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
      });
  if (!res.ok) throw new Error(`signing the bench in: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const plain = globalThis.fetch;
  globalThis.fetch = (input, init) =>
    String(input).startsWith(url)
      ? plain(input, { ...init, headers: { cookie, 'x-ptrack-csrf': '1', ...(init?.headers as Record<string, string>) } })
      : plain(input, init);
}
