import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerAdd } from './commands/add';
import { registerBackup } from './commands/backup';
import { registerDemo } from './commands/demo';
import { registerDigest } from './commands/digest';
import { registerDone } from './commands/done';
import { registerExport } from './commands/export';
import { registerHubSpot } from './commands/hubspot';
import { registerImport } from './commands/import';
import { registerJobs } from './commands/jobs';
import { registerLog } from './commands/log';
import { registerLogin } from './commands/login';
import { registerPartner } from './commands/partner';
import { registerPartners } from './commands/partners';
import { registerRestore } from './commands/restore';
import { registerServe } from './commands/serve';
import { registerSnooze } from './commands/snooze';
import { registerSync } from './commands/sync';
import { registerToday } from './commands/today';
import { registerUsers } from './commands/users';
import { CliError, EXIT, type ExitCode, oneLine } from './errors';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function program(): Command {
  const root = new Command('ptrack')
    .description(
      'Partner Tracker on the command line. Uses the server that owns the data directory when one is running, ' +
        'else opens the database itself (PTRACK_DATA_DIR, default ./data; or DATABASE_URL for PostgreSQL). ' +
        'After `ptrack login --url URL` (or with PTRACK_URL and PTRACK_TOKEN) it uses that server.',
    )
    .version(VERSION, '-V, --version')
    .option('--data-dir <dir>', 'the embedded database directory (default: $PTRACK_DATA_DIR or ./data; overrides DATABASE_URL)')
    .configureHelp({ showGlobalOptions: true })
    // Errors are reported by run() as one line; commander must neither print nor exit by itself.
    .configureOutput({ outputError: () => {} })
    .exitOverride();
  for (const register of [
    registerToday,
    registerPartners,
    registerPartner,
    registerAdd,
    registerLog,
    registerDone,
    registerSnooze,
    registerDemo,
    registerDigest,
    registerBackup,
    registerRestore,
    registerImport,
    registerExport,
    registerJobs,
    registerSync,
    registerHubSpot,
    registerServe,
    registerUsers,
    registerLogin,
  ]) {
    register(root);
  }
  return root;
}

/** The exit code for an error, after printing it as one line (a stack trace only with PTRACK_DEBUG=1). */
function report(error: unknown): ExitCode {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.OK;
    if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') return EXIT.USAGE;
    process.stderr.write(`ptrack: ${oneLine(error.message.replace(/^error: /, ''))}\n`);
    return EXIT.USAGE;
  }
  if (process.env.PTRACK_DEBUG === '1') process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  if (error instanceof CliError) {
    process.stderr.write(`ptrack: ${oneLine(error.message)}\n`);
    return error.exitCode;
  }
  // AppError from opening the storage in this process (the lock, an unreachable PostgreSQL).
  const code = (error as { code?: unknown })?.code;
  const message = oneLine((error as Error)?.message ?? String(error));
  process.stderr.write(`ptrack: ${message}\n`);
  if (code === 'DATA_DIR_LOCKED' || code === 'STORAGE_UNAVAILABLE') return EXIT.UNAVAILABLE;
  if (code === 'NOT_FOUND') return EXIT.NOT_FOUND;
  return EXIT.FAILED;
}

async function run(argv: string[]): Promise<ExitCode> {
  try {
    await program().parseAsync(argv);
    return EXIT.OK;
  } catch (error) {
    return report(error);
  }
}

// `ptrack partners | head` closes stdout early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.OK);
});

// The data directory, its files, the key file and backups this process writes are for its owner only.
process.umask(0o077);
const code = await run(process.argv);
// Exit once stdout has drained: open sockets (keep-alive) or timers must not hold the process.
process.stdout.write('', () => process.exit(code));
