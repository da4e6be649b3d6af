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
};

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
  let app: FastifyInstance;
  try {
    app = await buildApp({ database, now: options.now, logger: options.logger });
    await app.listen({ host, port: options.port ?? 3000 });
  } catch (error) {
    if (owned) await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 3000);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // Other processes that find the data directory locked can tell the user where the server is.
  database.lock?.update({ url });
  let closed: Promise<void> | null = null;
  return {
    url,
    app,
    database,
    close() {
      closed ??= (async () => {
        try {
          await app.close();
        } finally {
          if (owned) await database.close();
        }
      })();
      return closed;
    },
  };
}
