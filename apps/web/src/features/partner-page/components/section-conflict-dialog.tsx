import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type ConflictRow = { key: string; label: string; theirs: string; mine: string };

type SectionConflictDialogProps = {
  recordName: string;
  rows: ConflictRow[];
  applying: boolean;
  onKeepTheirs(): void;
  onApplyMine(): void;
  onClose(): void;
};

const shown = (value: string): ReactNode =>
  value === '(empty)' ? (
    <Text span c="gray.7" fs="italic" size="sm">
      (empty)
    </Text>
  ) : (
    value
  );

/**
 * A stale save (the record changed since the page loaded it): the fields the user changed, with the
 * value saved now and theirs, and a choice. The same choice as the grid's ConflictDialog, for a form.
 */
export function SectionConflictDialog(props: SectionConflictDialogProps) {
  return (
    <Modal opened onClose={props.onClose} title={`Someone changed ${props.recordName} since you loaded it`} size="lg">
      <Stack gap="sm">
        <Text size="sm">Your changes were not saved. Choose which values to keep:</Text>
        <Table withTableBorder data-testid="conflict-values">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Field</Table.Th>
              <Table.Th scope="col">Saved now</Table.Th>
              <Table.Th scope="col">Yours</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((row) => (
              <Table.Tr key={row.key} data-testid="conflict-row" data-field={row.key}>
                <Table.Th scope="row">{row.label}</Table.Th>
                <Table.Td data-testid="conflict-theirs">{shown(row.theirs)}</Table.Td>
                <Table.Td data-testid="conflict-mine">{shown(row.mine)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end" gap="xs" wrap="wrap">
          <Button variant="default" onClick={props.onKeepTheirs} disabled={props.applying} data-autofocus>
            Keep theirs
          </Button>
          <Button onClick={props.onApplyMine} loading={props.applying}>
            Apply mine
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
