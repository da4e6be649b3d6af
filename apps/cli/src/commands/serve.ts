import type { Command } from 'commander';
import { globalsOf, print, printJson } from '../context';
import { CliError, EXIT } from '../errors';
import { port } from '../options';

type ServeOptions = { port?: number; host?: string };

/** `ptrack serve`: what `npm start` does — same configuration, same lock, same messages. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and REST API in the foreground (Ctrl-C stops it)')
    .option('--port <port>', 'port to serve on, 0 for any free one (default: $PORT or 3000)', port)
    .option('--host <host>', 'address to bind (default: $HOST or 127.0.0.1; beyond loopback needs $PUBLIC_URL)')
    .option('--json', 'print { url, storage } as JSON once serving')
    .action(async (options: ServeOptions, command: Command) => {
      const [{ loadConfig, listenOptionsOf, ConfigError, startServer }, { storageOptionsFromEnv }] = await Promise.all([
        import('@ptrack/server'),
        import('@ptrack/storage'),
      ]);
      const { dataDir, json } = globalsOf(command);
      const env: NodeJS.ProcessEnv = { ...process.env };
      if (options.port !== undefined) env.PORT = String(options.port);
      if (options.host !== undefined) env.HOST = options.host;
      if (dataDir !== undefined) {
        env.PTRACK_DATA_DIR = dataDir;
        delete env.DATABASE_URL;
      }
      let config: ReturnType<typeof loadConfig>;
      try {
        config = loadConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) throw new CliError(error.message, EXIT.USAGE);
        throw error;
      }
      const storage = storageOptionsFromEnv({
        ...env,
        PTRACK_DATA_DIR: config.PTRACK_DATA_DIR,
        DATABASE_URL: config.DATABASE_URL,
      });
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({
          database: storage.kind === 'pglite' ? { ...storage, lockCommand: 'ptrack serve' } : storage,
          ...listenOptionsOf(config),
          logger: { level: process.env.LOG_LEVEL ?? 'warn' },
          jobs: true,
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
          throw new CliError(`Cannot listen on ${config.HOST}:${config.PORT}: ${(error as Error).message}`, EXIT.FAILED);
        }
        throw error;
      }
      const where =
        server.database.kind === 'pglite' ? `pglite ${config.PTRACK_DATA_DIR}` : `postgres ${server.database.location}`;
      if (json) printJson({ url: server.url, storage: { kind: server.database.kind, location: server.database.location } });
      else print(`Partner Tracker serving ${server.url} (storage: ${where})`);

      await new Promise<void>((stopped, failed) => {
        const stop = (signal: NodeJS.Signals) => {
          server.app.log.info({ signal }, 'stopping');
          server
            .close()
            .then(stopped, (error: unknown) =>
              failed(new CliError(`Error while stopping: ${(error as Error).message}`, EXIT.FAILED)),
            );
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
    });
}
