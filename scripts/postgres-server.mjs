// A throwaway PostgreSQL server on loopback, for the integration suite (`npm run test:pg`), the benchmark
// and tests that want a real server. `startPostgres()` initdb's a fresh cluster in a temp directory,
// starts it on a free 127.0.0.1 port with durability switched off, and `stop()` removes every trace.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  accessSync,
  chownSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

const HOST = '127.0.0.1';
const USER = 'ptrack';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export const INSTALL_HINT =
  'PostgreSQL server binaries (postgres, initdb) not found: install them with `sudo apt-get install -y postgresql`, ' +
  'rerun with PTRACK_INSTALL_POSTGRES=1 to let this script do it, or set DATABASE_URL to an existing server.';

/** Thrown when no server binaries exist and installing them is not allowed or failed. */
export class PostgresUnavailableError extends Error {
  name = 'PostgresUnavailableError';
}

const isRoot = process.getuid?.() === 0;

const hasServer = (dir) => existsSync(path.join(dir, 'postgres')) && existsSync(path.join(dir, 'initdb'));

/** The directory holding `postgres` and `initdb`, or undefined. */
export function findPostgresBinDir() {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    // Debian's pg_config comes with libpq-dev and may point at a bindir without a server in it.
    if (dir && hasServer(dir)) return dir;
  } catch {
    // no pg_config on PATH
  }
  let versions = [];
  try {
    versions = readdirSync('/usr/lib/postgresql');
  } catch {
    return undefined;
  }
  versions.sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  for (const version of versions) {
    const dir = path.join('/usr/lib/postgresql', version, 'bin');
    if (hasServer(dir)) return dir;
  }
  return undefined;
}

function installPostgres() {
  const sudo = isRoot ? [] : ['sudo', '-n'];
  if (isRoot) {
    // We only need the binaries: keep the Debian package from creating and starting its own
    // "main" cluster on port 5432 (postgresql-common reads createcluster.d/*.conf).
    mkdirSync('/etc/postgresql-common/createcluster.d', { recursive: true });
    writeFileSync('/etc/postgresql-common/createcluster.d/ptrack-no-main-cluster.conf', 'create_main_cluster = false\n');
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', '--no-install-recommends', 'postgresql'],
  ]) {
    const [file, ...rest] = [...sudo, ...args];
    process.stderr.write(`postgres-server: ${[file, ...rest].join(' ')}\n`);
    // apt's output goes to stderr so it never mixes into the wrapped command's stdout.
    const result = spawnSync(file, rest, { env, stdio: ['ignore', 2, 2] });
    if (result.status !== 0) {
      throw new PostgresUnavailableError(
        `\`${args.join(' ')}\` failed (exit ${result.status ?? result.signal}). ${INSTALL_HINT}`,
      );
    }
  }
}

/**
 * Finds the server binaries; when missing and `install` is true, installs them with apt-get.
 * @param {{ install?: boolean }} [options] install defaults to CI=true or PTRACK_INSTALL_POSTGRES=1
 */
export function ensurePostgresBinDir({ install = defaultInstall() } = {}) {
  let dir = findPostgresBinDir();
  if (dir) return dir;
  if (!install) throw new PostgresUnavailableError(INSTALL_HINT);
  installPostgres();
  dir = findPostgresBinDir();
  if (!dir) throw new PostgresUnavailableError(`apt-get installed postgresql but no server binaries were found. ${INSTALL_HINT}`);
  return dir;
}

function defaultInstall() {
  return process.env.CI === 'true' || process.env.PTRACK_INSTALL_POSTGRES === '1';
}

