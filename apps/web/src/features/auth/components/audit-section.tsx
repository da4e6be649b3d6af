import { Autocomplete, Button, Code, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { DataTable } from '../../../ui/data-table';
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
      <DataTable
        testId="audit-table"
        rows={items}
        rowKey={(entry) => entry.id}
        columns={[
          { header: 'When', cell: (entry) => formatWhen(entry.at) },
          { header: 'Kind', cell: (entry) => entry.kind },
          { header: 'Who', cell: (entry) => entry.actorName ?? '—' },
          { header: 'From', cell: (entry) => entry.ip ?? '—' },
          {
            header: 'Detail',
            cell: (entry) => (Object.keys(entry.detail).length > 0 ? <Code>{JSON.stringify(entry.detail)}</Code> : null),
          },
        ]}
      />
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
