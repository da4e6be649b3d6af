import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A value as each column shows it: saved when the page loaded it, saved now, and the user's. */
export type ConflictColumn = 'before' | 'theirs' | 'mine';

/** One field of a stale write; '' (or "(empty)") reads as an empty value. */
export type ConflictRow = { key: string; label: string } & Partial<Record<ConflictColumn, string>>;

const HEADERS: Record<ConflictColumn, string> = { before: 'When you loaded it', theirs: 'Saved now', mine: 'Yours' };

type ConflictDialogProps = {
  title: string;
  /** What did not happen, e.g. "Your changes were not saved. Choose which values to keep:". */
  intro: string;
  rows: ConflictRow[];
  /** The columns shown after the field's name, in order. */
  columns: readonly ConflictColumn[];
  /** Headers other than the defaults (e.g. the first column's "Setting", or "If you reapply" for mine). */
  headers?: Partial<Record<ConflictColumn | 'field', string>>;
  /** Shown instead of the table when no field shown here changed. */
  emptyText?: string;
  /** The user's own edit, when it is not a row of the table. */
  mine?: { label: string; value: string } | undefined;
  note?: string | undefined;
  keepLabel?: string;
  applyLabel?: string;
  applying: boolean;
  onKeepTheirs(): void;
  onApply(): void;
  /** Closed without choosing: nothing saved. */
  onClose(): void;
  testId?: string;
  size?: 'lg' | 'xl';
};

const isEmpty = (value: string) => value === '' || value === '(empty)';

const shown = (value: string): ReactNode =>
  isEmpty(value) ? (
    <Text span c="gray.7" fs="italic" size="sm">
      (empty)
    </Text>
  ) : (
    value
  );

/**
 * A stale write (409: the record changed since the page loaded it): what changed, beside what the user
 * tried to save, and the choice between keeping theirs and applying (or reapplying) the user's. Every
 * screen that saves with a version shows this one dialog.
 */
export function ConflictDialog(props: ConflictDialogProps) {
  const header = (column: ConflictColumn) => props.headers?.[column] ?? HEADERS[column];
  return (
    <Modal opened onClose={props.onClose} title={props.title} size={props.size ?? 'lg'}>
      <Stack gap="sm" data-testid={props.testId}>
        <Text size="sm">{props.intro}</Text>
        {props.rows.length > 0 ? (
          <Table.ScrollContainer minWidth={props.columns.length > 2 ? 480 : 0}>
            <Table withTableBorder data-testid="conflict-values">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{props.headers?.field ?? 'Field'}</Table.Th>
                  {props.columns.map((column) => (
                    <Table.Th key={column} scope="col">
                      {header(column)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {props.rows.map((row) => (
                  <Table.Tr key={row.key} data-testid="conflict-row" data-field={row.key}>
                    <Table.Th scope="row">{row.label}</Table.Th>
                    {props.columns.map((column) => (
                      <Table.Td key={column} data-testid={`conflict-${column}`}>
                        {shown(row[column] ?? '')}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text size="sm" c="gray.7">
            {props.emptyText ?? 'None of the fields shown here changed (another field or a related record did).'}
          </Text>
        )}
        {props.mine ? (
          <Text size="sm">
            Your {props.mine.label.toLowerCase()}: <strong>{isEmpty(props.mine.value) ? '(empty)' : props.mine.value}</strong>
          </Text>
        ) : null}
        {props.note ? <Text size="sm">{props.note}</Text> : null}
        <Group justify="flex-end" gap="xs" wrap="wrap">
          <Button variant="default" onClick={props.onKeepTheirs} disabled={props.applying} data-autofocus>
            {props.keepLabel ?? 'Keep theirs'}
          </Button>
          <Button onClick={props.onApply} loading={props.applying}>
            {props.applyLabel ?? 'Apply mine'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
