import { Alert, Badge, Button, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { JobDto, JobRunDto } from '@ptrack/contracts';
import { notifyError, notifySuccess } from '../../../lib/notify';
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

function LastRun({ job }: { job: JobDto }) {
  const run = job.lastRun;
  if (!job.available) return <Text size="sm">{job.note}</Text>;
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
    <Paper withBorder p="md" component="section" aria-labelledby="settings-jobs" data-testid="settings-jobs">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id="settings-jobs">
            Background jobs
          </Title>
          <Text size="sm" c="gray.7">
            What the server does on its own, on a schedule in the workspace time zone. A failed run is retried a few times before
            it is marked failed.
          </Text>
        </div>
        {jobs.error ? (
          <Alert color="red" title="The background jobs could not be loaded" role="alert">
            {jobs.error.message}
          </Alert>
        ) : jobs.isPending ? (
          <Text size="sm">Loading background jobs…</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Job</Table.Th>
                  <Table.Th>Schedule</Table.Th>
                  <Table.Th>Next run</Table.Th>
                  <Table.Th>Last run</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jobs.data.items.map((job) => (
                  <Table.Tr key={job.name} data-testid={`job-${job.name}`}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {job.name}
                      </Text>
                      <Text size="xs" c="gray.7">
                        {job.describe}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{job.available ? describeSchedule(job.schedule) : '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatInstant(job.nextRunAt, job.schedule?.timeZone)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <LastRun job={job} />
                    </Table.Td>
                    <Table.Td>
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
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {jobs.data && !jobs.data.worker ? (
          <Text size="sm" c="gray.7">
            No worker runs in this server process: scheduled runs wait until the server is started with `npm start`.
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
