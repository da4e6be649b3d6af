import { plural } from '@ptrack/catalog';
import type { JobDto, JobListResponse, JobRunDto } from '@ptrack/contracts';
import type { Command } from 'commander';
import { type ApiClient, call } from '../client';
import { output, withClient } from '../context';
import { CliError, EXIT } from '../errors';
import { color, table, truncate } from '../render/format';

// How long `ptrack jobs run` waits for a queued run before leaving it to the server.
const WAIT_MS = 15 * 60_000;
const POLL_MS = 500;

/** "2026-02-05 02:30" in the given zone (the job's schedule zone, else this machine's). */
export function formatInstant(iso: string | null, timeZone?: string): string {
  if (!iso) return '—';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([name, n]) => `${n} ${name}`)
    .join(', ');
}

function statusOf(run: JobRunDto | null): string {
  if (!run) return 'never run';
  const paint = { succeeded: color.green, failed: color.red, running: color.cyan, queued: color.yellow }[run.status];
  const retrying = run.status === 'queued' && run.error ? ` (retry ${run.attempt + 1}/${run.maxAttempts})` : '';
  return paint(`${run.status}${retrying}`);
}

export function renderJobs(list: JobListResponse): string[] {
  const rows = list.items.map((job: JobDto) => {
    const tz = job.schedule?.timeZone;
    const run = job.lastRun;
    const detail = !job.available
      ? (job.note ?? 'not available')
      : run?.error
        ? `error: ${run.error}`
        : run
          ? formatCounts(run.counts)
          : '';
    return [
      job.name,
      job.schedule ? `${job.schedule.cron} (${job.schedule.timeZone})` : job.available ? 'on demand' : 'off',
      formatInstant(job.nextRunAt, tz),
      formatInstant(run ? (run.finishedAt ?? run.startedAt ?? run.queuedAt) : null, tz),
      job.available ? statusOf(run) : 'unavailable',
      truncate(detail, 100),
    ];
  });
  const lines = table(['JOB', 'SCHEDULE', 'NEXT RUN', 'LAST RUN', 'STATUS', 'COUNTS / ERROR'], rows);
  if (!list.worker) lines.push('', 'No server is running: jobs run only on demand (`ptrack jobs run <name>`) until one starts.');
  return lines;
}

/** Polls the runs until the run settles, or stops at a failed attempt that the worker will retry. */
async function waitForRun(client: ApiClient, run: JobRunDto): Promise<JobRunDto> {
  const deadline = Date.now() + WAIT_MS;
  let current = run;
  while (current.status === 'queued' || current.status === 'running') {
    if (current.status === 'queued' && current.error) return current;
    if (Date.now() > deadline) return current;
    await new Promise((done) => setTimeout(done, POLL_MS));
    const runs = await call(client, 'listJobRuns', { query: { job: run.job, limit: 50 } });
    current = runs.items.find((r) => r.id === run.id) ?? current;
  }
  return current;
}

export function describeRun(run: JobRunDto): string {
  const counts = formatCounts(run.counts);
  switch (run.status) {
    case 'succeeded':
      return `${run.job}: succeeded${counts ? ` — ${counts}` : ''}${run.summary ? ` (${run.summary})` : ''}.`;
    case 'failed':
      return `${run.job}: failed after ${plural(run.attempt, 'attempt')}: ${run.error ?? 'no message'}`;
    case 'queued':
      return run.error
        ? `${run.job}: attempt ${run.attempt} failed (${run.error}); the server retries it (attempt ${run.attempt + 1} of ${run.maxAttempts}).`
        : `${run.job}: queued; the server's worker runs it shortly (see \`ptrack jobs\`).`;
    case 'running':
      return `${run.job}: still running; see \`ptrack jobs\` for how it ends.`;
  }
}

export function registerJobs(program: Command): void {
  const jobs = program
    .command('jobs')
    .description('background jobs (nightly backup, …): schedule, next run, last run with its counts or error')
    .option('--json', 'print the API response as JSON')
    .action(async (_options: unknown, command: Command) => {
      const list = await withClient(command, (client) => call(client, 'listJobs', {}));
      output(command, list, () => renderJobs(list));
    });

  jobs
    .command('run')
    .description('run a job now (the running server queues it; without a server, this command runs it) and wait for it')
    .argument('<name>', 'the job, as `ptrack jobs` lists it')
    .option('--no-wait', 'return once the server has queued it')
    .option('--json', 'print the run as JSON')
    .action(async (name: string, options: { wait: boolean }, command: Command) => {
      const run = await withClient(command, async (client) => {
        const started = await call(
          client,
          'runJob',
          { params: { name } },
          {
            'params.name': '<name>',
          },
        );
        return options.wait ? waitForRun(client, started) : started;
      });
      const failed = run.status === 'failed' || (run.status === 'queued' && run.error !== null);
      // A failure is one line on stderr and exit 1, like every failed command (with --json, after the run).
      if (failed && !command.optsWithGlobals<{ json?: boolean }>().json) throw new CliError(describeRun(run), EXIT.FAILED);
      output(command, run, () => describeRun(run));
      if (failed) throw new CliError(describeRun(run), EXIT.FAILED);
    });
}
