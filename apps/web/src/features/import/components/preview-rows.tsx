import { Badge, Table, Text } from '@mantine/core';
import type { ImportPreviewDto } from '@ptrack/contracts';
import { changeLabel, formatValue } from '../import-format';
import classes from './import.module.css';

type Row = ImportPreviewDto['rows'][number];

const ACTION_BADGE: Record<Row['action'], { label: string; color: string }> = {
  create: { label: 'New', color: 'teal' },
  update: { label: 'Update', color: 'blue' },
  unchanged: { label: 'Unchanged', color: 'gray' },
  error: { label: 'Error', color: 'red' },
};

function Changes({ row, customLabels }: { row: Row; customLabels: ReadonlyMap<string, string> }) {
  const list = (
    <ul className={classes.changes}>
      {row.changes.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a field may change twice (two activity touches)
        <li key={i}>
          <Text size="sm" component="span" fw={500}>
            {changeLabel(c.field, customLabels)}:
          </Text>{' '}
          <Text size="sm" component="span">
            {row.action === 'update' ? `${formatValue(c.before)} → ${formatValue(c.after)}` : formatValue(c.after)}
          </Text>
        </li>
      ))}
    </ul>
  );
  // A new partner's values are many: folded, so the table stays readable.
  if (row.action === 'create')
    return (
      <details>
        <summary>
          <Text size="sm" component="span">
            {row.changes.length} values
          </Text>
        </summary>
        {list}
      </details>
    );
  return list;
}

function Problems({ row }: { row: Row }) {
  return (
    <ul className={classes.changes}>
      {row.problems.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id; the list is fixed
        <li key={i}>
          <Text size="sm" component="span" fw={500}>
            {p.column}
          </Text>
          {p.value !== undefined && p.value !== '' ? <Text size="sm" component="span">{` “${p.value}”`}</Text> : null}
          <Text size="sm" component="span" c="red.9">
            {`: ${p.reason}`}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** The rows a preview lists (every one that would change, or fail), with what happens to each. */
export function PreviewRows({ rows, customLabels }: { rows: readonly Row[]; customLabels: ReadonlyMap<string, string> }) {
  return (
    <div className={classes.scroll}>
      <Table
        miw={640}
        verticalSpacing="xs"
        data-testid="preview-rows"
        className={classes.topAligned}
        aria-label="What happens to each row"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={60}>
              Row
            </Table.Th>
            <Table.Th scope="col" w={180}>
              Partner
            </Table.Th>
            <Table.Th scope="col" w={110}>
              Result
            </Table.Th>
            <Table.Th scope="col">Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.rowNumber} data-testid="preview-row" data-action={row.action}>
              <Table.Td>{row.rowNumber}</Table.Td>
              <Table.Td>{row.name ?? <Text c="gray.7">(no name)</Text>}</Table.Td>
              <Table.Td>
                <Badge color={ACTION_BADGE[row.action].color} variant="light">
                  {ACTION_BADGE[row.action].label}
                </Badge>
              </Table.Td>
              <Table.Td>
                {row.problems.length ? <Problems row={row} /> : null}
                {row.changes.length ? <Changes row={row} customLabels={customLabels} /> : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
