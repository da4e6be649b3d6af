import type { CompleteActionRequest } from '@ptrack/contracts';
import { TOUCH_KINDS } from '@ptrack/domain';
import { type Command, Option } from 'commander';
import { call } from '../client';
import { output, withClient } from '../context';
import { CliError, EXIT } from '../errors';
import { isoDate } from '../options';
import { describeAction, nextLine } from '../render/actions';
import { resolveAction } from '../resolve';

type DoneOptions = {
  rep?: string;
  next?: string;
  nextType?: string;
  followUp: boolean;
  kind?: NonNullable<CompleteActionRequest['touch']>['kind'];
  note?: string;
};

export const ACTION_ARGUMENT_HELP =
  "the action: its id, the short id `ptrack today` shows, or a partner's name (with --rep, that rep's) meaning its earliest open action";

export function registerDone(program: Command): void {
  program
    .command('done')
    .description('complete an action; the next one is scheduled at the rep cadence unless you choose')
    .argument('<action>', ACTION_ARGUMENT_HELP)
    .option('--rep <name>', "with a partner's name: the rep whose earliest open action to complete")
    .option('--next <date>', 'schedule the next action on this day (YYYY-MM-DD) instead of by cadence', isoDate)
    .option('--next-type <type>', 'the type of the next action')
    .option('--no-follow-up', 'schedule no next action')
    .addOption(new Option('--kind <kind>', 'also log what happened, as a touch of this kind (now)').choices(TOUCH_KINDS))
    .option('--note <text>', 'with --kind: what was said or agreed')
    .option('--json', 'print the API response as JSON')
    .action(async (reference: string, options: DoneOptions, command: Command) => {
      if (!options.followUp && (options.next || options.nextType)) {
        throw new CliError('--no-follow-up cannot be combined with --next or --next-type', EXIT.USAGE);
      }
      if (options.note !== undefined && !options.kind) throw new CliError('--note needs --kind (what the touch was)', EXIT.USAGE);
      const result = await withClient(command, async (client) => {
        const action = await resolveAction(client, reference, options.rep);
        const next = {
          ...(options.next ? { dueDate: options.next } : {}),
          ...(options.nextType ? { type: options.nextType } : {}),
          ...(options.followUp ? {} : { skip: true }),
        };
        const body: CompleteActionRequest = {
          version: action.version,
          ...(Object.keys(next).length > 0 ? { next } : {}),
          ...(options.kind
            ? { touch: { kind: options.kind, direction: 'outbound', ...(options.note ? { summary: options.note } : {}) } }
            : {}),
        };
        return call(
          client,
          'completeAction',
          { params: { id: action.id }, body },
          {
            'next.dueDate': '--next',
            'next.type': '--next-type',
            'touch.summary': '--note',
          },
        );
      });
      const logged = result.touch && options.kind ? ` Logged ${options.kind}.` : '';
      output(command, result, () => `Done: ${describeAction(result.action)}.${logged} ${nextLine(result.next)}`);
    });
}
