import { Alert, Button, Group, Loader, Table, Text } from '@mantine/core';
import type { RepDto } from '@ptrack/contracts';
import { useState } from 'react';
import { formatShortDate, relativeDay } from '../../../lib/dates';
import { JordanBadge, TierBadge } from '../../../ui/rep-badges';
import { Can } from '../../auth/components/can';
import { useReps } from '../hooks/use-partner-page';
import { AddRepDialog } from './add-rep-dialog';
import { RepLink } from './record-links';
import { SectionCard } from './section-card';

function RepRow({ rep, today }: { rep: RepDto; today: string }) {
  const differs = rep.suggestedTier !== null && rep.engagementTier !== rep.suggestedTier;
  return (
    <Table.Tr data-testid="rep-row" data-rep-id={rep.id}>
      <Table.Th scope="row" fw={500}>
        <Group gap={6} wrap="wrap">
          <RepLink id={rep.id} data-testid="rep-link">
            {rep.name}
          </RepLink>
          <JordanBadge isJordan={rep.isJordan} />
        </Group>
        {rep.title ? (
          <Text size="xs" c="gray.7" fw={400}>
            {rep.title}
          </Text>
        ) : null}
      </Table.Th>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {rep.engagementTier === null ? (
            <Text size="sm" c="gray.7">
              —
            </Text>
          ) : (
            <TierBadge tier={rep.engagementTier} />
          )}
          {differs ? (
            <Text size="xs" c="gray.7" data-testid="suggested-tier">
              suggested T{rep.suggestedTier}
            </Text>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td>{rep.qualityScore ?? '—'}</Table.Td>
      <Table.Td>{rep.lastContactDate ? relativeDay(rep.lastContactDate, today) : 'never'}</Table.Td>
      <Table.Td>
        {rep.nextAction ? (
          <>
            <Text size="sm">{rep.nextAction.type}</Text>
            <Text size="xs" c={rep.nextAction.dueDate < today ? 'red.9' : 'gray.7'}>
              {formatShortDate(rep.nextAction.dueDate)}
            </Text>
          </>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The partner's sales reps: who to work with, at which tier (docs/RULES.md Rep). */
export function RepsTable({ partnerId, partnerName, today }: { partnerId: string; partnerName: string; today: string }) {
  const reps = useReps(partnerId);
  const [adding, setAdding] = useState(false);
  const items = reps.data ?? [];
  return (
    <SectionCard
      title={`Reps${reps.data ? ` (${items.length})` : ''}`}
      testId="section-reps"
      actions={
        <Can permission="partners:write">
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            Add rep
          </Button>
        </Can>
      }
    >
      {reps.isPending ? (
        <Loader size="sm" aria-label="Loading reps" />
      ) : reps.error ? (
        <Alert color="red" title="Reps could not be loaded" role="alert">
          {reps.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Text size="sm" c="gray.7">
          No reps yet. Add the partner's sales reps to track who brings deals.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" highlightOnHover data-testid="reps-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Tier</Table.Th>
                <Table.Th scope="col">Quality</Table.Th>
                <Table.Th scope="col">Last contact</Table.Th>
                <Table.Th scope="col">Next action</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((rep) => (
                <RepRow key={rep.id} rep={rep} today={today} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding ? <AddRepDialog partnerId={partnerId} partnerName={partnerName} onClose={() => setAdding(false)} /> : null}
    </SectionCard>
  );
}
