import type { HubSpotConnectionDto, HubSpotRunReport, RouteBody } from '@ptrack/contracts';
import { type Command, InvalidArgumentError } from 'commander';
import { call } from '../client';
import { output, withClient } from '../context';

const STAGES = ['intro', 'qualified', 'deal', 'closed-won', 'closed-lost'];

/** `--stage-map pipeline/stage=closed-won`, repeatable. */
function stageEntry(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.lastIndexOf('=');
  const key = value.slice(0, at).trim();
  const stage = value.slice(at + 1).trim();
  if (at < 1 || !key || !STAGES.includes(stage)) {
    throw new InvalidArgumentError(`expected "pipelineId/stageId=<${STAGES.join('|')}>" or "stageId=<stage>"`);
  }
  return { ...previous, [key]: stage };
}

/** A run as a few lines: counts, requests and each record that failed. */
export function renderRun(run: HubSpotRunReport): string[] {
  const lines = [
    `${run.kind === 'push' ? 'Push' : `${run.kind === 'full' ? 'Full' : 'Incremental'} sync`} ${run.status}${run.resumed ? ' (resumed)' : ''}: ` +
      `${run.created} created, ${run.updated} updated, ${run.unchanged} unchanged, ${run.failed.length} failed, ${run.requests} HubSpot requests.`,
  ];
  for (const f of run.failed.slice(0, 20)) lines.push(`  ${f.object} ${f.id}: ${f.reason}`);
  if (run.failed.length > 20) lines.push(`  … and ${run.failed.length - 20} more (--json lists them all)`);
  if (run.error) lines.push(`  error: ${run.error}`);
  return lines;
}

function renderConnection(c: HubSpotConnectionDto): string[] {
  return [
    c.configured
      ? `HubSpot connected (token ${c.tokenHint}) at ${c.baseUrl}.`
      : 'HubSpot is not connected: ptrack hubspot connect --token …',
    `Webhook secret: ${c.clientSecretConfigured ? 'configured' : 'not set'}. Push tier/quality edits to contacts: ${c.pushRepEdits ? 'yes' : 'no'}.`,
    `Properties set up: ${c.setupAt ?? 'not yet'}. Last push: ${c.lastPushAt ?? 'never'}. Incremental from: ${c.contactsCursor ?? 'no full sync yet'}.`,
  ];
}

export function registerHubSpot(program: Command): void {
  const hubspot = program.command('hubspot').description('connect to HubSpot, create its properties, push aggregates, see runs');

  hubspot
    .command('connect')
    .description('store the private-app token (never printed) and sync options, then test the connection')
    .option('--token <token>', 'private-app access token (default: $PTRACK_HUBSPOT_TOKEN)')
    .option('--client-secret <secret>', 'app client secret that signs webhooks (default: $PTRACK_HUBSPOT_CLIENT_SECRET)')
    .option('--base-url <url>', 'HubSpot API address (default https://api.hubapi.com)')
    .option('--stage-map <pipeline/stage=stage>', 'map a deal stage to a referral stage (repeatable)', stageEntry)
    .option('--push-rep-edits', 'push tier/quality edits made in the tracker back to contacts')
    .option('--no-push-rep-edits', 'do not push tier/quality edits')
    .option('--requests-per-10s <n>', "the account's API limit per 10 seconds", (v) => Number.parseInt(v, 10))
    .option('--json', 'print the connection as JSON')
    .action(async (options: Record<string, unknown>, command: Command) => {
      const token = (options.token as string | undefined) ?? process.env.PTRACK_HUBSPOT_TOKEN;
      const clientSecret = (options.clientSecret as string | undefined) ?? process.env.PTRACK_HUBSPOT_CLIENT_SECRET;
      // Commander's values as given: the server checks them and names the flag of each problem.
      const body = {
        ...(token ? { token } : {}),
        ...(clientSecret ? { clientSecret } : {}),
        ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
        ...(options.stageMap ? { stageMap: options.stageMap } : {}),
        ...(typeof options.pushRepEdits === 'boolean' && command.getOptionValueSource('pushRepEdits') === 'cli'
          ? { pushRepEdits: options.pushRepEdits }
          : {}),
        ...(options.requestsPer10s ? { requestsPer10s: options.requestsPer10s } : {}),
      } as RouteBody<'saveHubSpotConnection'>;
      const names = {
        token: '--token',
        clientSecret: '--client-secret',
        baseUrl: '--base-url',
        stageMap: '--stage-map',
        requestsPer10s: '--requests-per-10s',
      };
      const connection = await withClient(command, async (client) => {
        const saved = await call(client, 'saveHubSpotConnection', { body }, names);
        if (saved.configured) await call(client, 'testHubSpotConnection', {});
        return saved;
      });
      output(command, connection, () => [
        ...renderConnection(connection),
        ...(connection.configured ? ['Connection test passed.'] : []),
      ]);
    });

  hubspot
    .command('test')
    .description('check the stored token and address with one HubSpot request')
    .option('--json', 'print the result as JSON')
    .action(async (_options: unknown, command: Command) => {
      const result = await withClient(command, (client) => call(client, 'testHubSpotConnection', {}));
      output(command, result, () => 'HubSpot connection works.');
    });

  hubspot
    .command('setup')
    .description('create the contact and company properties the sync needs, if missing')
    .option('--json', 'print the result as JSON')
    .action(async (_options: unknown, command: Command) => {
      const result = await withClient(command, (client) => call(client, 'setupHubSpotProperties', {}));
      output(command, result, () => [
        `Created ${result.created.length} HubSpot properties${result.created.length ? `: ${result.created.join(', ')}` : ''}.`,
        `Already there: ${result.existing.length}.`,
      ]);
    });

  hubspot
    .command('push')
    .description('push partner aggregates to HubSpot companies (and tier/quality edits to contacts when enabled)')
    .option('--json', 'print the run report as JSON')
    .action(async (_options: unknown, command: Command) => {
      const run = await withClient(command, (client) => call(client, 'pushHubSpot', {}));
      output(command, run, () => renderRun(run));
    });

  hubspot
    .command('status')
    .description('the connection and the latest syncs and pushes')
    .option('--json', 'print connection and runs as JSON')
    .action(async (_options: unknown, command: Command) => {
      const [connection, runs] = await withClient(
        command,
        async (client) => [await call(client, 'getHubSpotConnection', {}), await call(client, 'listHubSpotRuns', {})] as const,
      );
      output(command, { connection, runs: runs.items }, () => [
        ...renderConnection(connection),
        ...runs.items.slice(0, 5).flatMap((r) => [`${r.startedAt}  ${renderRun(r)[0]}`]),
      ]);
    });
}
