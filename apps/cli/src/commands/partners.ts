import type { Command } from 'commander';
import { call } from '../client';
import { output, withClient } from '../context';
import { positiveInt } from '../options';
import { renderPartners } from '../render/partners';

type PartnersOptions = { view?: string; search?: string; limit: number; sort?: string; filter?: string };

export function registerPartners(program: Command): void {
  program
    .command('partners')
    .description('list partners: tiers of their reps, last touch, pipeline and next action')
    .option(
      '--view <view>',
      'a built-in view (today, strategic, tier-1, needs-attention, high-performance, this-weeks-review) or a saved view name or id',
    )
    .option('--search <text>', 'search in name, type, industry, owner and notes')
    .option('--sort <fields>', 'comma-separated fields, "-" for descending, e.g. -pipelineValueMinor,name')
    .option('--filter <json>', 'a filter as JSON (see the view definitions)')
    .option('--limit <n>', 'at most this many partners', positiveInt(500), 50)
    .option('--json', 'print the API response as JSON')
    .action(async (options: PartnersOptions, command: Command) => {
      const query = {
        limit: options.limit,
        view: options.view || undefined,
        q: options.search || undefined,
        sort: options.sort || undefined,
        filter: options.filter || undefined,
      };
      const list = await withClient(command, (client) =>
        call(
          client,
          'listPartners',
          { query },
          {
            'query.view': '--view',
            'query.q': '--search',
            'query.sort': '--sort',
            'query.filter': '--filter',
            view: '--view',
            sort: '--sort',
            filter: '--filter',
          },
        ),
      );
      output(command, list, () => renderPartners(list));
    });
}
