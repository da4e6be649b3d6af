import type { CreatePartnerRequest, CreateRepRequest } from '@ptrack/contracts';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { call } from '../client';
import { output, withClient } from '../context';
import { dueOn } from '../render/actions';
import { color, shortId } from '../render/format';
import { resolvePartner } from '../resolve';

/** API fields as the options that set them, for error lines. */
const PARTNER_FIELDS: Record<string, string> = {
  name: '<name>',
  type: '--type',
  website: '--website',
  owner: '--owner',
  programStatus: '--status',
};
const REP_FIELDS: Record<string, string> = { name: '<name>', email: '--email', title: '--title', engagementTier: '--tier' };

function tier(value: string): 1 | 2 | 3 | 4 {
  if (!/^[1-4]$/.test(value)) throw new InvalidArgumentError('give a tier from 1 to 4');
  return Number(value) as 1 | 2 | 3 | 4;
}

/** The shell-safe way to name a partner in a suggested next command. */
const quoted = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

type PartnerOptions = { type?: string; website?: string; owner?: string; status?: string };
type RepOptions = { email?: string; title?: string; tier?: 1 | 2 | 3 | 4 };

export function registerAdd(program: Command): void {
  const add = program.command('add').description('add a partner, or a rep to a partner');

  add
    .command('partner')
    .description('add a partner company')
    .argument('<name>', 'its name (unique, case-insensitive)')
    .option('--type <type>', 'its type, e.g. "Tech Vendor" (from the workspace option list)')
    .option('--website <url>', 'its website, https://…')
    .option('--owner <name>', 'who on our side is responsible for it')
    .option('--status <status>', 'its program status, e.g. Testing')
    .option('--json', 'print the API response as JSON')
    .action(async (name: string, options: PartnerOptions, command: Command) => {
      const body: CreatePartnerRequest = {
        name,
        ...(options.type ? { type: options.type } : {}),
        ...(options.website ? { website: options.website } : {}),
        ...(options.owner ? { owner: options.owner } : {}),
        ...(options.status ? { programStatus: options.status } : {}),
      };
      const partner = await withClient(command, (client) => call(client, 'createPartner', { body }, PARTNER_FIELDS));
      output(command, partner, () => [
        `Added partner ${color.bold(partner.name)} ${color.dim(`[${shortId(partner.id)}]`)}.`,
        `Next: add its reps, e.g. ptrack add rep ${quoted(partner.name)} 'Rep Name' --tier 2`,
      ]);
    });

  add
    .command('rep')
    .description('add a rep to a partner; a rep with a tier gets its first follow-up at the tier cadence')
    .argument('<partner>', 'the partner: its name (or a unique part of it) or id')
    .argument('<name>', "the rep's name")
    .option('--email <email>', "the rep's email")
    .option('--title <title>', "the rep's job title")
    .addOption(new Option('--tier <tier>', 'engagement tier: 1 active deals, 2 engaged, 3 warming, 4 stale').argParser(tier))
    .option('--json', 'print the API response as JSON')
    .action(async (partnerName: string, name: string, options: RepOptions, command: Command) => {
      const { rep, partner } = await withClient(command, async (client) => {
        const partner = await resolvePartner(client, partnerName);
        const body: CreateRepRequest = {
          partnerId: partner.id,
          name,
          ...(options.email ? { email: options.email } : {}),
          ...(options.title ? { title: options.title } : {}),
          ...(options.tier ? { engagementTier: options.tier } : {}),
        };
        return { partner, rep: await call(client, 'createRep', { body }, REP_FIELDS) };
      });
      output(command, rep, () => [
        `Added rep ${color.bold(rep.name)} to ${partner.name}${rep.engagementTier ? ` (Tier ${rep.engagementTier})` : ''}.`,
        rep.nextAction
          ? `First ${dueOn(rep.nextAction)}: Tier ${rep.engagementTier} is every ${rep.cadenceDays} days.`
          : 'No follow-up planned: give the rep a tier (--tier) to plan one by its cadence.',
      ]);
    });
}
