import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashToken, type JobDefinition, type JobRunner, LOCAL_CLI_TOKEN_PREFIX, startJobRunner } from '@ptrack/services';
import { type Database, type OpenDatabaseOptions, openDatabase } from '@ptrack/storage';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from './app';
import { isLoopbackHost } from './config';

export { type BuildAppOptions, buildApp } from './app';
export { ConfigError, isLoopbackHost, loadConfig, type ServerConfig } from './config';
export { type Problem, toProblem } from './errors';

export type StartServerOptions = {
  /** An open database, or how to open one (the server then owns it and closes it). */
  database: Database | OpenDatabaseOptions;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /**
   * Run the background jobs' worker and scheduler in this process (`npm start`, `ptrack serve`). Off by
   * default so tests and short-lived servers start no timers; an object tunes the worker (tests pass
   * their own job definitions).
   */
  jobs?: boolean | { pollingIntervalSeconds?: number; definitions?: readonly JobDefinition[] };
  /** PUBLIC_URL (links in emails, Secure cookies behind https). */
  publicUrl?: string;
};

/** Where the server leaves the local CLI's admin token, beside the data it owns. */
export function localCliTokenPath(dataDir: string): string {
  return join(dataDir, 'local-cli.token');
}

/**
 * The CLI on this machine needs no sign-in while a server owns the data directory: the server writes a
 * fresh random token that only this OS user can read (0600), and the CLI sends it as a bearer token.
 */
function writeLocalCliToken(dataDir: string): { hash: string; remove(): void } {
  const path = localCliTokenPath(dataDir);
  const token = `${LOCAL_CLI_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  rmSync(path, { force: true });
  writeFileSync(path, token, { mode: 0o600, flag: 'wx' });
  return {
    hash: hashToken(token),
    remove() {
      try {
        if (readFileSync(path, 'utf8') === token) rmSync(path, { force: true });
      } catch {
        // already gone
      }
    },
  };
}

export type RunningServer = {
  url: string;
  app: FastifyInstance;
  database: Database;
  /** Stops serving, then closes the database if the server opened it (releasing the data directory lock). */
  close(): Promise<void>;
};

function isOpenDatabase(value: Database | OpenDatabaseOptions): value is Database {
  return 'db' in value;
}

/** Starts the HTTP server on this machine; used by main.ts, the CLI's `serve` and tests. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new Error(
      `HOST=${host} is not a loopback address: binding beyond this machine needs authentication, which does not exist yet`,
    );
  }
  const owned = !isOpenDatabase(options.database);
  const database = isOpenDatabase(options.database) ? options.database : await openDatabase(options.database);
  let app: FastifyInstance | null = null;
  let runner: JobRunner | null = null;
  // Only an embedded database in a data directory has a directory (and a lock) that says "this machine".
  const cliToken = database.lock ? writeLocalCliToken(database.location) : null;
  try {
    if (options.jobs) {
      runner = await startJobRunner({
        database,
        ...(options.now ? { now: options.now } : {}),
        ...(typeof options.jobs === 'object'
          ? { pollingIntervalSeconds: options.jobs.pollingIntervalSeconds, jobs: options.jobs.definitions }
          : {}),
        // The worker starts before the app (so its routes can queue runs): report through the app's log once there.
        onError: (error, where) => app?.log.error({ err: error, where }, 'background jobs'),
      });
    }
    app = await buildApp({
      database,
      now: options.now,
      logger: options.logger,
      jobs: { runner },
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      ...(cliToken ? { localCliTokenHash: cliToken.hash } : {}),
    });
    await app.listen({ host, port: options.port ?? 3000 });
  } catch (error) {
    await app?.close();
    await runner?.stop();
    cliToken?.remove();
    if (owned) await database.close();
    throw error;
  }
  const listening = app;
  const address = listening.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 3000);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // Other processes that find the data directory locked can tell the user where the server is.
  database.lock?.update({ url });
  let closed: Promise<void> | null = null;
  return {
    url,
    app: listening,
    database,
    close() {
      closed ??= (async () => {
        try {
          // The worker first: a job in flight finishes (or sees its abort signal) while the database is open.
          await runner?.stop().catch((error: unknown) => listening.log.error({ err: error }, 'stopping background jobs'));
          await listening.close();
        } finally {
          cliToken?.remove();
          if (owned) await database.close();
        }
      })();
      return closed;
    },
  };
}
