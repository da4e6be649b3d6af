import { Alert, Button, Group, Loader, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { PARTNER_RECORD_LABELS } from '@ptrack/catalog';
import type { RepDto } from '@ptrack/contracts';
import { useState } from 'react';
import { formatShortDate, relativeDay } from '../../../lib/dates';
import { JordanBadge, TierBadge } from '../../../ui/rep-badges';
import { Can } from '../../auth/components/can';
import { useReps } from '../hooks/use-partner-page';
import { AddRepDialog } from './add-rep-dialog';
import { RepLink } from './record-links';
import classes from './reps-table.module.css';
import { SectionCard } from './section-card';

// The column names, also written beside each value when the rows stack as cards on a phone.
const COLUMNS = {
  tier: 'Tier',
  quality: 'Quality',
  lastContact: 'Last contact',
  nextAction: PARTNER_RECORD_LABELS.nextAction,
} as const;
/** Below this width the table's rows stack as one card per rep, every value on its own line (issue 14). */
const STACKED = '(max-width: 36em)';

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
      <Table.Td data-label={COLUMNS.tier}>
        <Group gap={4} wrap="wrap">
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
      <Table.Td data-label={COLUMNS.quality}>{rep.qualityScore ?? '—'}</Table.Td>
      <Table.Td data-label={COLUMNS.lastContact}>
        {rep.lastContactDate ? relativeDay(rep.lastContactDate, today) : 'never'}
      </Table.Td>
      <Table.Td data-label={COLUMNS.nextAction}>
        {rep.nextAction ? (
          <div>
            <Text size="sm">{rep.nextAction.type}</Text>
            <Text size="xs" c={rep.nextAction.dueDate < today ? 'red.9' : 'gray.7'}>
              {formatShortDate(rep.nextAction.dueDate)}
            </Text>
          </div>
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
  const stacked = useMediaQuery(STACKED, false, { getInitialValueInEffect: false });
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
        <Table.ScrollContainer minWidth={stacked ? 0 : 520}>
          <Table
            verticalSpacing="xs"
            highlightOnHover
            className={stacked ? classes.stacked : undefined}
            data-layout={stacked ? 'stacked' : 'table'}
            data-testid="reps-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                {Object.values(COLUMNS).map((label) => (
                  <Table.Th key={label} scope="col">
                    {label}
                  </Table.Th>
                ))}
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
