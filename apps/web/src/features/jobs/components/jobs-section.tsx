import { Badge, Button, Code, Stack, Text } from '@mantine/core';
import type { JobDto, JobRunDto } from '@ptrack/contracts';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { DataTable } from '../../../ui/data-table';
import { HelpText } from '../../../ui/help-text';
import { QueryState } from '../../../ui/query-state';
import { SettingsCard } from '../../../ui/settings-card';
import { Can } from '../../auth/components/can';
import { useJobs, useRunJob } from '../hooks/use-jobs';
import { describeSchedule } from '../jobs-format';

const STATUS_COLORS: Record<JobRunDto['status'], string> = {
  succeeded: 'teal',
  failed: 'red',
  running: 'blue',
  queued: 'yellow',
};

/** "5 Feb, 02:30" in the schedule's time zone (the workspace's), else the browser's. */
function formatInstant(iso: string | null, timeZone?: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

function countsOf(run: JobRunDto): string {
  return Object.entries(run.counts)
    .map(([name, n]) => `${n.toLocaleString()} ${name}`)
    .join(', ');
}

function JobName({ job }: { job: JobDto }) {
  return (
    <>
      <Text size="sm" fw={600}>
        {job.name}
      </Text>
      <Text size="xs" c="gray.7">
        <HelpText text={job.describe} />
      </Text>
    </>
  );
}

function LastRun({ job }: { job: JobDto }) {
  const run = job.lastRun;
  if (!job.available)
    return (
      <Text size="sm">
        <HelpText text={job.note ?? ''} />
      </Text>
    );
  if (!run) return <Text size="sm">Never run</Text>;
  const retrying = run.status === 'queued' && run.error;
  return (
    <Stack gap={2}>
      <Text size="sm">
        <Badge color={STATUS_COLORS[run.status]} variant="light" mr={6}>
          {retrying ? `retry ${run.attempt + 1} of ${run.maxAttempts}` : run.status}
        </Badge>
        {formatInstant(run.finishedAt ?? run.startedAt ?? run.queuedAt, job.schedule?.timeZone)}
        {run.trigger === 'manual' ? ` · run by ${run.requestedBy ?? 'someone'}` : ''}
      </Text>
      {Object.keys(run.counts).length > 0 ? <Text size="sm">{countsOf(run)}</Text> : null}
      {run.error ? (
        <Text size="sm" c="red.9">
          {run.error}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The background jobs: when each runs, how its last run went, and a button to run it now. */
export function JobsSection() {
  const jobs = useJobs();
  const run = useRunJob();
  const runNow = (job: JobDto) =>
    run.mutate(job.name, {
      onSuccess: (started) =>
        notifySuccess(
          started.status === 'queued' ? `${job.name} queued` : `${job.name} ${started.status}`,
          started.error ?? undefined,
        ),
      onError: (error) => notifyError(error),
    });
  return (
    <SettingsCard
      headingId="settings-jobs"
      testId="settings-jobs"
      title="Background jobs"
      description="What the server does on its own, on a schedule in the workspace time zone. A failed run is retried a few times before it is marked failed."
    >
      <QueryState query={jobs} loading="Loading background jobs…" failed="The background jobs could not be loaded">
        {(data) => (
          <DataTable
            rows={data.items}
            rowKey={(job) => job.name}
            rowProps={(job) => ({ 'data-testid': `job-${job.name}` })}
            columns={[
              { header: 'Job', cell: (job) => <JobName job={job} /> },
              { header: 'Schedule', cell: (job) => (job.available ? describeSchedule(job.schedule) : '—') },
              { header: 'Next run', cell: (job) => formatInstant(job.nextRunAt, job.schedule?.timeZone) },
              { header: 'Last run', cell: (job) => <LastRun job={job} /> },
              {
                header: null,
                cell: (job) => (
                  <Can permission="jobs:run">
                    <Button
                      size="xs"
                      variant="default"
                      disabled={!job.available}
                      loading={run.isPending && run.variables === job.name}
                      onClick={() => runNow(job)}
                      aria-label={`Run ${job.name} now`}
                    >
                      Run now
                    </Button>
                  </Can>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {jobs.data && !jobs.data.worker ? (
        <Text size="sm" c="gray.7">
          No worker runs in this server process: scheduled runs wait until the server is started with <Code>npm start</Code>.
        </Text>
      ) : null}
    </SettingsCard>
  );
}
