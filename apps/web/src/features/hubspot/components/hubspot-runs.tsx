import { Text } from '@mantine/core';
import type { HubSpotRunReport } from '@ptrack/contracts';
import { DataTable } from '../../../ui/data-table';
import { useHubSpotRuns } from '../hooks/use-hubspot';

function runLine(run: HubSpotRunReport): string {
  return `${run.created} created, ${run.updated} updated, ${run.unchanged} unchanged, ${run.failed.length} failed`;
}

/** The latest five runs, with what each did. */
export function HubSpotRuns() {
  const runs = useHubSpotRuns();
  if (!runs.data || runs.data.items.length === 0) return null;
  return (
    <DataTable
      striped
      label="Latest HubSpot runs"
      minWidth={560}
      rows={runs.data.items.slice(0, 5)}
      rowKey={(r) => r.runId}
      columns={[
        { header: 'Started', cell: (r) => new Date(r.startedAt).toLocaleString() },
        { header: 'Run', cell: (r) => r.kind },
        {
          header: 'Status',
          cell: (r) => (
            <Text size="sm" title={r.error ?? r.failed.map((f) => `${f.object} ${f.id}: ${f.reason}`).join('\n')}>
              {r.status}
            </Text>
          ),
        },
        { header: 'Records', cell: runLine },
        { header: 'Requests', cell: (r) => r.requests },
      ]}
    />
  );
}
