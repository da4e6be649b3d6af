import type { LogTouchRequest } from '@ptrack/contracts';
import { TOUCH_KINDS } from '@ptrack/domain';
import { type Command, Option } from 'commander';
import { call } from '../client';
import { output, withClient } from '../context';
import { instantOnDay } from '../dates';
import { CliError, EXIT } from '../errors';
import { dateOrInstant, isoDate } from '../options';
import { describeAction, nextLine } from '../render/actions';
import { resolvePartner, resolveRep } from '../resolve';

type LogOptions = {
  rep?: string;
  kind: LogTouchRequest['kind'];
  direction: 'outbound' | 'inbound';
  note?: string;
  at?: string;
  next?: string;
  nextType?: string;
  followUp: boolean;
};

/** API fields as the options that set them, for error lines. */
export const LOG_FIELDS: Record<string, string> = {
  kind: '--kind',
  direction: '--direction',
  occurredAt: '--at',
  summary: '--note',
  'next.dueDate': '--next',
  'next.type': '--next-type',
  'next.notes': '--next-type',
};

export function registerLog(program: Command): void {
  program
    .command('log')
    .description("log a touch with a partner or one of its reps; completes the rep's follow-up and schedules the next")
    .argument('<partner>', 'the partner: its name (or a unique part of it) or id')
    .option('--rep <name>', 'the rep you were in touch with (name or a unique part of it)')
    .addOption(new Option('--kind <kind>', 'what it was').choices(TOUCH_KINDS).makeOptionMandatory())
    .addOption(new Option('--direction <direction>', 'who reached out').choices(['outbound', 'inbound']).default('outbound'))
    .option('--note <text>', 'what was said or agreed')
    .option('--at <when>', 'when it happened: YYYY-MM-DD or an ISO date-time (default: now)', dateOrInstant)
    .option('--next <date>', 'schedule the next action on this day (YYYY-MM-DD) instead of by cadence', isoDate)
    .option('--next-type <type>', 'the type of the next action (default: Follow-up)')
    .option('--no-follow-up', 'schedule no next action')
    .option('--json', 'print the API response as JSON')
    .action(async (partnerName: string, options: LogOptions, command: Command) => {
      if (!options.followUp && (options.next || options.nextType)) {
        throw new CliError('--no-follow-up cannot be combined with --next or --next-type', EXIT.USAGE);
      }
      const result = await withClient(command, async (client) => {
        const partner = await resolvePartner(client, partnerName);
        const rep = options.rep === undefined ? null : await resolveRep(client, partner, options.rep);
        let occurredAt: string | undefined;
        if (options.at?.length === 10) {
          const settings = await call(client, 'getSettings', {});
          occurredAt = instantOnDay(options.at, settings.timeZone);
        } else {
          occurredAt = options.at;
        }
        const next = {
          ...(options.next ? { dueDate: options.next } : {}),
          ...(options.nextType ? { type: options.nextType } : {}),
          ...(options.followUp ? {} : { skip: true }),
        };
        const body: LogTouchRequest = {
          partnerId: partner.id,
          ...(rep ? { repId: rep.id } : {}),
          kind: options.kind,
          direction: options.direction,
          ...(occurredAt ? { occurredAt } : {}),
          ...(options.note !== undefined ? { summary: options.note } : {}),
          ...(Object.keys(next).length > 0 ? { next } : {}),
        };
        const logged = await call(client, 'logTouch', { body }, LOG_FIELDS);
        return { logged, partner, rep };
      });
      output(command, result.logged, () => {
        const { logged, partner, rep } = result;
        const who = rep ? `${rep.name} (${partner.name})` : partner.name;
        const next = logged.next ? ` ${nextLine(logged.next)}` : rep && options.followUp ? ' No next action scheduled.' : '';
        return [
          `Logged ${options.direction === 'inbound' ? 'inbound ' : ''}${options.kind} with ${who}.${next}`,
          ...logged.completed.map((a) => `Completed: ${describeAction(a)}`),
        ];
      });
    });
}
