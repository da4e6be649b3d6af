import { Autocomplete, Button, Code, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { formatWhen } from '../format-when';
import { useAudit } from '../hooks/use-accounts';
import { AccountCard } from './account-card';

/** Settings → Audit log (admins): sign-ins, exports, backups, role and secret changes, newest first. */
export function AuditSection() {
  const [kindInput, setKindInput] = useState('');
  const [kind] = useDebouncedValue(kindInput.trim(), 300);
  const audit = useAudit(kind);
  const items = useMemo(() => audit.data?.pages.flatMap((page) => page.items) ?? [], [audit.data]);
  // The kinds offered are those seen so far; any other kind can be typed.
  const kinds = useMemo(() => [...new Set(items.map((entry) => entry.kind))].sort(), [items]);
  return (
    <AccountCard
      id="audit-log"
      title="Audit log"
      description="Security events: sign-ins and failed ones, exports, backups and restores, users, roles and secrets changed."
    >
      <Autocomplete
        label="Kind"
        placeholder="All kinds"
        data={kinds}
        value={kindInput}
        onChange={setKindInput}
        clearable
        w={260}
      />
      {audit.error ? <Text c="red.9">{audit.error.message}</Text> : null}
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>Detail</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>
                  <Text size="sm">{formatWhen(entry.at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.kind}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.actorName ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.ip ?? '—'}</Text>
                </Table.Td>
                <Table.Td>{Object.keys(entry.detail).length > 0 ? <Code>{JSON.stringify(entry.detail)}</Code> : null}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!audit.isPending && items.length === 0 ? (
        <Text size="sm" c="gray.7">
          Nothing recorded{kind ? ` of kind “${kind}”` : ''}.
        </Text>
      ) : null}
      {audit.hasNextPage ? (
        <Button variant="default" w="fit-content" loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
          Older
        </Button>
      ) : null}
    </AccountCard>
  );
}
