import type { Command } from 'commander';
import { call } from '../client';
import { output, withClient } from '../context';
import { CliError, EXIT } from '../errors';
import { readStdin } from '../prompt';

type CreateAdminOptions = { name: string; email: string; passwordStdin?: boolean };

/** `ptrack users create-admin`: the first run of a headless server, without the web app. */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('accounts of the people who use Partner Tracker');
  users
    .command('create-admin')
    .description(
      'create the first admin (only while no user exists); the password comes from --password-stdin or $PTRACK_ADMIN_PASSWORD',
    )
    .requiredOption('--name <name>', "the admin's name, as the history shows it")
    .requiredOption('--email <email>', 'the email the admin signs in with')
    .option('--password-stdin', 'read the password from standard input')
    .option('--json', 'print the created user as JSON')
    .action(async (options: CreateAdminOptions, command: Command) => {
      const password = options.passwordStdin ? await readStdin() : process.env.PTRACK_ADMIN_PASSWORD;
      if (!password) {
        throw new CliError('give the password with --password-stdin or in PTRACK_ADMIN_PASSWORD', EXIT.USAGE);
      }
      const state = await withClient(command, (client) =>
        call(
          client,
          'setup',
          { body: { name: options.name, email: options.email, password } },
          {
            name: '--name',
            email: '--email',
            password: 'password',
          },
        ),
      );
      output(command, state.user, () => `Created the admin ${state.user?.name} <${state.user?.email}>. Sign in with that email.`);
    });
}
