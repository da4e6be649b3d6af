import { PARTNER_RECORD_LABELS, plural } from '@ptrack/catalog';
import type { Command } from 'commander';
import { call } from '../client';
import { output, withClient } from '../context';
import { wholeNumber } from '../options';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('fill an empty workspace with a realistic demo partner program')
    .option('--seed <n>', 'the same seed gives the same workspace', wholeNumber, 42)
    .option('--json', 'print the API response as JSON')
    .action(async (options: { seed: number }, command: Command) => {
      const summary = await withClient(command, (client) =>
        call(client, 'loadDemo', { body: { seed: options.seed } }, { seed: '--seed' }),
      );
      output(command, summary, () => [
        `Demo workspace created: ${plural(summary.partners, 'partner')}, ${plural(summary.reps, 'rep')}, ${plural(summary.touches, 'touch', 'touches')}, ` +
          `${plural(summary.actions, 'action')}, ${plural(summary.referrals, 'referral')}, ${plural(summary.plans, PARTNER_RECORD_LABELS.plan)}, ${plural(summary.accounts, 'account')}.`,
        'Try: ptrack today',
      ]);
    });
}
