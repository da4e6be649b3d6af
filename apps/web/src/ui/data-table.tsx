import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

export type DataColumn<T> = {
  /** The column's heading; null for a column of buttons (named "Actions" for screen readers). */
  header: string | null;
  /** The cell; text is shown at the table's size, anything else as it is. */
  cell(row: T): ReactNode;
};

type DataTableProps<T> = {
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  rowKey(row: T): string;
  /** Extra attributes of a row, e.g. its `data-testid`. */
  rowProps?(row: T): Record<`data-${string}`, string | boolean | undefined>;
  testId?: string;
  label?: string;
  minWidth?: number;
  /** A striped, bordered table (a log of runs). */
  striped?: boolean;
};

const cellOf = (content: ReactNode) =>
  typeof content === 'string' || typeof content === 'number' ? <Text size="sm">{content}</Text> : content;

/** The tables of the Settings and account pages: scrolls sideways on a phone, one row per item. */
export function DataTable<T>({ rows, columns, rowKey, rowProps, testId, label, minWidth = 640, striped }: DataTableProps<T>) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="xs" striped={striped} withTableBorder={striped} data-testid={testId} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for a table's life
              <Table.Th key={i}>{column.header ?? <VisuallyHidden>Actions</VisuallyHidden>}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((column, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for a table's life
                <Table.Td key={i}>{cellOf(column.cell(row))}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
