import type { RepDto, RepListResponse } from '@ptrack/contracts';
import type { Command } from 'commander';
import { call } from '../client';
import { output, withClient } from '../context';
import { renderPartner } from '../render/partner';
import { resolvePartner } from '../resolve';

export function registerPartner(program: Command): void {
  program
    .command('partner')
    .description('one partner: qualification, 90-day plan, reps by tier, next action and performance')
    .argument('<name>', 'the partner: its name (or a unique part of it) or id')
    .option('--json', 'print the API responses as JSON ({ partner, reps, plans })')
    .action(async (name: string, _options: unknown, command: Command) => {
      const detail = await withClient(command, async (client) => {
        const ref = await resolvePartner(client, name);
        const partner = await call(client, 'getPartner', { params: { id: ref.id } });
        const reps: RepDto[] = [];
        let cursor: string | null = null;
        do {
          const page: RepListResponse = await call(client, 'listReps', {
            query: { partnerId: ref.id, limit: 500, cursor: cursor ?? undefined },
          });
          reps.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        const plans = await call(client, 'listPlans', { query: { partnerId: ref.id } });
        return { partner, reps, plans: plans.items };
      });
      output(command, detail, () => renderPartner(detail.partner, detail.reps, detail.plans));
    });
}
