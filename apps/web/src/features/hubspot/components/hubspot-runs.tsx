import { Table } from '@mantine/core';
import type { HubSpotRunReport } from '@ptrack/contracts';
import { useHubSpotRuns } from '../hooks/use-hubspot';

function runLine(run: HubSpotRunReport): string {
  return `${run.created} created, ${run.updated} updated, ${run.unchanged} unchanged, ${run.failed.length} failed`;
}

export /** The latest five runs, with what each did. */
function HubSpotRuns() {
  const runs = useHubSpotRuns();
  if (!runs.data || runs.data.items.length === 0) return null;
  return (
    <Table striped withTableBorder aria-label="Latest HubSpot runs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Started</Table.Th>
          <Table.Th>Run</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Records</Table.Th>
          <Table.Th>Requests</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.data.items.slice(0, 5).map((r) => (
          <Table.Tr key={r.runId}>
            <Table.Td>{new Date(r.startedAt).toLocaleString()}</Table.Td>
            <Table.Td>{r.kind}</Table.Td>
            <Table.Td title={r.error ?? r.failed.map((f) => `${f.object} ${f.id}: ${f.reason}`).join('\n')}>{r.status}</Table.Td>
            <Table.Td>{runLine(r)}</Table.Td>
            <Table.Td>{r.requests}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
