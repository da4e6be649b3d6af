import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';

type ConflictDialogProps = {
  partnerName: string;
  fieldLabel: string;
  theirs: string;
  mine: string;
  applying: boolean;
  onKeepTheirs(): void;
  onApplyMine(): void;
  /** Closed without choosing: back to the editor, nothing saved. */
  onClose(): void;
};

/** A stale edit (the partner changed since the grid loaded it): show both values and let the user choose. */
export function ConflictDialog(props: ConflictDialogProps) {
  const shown = (value: string) =>
    value === '' ? (
      <Text span c="gray.7" fs="italic">
        (empty)
      </Text>
    ) : (
      value
    );
  return (
    <Modal opened onClose={props.onClose} title={`Someone changed ${props.partnerName} since you loaded it`} size="lg">
      <Stack gap="sm">
        <Text size="sm">Your edit was not saved. Choose which value to keep:</Text>
        <Table withTableBorder data-testid="conflict-values">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{props.fieldLabel}</Table.Th>
              <Table.Th scope="col">Value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr data-testid="conflict-theirs">
              <Table.Th scope="row">Theirs (saved now)</Table.Th>
              <Table.Td>{shown(props.theirs)}</Table.Td>
            </Table.Tr>
            <Table.Tr data-testid="conflict-mine">
              <Table.Th scope="row">Yours</Table.Th>
              <Table.Td>{shown(props.mine)}</Table.Td>
            </Table.Tr>
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
