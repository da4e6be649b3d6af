import { AppError } from '@ptrack/domain';
import { storageOptionsFromEnv } from '@ptrack/storage';
import { ConfigError, listenOptionsOf, loadConfig } from './config';
import { startServer } from './server';

// `npm start`: read the environment, open the storage (taking the PGlite directory lock), serve.
async function main(): Promise<void> {
  // Everything this process creates — the data directory, PGlite's files, the lock, the key file,
  // backups — is for its owner only.
  process.umask(0o077);
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const storage = storageOptionsFromEnv({
    ...process.env,
    PTRACK_DATA_DIR: config.PTRACK_DATA_DIR,
    DATABASE_URL: config.DATABASE_URL,
  });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      database: storage,
      ...listenOptionsOf(config),
      logger: { level: process.env.LOG_LEVEL ?? 'warn' },
      jobs: true,
      uploadLimitBytes: config.PTRACK_UPLOAD_LIMIT_MB * 1024 ** 2,
    });
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      process.stderr.write(`Cannot listen on ${config.HOST}:${config.PORT}: ${(error as Error).message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const where = server.database.kind === 'pglite' ? `pglite ${config.PTRACK_DATA_DIR}` : `postgres ${server.database.location}`;
  process.stdout.write(`Partner Tracker serving ${server.url} (storage: ${where})\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'stopping');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Error while stopping: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Partner Tracker could not start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
