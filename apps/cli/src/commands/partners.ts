import type { PartnerListResponse } from '@ptrack/contracts';
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
      const query = new URLSearchParams({ limit: String(options.limit) });
      if (options.view) query.set('view', options.view);
      if (options.search) query.set('q', options.search);
      if (options.sort) query.set('sort', options.sort);
      if (options.filter) query.set('filter', options.filter);
      const list = await withClient(command, (client) =>
        call<PartnerListResponse>(client, 'GET', `/api/partners?${query}`, undefined, {
          'query.view': '--view',
          'query.q': '--search',
          'query.sort': '--sort',
          'query.filter': '--filter',
          view: '--view',
          sort: '--sort',
          filter: '--filter',
        }),
      );
      output(command, list, () => renderPartners(list));
    });
}
