import type { Command } from 'commander';
import { call } from '../client';
import { output, withClient } from '../context';
import { renderRun } from './hubspot';

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('pull reps, partner companies and deals from HubSpot (changes since the last sync; --full for everything)')
    .option('--full', 'page through everything instead of the changes since the last sync')
    .option('--json', 'print the run report as JSON')
    .action(async (options: { full?: boolean }, command: Command) => {
      const run = await withClient(command, (client) =>
        call(client, 'syncHubSpot', { body: { mode: options.full ? 'full' : 'incremental' } }),
      );
      output(command, run, () => renderRun(run));
    });
}
