import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { FieldChange } from '../review-queue';

type ReviewConflictDialogProps = {
  title: string;
  /** What the user tried to do, e.g. "Your change was not saved". */
  intro: string;
  changes: FieldChange[];
  /** The user's own edit, shown beside the saved value. */
  mine?: { label: string; value: string } | undefined;
  note?: string | undefined;
  applyLabel: string;
  keepLabel: string;
  applying: boolean;
  onApply(): void;
  onKeepTheirs(): void;
  onClose(): void;
};

const shown = (value: string) =>
  value === '' ? (
    <Text span c="gray.7" fs="italic">
      (empty)
    </Text>
  ) : (
    value
  );

/** A stale write (409): what changed on the server since the page loaded, and the user's choice. */
export function ReviewConflictDialog(props: ReviewConflictDialogProps) {
  return (
    <Modal opened onClose={props.onClose} title={props.title} size="lg">
      <Stack gap="sm" data-testid="review-conflict">
        <Text size="sm">{props.intro}</Text>
        {props.changes.length > 0 ? (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Field</Table.Th>
                <Table.Th scope="col">When you loaded it</Table.Th>
                <Table.Th scope="col">Saved now</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.changes.map((c) => (
                <Table.Tr key={c.field}>
                  <Table.Th scope="row">{c.label}</Table.Th>
                  <Table.Td>{shown(c.before)}</Table.Td>
                  <Table.Td>{shown(c.now)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="gray.7">
            None of the fields shown here changed (another field or a related record did).
          </Text>
        )}
        {props.mine ? (
          <Text size="sm">
            Your {props.mine.label.toLowerCase()}: <strong>{props.mine.value === '' ? '(empty)' : props.mine.value}</strong>
          </Text>
        ) : null}
        {props.note ? <Text size="sm">{props.note}</Text> : null}
        <Group justify="flex-end" gap="xs" wrap="wrap">
          <Button variant="default" onClick={props.onKeepTheirs} disabled={props.applying} data-autofocus>
            {props.keepLabel}
          </Button>
          <Button onClick={props.onApply} loading={props.applying}>
            {props.applyLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