function onPath(name) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Numeric uid/gid of the `postgres` system user (PostgreSQL refuses to run as root). */
function postgresUser() {
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) {
    throw new PostgresUnavailableError('Running as root but there is no `postgres` system user to run the server as.');
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * The argv that runs a server binary: as the postgres user when we are root, and via setpriv's
 * parent-death signal so the server dies with us even if we are SIGKILLed (no orphaned postgres).
 */
function serverCommand(file, args) {
  if (onPath('setpriv')) {
    const user = isRoot ? ['--reuid=postgres', '--regid=postgres', '--init-groups'] : [];
    return ['setpriv', [...user, '--pdeathsig=SIGQUIT', '--', file, ...args]];
  }
  if (isRoot) return ['runuser', ['-u', 'postgres', '--', file, ...args]];
  return [file, args];
}

/** Root's TMPDIR may sit under a 0700 home the postgres user cannot enter; /tmp always works. */
function tempBase() {
  const base = tmpdir();
  if (!isRoot) return base;
  for (let dir = base; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return '/tmp';
  }
  return base;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function initdb(binDir, dir, dataDir) {
  // C.UTF-8 matches PGlite's initdb; --no-locale is the fallback where C.UTF-8 does not exist (macOS).
  const attempts = [['--locale=C.UTF-8'], ['--no-locale']];
  let output = '';
  for (const locale of attempts) {
    const args = ['-D', dataDir, '-U', USER, '--auth=trust', '--encoding=UTF8', ...locale, '--no-sync'];
    const [file, argv] = serverCommand(path.join(binDir, 'initdb'), args);
    const result = spawnSync(file, argv, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status === 0) return;
    output = `${result.stdout}${result.stderr}`;
    rmSync(dataDir, { recursive: true, force: true });
  }
  throw new Error(`initdb failed:\n${output}`);
}

/**
 * Starts a fresh PostgreSQL server on 127.0.0.1 with a superuser `ptrack` (trust auth) and an empty
 * database. Always call `stop()`; an exit hook and a parent-death signal are only safety nets.
 * @param {{ database?: string, install?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, urlFor(database: string): string, stop(): Promise<void> }>}
 */
export async function startPostgres({ database = 'ptrack_test', install } = {}) {
  const binDir = ensurePostgresBinDir(install === undefined ? {} : { install });
  const dir = mkdtempSync(path.join(tempBase(), 'ptrack-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  let child;
  const removeDir = () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  const killServer = (signal) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal); // its own process group (detached), so runuser's child is hit too
    } catch {
      child.kill(signal);
    }
  };
  const onExit = () => {
    killServer('SIGQUIT');
    removeDir();
  };
  process.once('exit', onExit);

  try {
    if (isRoot) {
      const { uid, gid } = postgresUser();
      chownSync(dir, uid, gid);
    }
    initdb(binDir, dir, dataDir);

    // A free port can be taken between probing and binding: retry on a fresh one.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const [file, argv] = serverCommand(path.join(binDir, 'postgres'), [
        ...['-D', dataDir, '-k', dir, '-h', HOST, '-p', String(port)],
        ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
        ...['-c', 'max_connections=200', '-c', 'timezone=UTC'],
      ]);
      const log = openSync(logFile, 'a');
      // Detached: a Ctrl-C in the terminal reaches the wrapped command, not the server; we stop it after.
      child = spawn(file, argv, { cwd: dir, detached: true, stdio: ['ignore', log, log] });
      closeSync(log);
      child.unref(); // a caller that forgets stop() can still exit; the exit hook cleans up
      const exited = new Promise((resolve) => {
        child.once('exit', resolve);
        child.once('error', resolve); // could not spawn: treat like an immediate exit
      });

      const ready = await waitUntilReady(port, exited, database);
      if (ready === true) {
        const base = `postgres://${USER}@${HOST}:${port}`;
        let stopping;
        const stop = () => {
          stopping ??= (async () => {
            child.ref();
            killServer('SIGINT'); // fast shutdown: disconnect clients, no waiting
            const timer = setTimeout(() => killServer('SIGKILL'), STOP_TIMEOUT_MS);
            await exited;
            clearTimeout(timer);
            removeDir();
            process.off('exit', onExit);
          })();
          return stopping;
        };
        return { url: `${base}/${database}`, port, urlFor: (name) => `${base}/${name}`, stop };
      }
      killServer('SIGKILL');
      await exited;
      const logTail = tail(logFile);
      if (attempt < 5 && /could not bind|address already in use/i.test(logTail)) continue;
      throw new Error(`PostgreSQL did not start (${ready}). Server log:\n${logTail}`);
    }
  } catch (error) {
    process.off('exit', onExit);
    killServer('SIGKILL');
    removeDir();
    throw error;
  }
}

/** Polls until the server accepts a connection, then creates `database`; true or a failure reason. */
async function waitUntilReady(port, exited, database) {
  let gone = false;
  exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError;
  while (Date.now() < deadline) {
    if (gone) return 'server exited';
    const client = new pg.Client({ host: HOST, port, user: USER, database: 'postgres', connectionTimeoutMillis: 2000 });
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (error) {
      lastError = error;
      await sleep(50);
      continue;
    }
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
      return true;
    } finally {
      await client.end().catch(() => {});
    }
  }
  return `not ready after ${READY_TIMEOUT_MS / 1000}s: ${lastError?.message ?? 'no connection'}`;
}
