#!/usr/bin/env node
// Usage: node scripts/with-postgres.mjs <command> [args...]
// Runs the command with DATABASE_URL pointing at a throwaway PostgreSQL server on loopback (see
// postgres-server.mjs), passes its exit code through and always stops the server afterwards.
// With DATABASE_URL already set, it just runs the command against that database.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PostgresUnavailableError, startPostgres } from './postgres-server.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-postgres.mjs <command> [args...]');
  process.exit(2);
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Like `npm run`: local binaries (vitest, tsx…) resolve without npx.
const binPath = [path.join(repoRoot, 'node_modules', '.bin'), process.env.PATH].filter(Boolean).join(path.delimiter);

let child;
let caughtSignal;
const onSignal = (signal) => {
  caughtSignal ??= signal;
  if (!child) return; // still starting the server: main() sees caughtSignal and cleans up
  child.kill(signal);
  setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);

const signalExitCode = (signal) => 128 + (constants.signals[signal] ?? 0);

function run(env) {
  return new Promise((resolve) => {
    child = spawn(command, args, { env, stdio: 'inherit', shell: false });
    child.once('error', (error) => {
      console.error(`with-postgres: cannot run ${command}: ${error.message}`);
      resolve(error.code === 'ENOENT' ? 127 : 126);
    });
    child.once('exit', (code, signal) => resolve(code ?? signalExitCode(signal)));
  });
}

async function main() {
  if (process.env.DATABASE_URL) return run({ ...process.env, PATH: binPath });

  let server;
  try {
    const started = Date.now();
    server = await startPostgres();
    console.error(`with-postgres: PostgreSQL ready at ${server.url} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  } catch (error) {
    if (error instanceof PostgresUnavailableError) {
      console.error(`with-postgres: ${error.message}`);
      return 2;
    }
    console.error(`with-postgres: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
  try {
    if (caughtSignal) return signalExitCode(caughtSignal);
    return await run({ ...process.env, PATH: binPath, DATABASE_URL: server.url });
  } finally {
    await server.stop();
  }
}

process.exit(await main());
