import type { Command } from 'commander';
import { call } from '../client';
import { output, withClient } from '../context';
import { renderToday } from '../render/today';

const MAX_PAGES = 50;

export function registerToday(program: Command): void {
  program
    .command('today')
    .description('who to contact today: overdue actions, then those due today, grouped by partner')
    .option('--json', 'print the API response as JSON')
    .action(async (_options: unknown, command: Command) => {
      const today = await withClient(command, async (client) => {
        const first = await call(client, 'getToday', {});
        const items = [...first.items];
        let cursor = first.nextCursor ?? null;
        for (let page = 1; cursor && page < MAX_PAGES; page++) {
          const next = await call(client, 'getToday', { query: { cursor } });
          items.push(...next.items);
          cursor = next.nextCursor ?? null;
        }
        return { ...first, items, ...(first.nextCursor === undefined ? {} : { nextCursor: cursor }) };
      });
      output(command, today, () => renderToday(today));
    });
}
