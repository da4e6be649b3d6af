import type { DigestDeliveryReport } from '@ptrack/contracts';
import { type Command, Option } from 'commander';
import { call, requestOf } from '../client';
import { output, print, withClient } from '../context';
import { CliError, EXIT, problemError } from '../errors';

type DigestOptions = { to: 'slack' | 'email' | 'stdout'; owner?: string };

export function renderDeliveryReport(report: DigestDeliveryReport): string[] {
  const where = report.channel === 'slack' ? 'Slack' : 'email';
  const lines = [
    `Digest by ${where} for ${report.today}: ${report.sent} sent, ${report.skipped} skipped, ${report.failed} failed.`,
  ];
  for (const d of report.deliveries) {
    const to = d.recipient ? ` → ${d.recipient}` : '';
    lines.push(`  ${d.status.padEnd(7)} ${d.owner ?? 'Unassigned'}${to}${d.reason ? `: ${d.reason}` : ''}`);
  }
  return lines;
}

export function registerDigest(program: Command): void {
  program
    .command('digest')
    .description("send each owner's Monday list (overdue, due today, this week, plans at risk, partners needing attention)")
    .addOption(new Option('--to <channel>', 'where it goes').choices(['slack', 'email', 'stdout']).default('stdout'))
    .option('--owner <name>', 'only this owner\'s digest ("Unassigned" for partners without an owner)')
    .option('--json', 'print the API response as JSON')
    .action(async (options: DigestOptions, command: Command) => {
      if (options.to === 'stdout') {
        // As text, the preview is the digest itself rather than its JSON.
        const request = requestOf('previewDigest', { query: { format: 'text', owner: options.owner || undefined } });
        const text = await withClient(command, async (client) => {
          const res = await client.send(request);
          if (res.status >= 400) throw problemError(res.status, res.body);
          return String(res.body);
        });
        print(text.replace(/\n+$/, ''));
        return;
      }
      const to = options.to;
      const report = await withClient(command, (client) =>
        call(
          client,
          'sendDigest',
          { body: { to, ...(options.owner ? { owner: options.owner } : {}) } },
          { to: '--to', owner: '--owner' },
        ),
      );
      output(command, report, () => renderDeliveryReport(report));
      if (report.failed > 0)
        throw new CliError(`${report.failed} of the digests could not be delivered (see above)`, EXIT.FAILED);
    });
}
