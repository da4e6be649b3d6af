import type { SnoozeActionRequest } from '@ptrack/contracts';
import type { Command } from 'commander';
import { call } from '../client';
import { output, withClient } from '../context';
import { CliError, EXIT } from '../errors';
import { isoDate, positiveInt } from '../options';
import { describeAction } from '../render/actions';
import { weekday } from '../render/format';
import { resolveAction } from '../resolve';
import { ACTION_ARGUMENT_HELP } from './done';

type SnoozeOptions = { rep?: string; days?: number; until?: string };

export function registerSnooze(program: Command): void {
  program
    .command('snooze')
    .description('move an open action to a later day (by default tomorrow)')
    .argument('<action>', ACTION_ARGUMENT_HELP)
    .option('--rep <name>', "with a partner's name: the rep whose earliest open action to snooze")
    .option('--days <n>', 'this many days from today', positiveInt(365))
    .option('--until <date>', 'to this day (YYYY-MM-DD)', isoDate)
    .option('--json', 'print the API response as JSON')
    .action(async (reference: string, options: SnoozeOptions, command: Command) => {
      if (options.days !== undefined && options.until !== undefined) {
        throw new CliError('give --days or --until, not both', EXIT.USAGE);
      }
      const { before, after } = await withClient(command, async (client) => {
        const action = await resolveAction(client, reference, options.rep);
        const body: SnoozeActionRequest = {
          version: action.version,
          ...(options.until ? { until: options.until } : { days: options.days ?? 1 }),
        };
        const snoozed = await call(
          client,
          'snoozeAction',
          { params: { id: action.id }, body },
          {
            until: '--until',
            days: '--days',
          },
        );
        return { before: action, after: snoozed };
      });
      output(command, after, () => `Snoozed ${describeAction(before)} → ${after.dueDate} (${weekday(after.dueDate)}).`);
    });
}
