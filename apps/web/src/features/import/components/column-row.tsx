import { Select, Table, Text } from '@mantine/core';
import {
  type ColumnTarget,
  computedLabel,
  describeMatchedBy,
  type ImportEntity,
  targetFromValue,
  targetOptions,
  targetValue,
} from '../import-targets';
import classes from './import.module.css';

type Props = {
  index: number;
  header: string;
  samples: readonly string[];
  matchedBy: string;
  /** What the server first proposed: choosing "custom" or "computed" again restores it. */
  proposed: ColumnTarget;
  target: ColumnTarget;
  /** A partner sheet or a rep sheet: which fields a column can fill. */
  entity: ImportEntity;
  error?: string;
  disabled?: boolean;
  onChange(target: ColumnTarget): void;
};

/** One sheet column: its header, a few values, and what it becomes. */
export function ColumnRow({ index, header, samples, matchedBy, proposed, target, entity, error, disabled, onChange }: Props) {
  const shown = samples.filter((s) => s.trim() !== '').slice(0, 5);
  const name = header.trim() || `Column ${index + 1}`;
  return (
    <Table.Tr data-testid="import-column">
      <Table.Th scope="row" fw={600} maw={220}>
        <Text fw={600} size="sm" data-testid="column-header">
          {name}
        </Text>
        <Text size="xs" c="gray.7">
          {targetValue(target) === targetValue(proposed) ? describeMatchedBy(matchedBy) : 'changed by you'}
        </Text>
        {target.kind === 'computed' ? (
          <Text size="xs" c="gray.7">
            {computedLabel(target.name)}: worked out from your records
          </Text>
        ) : null}
      </Table.Th>
      <Table.Td maw={320}>
        {shown.length ? (
          <div className={classes.samples}>
            {shown.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: sample values repeat; their order is their identity
              <span key={i} className={classes.sample} title={s}>
                {s}
              </span>
            ))}
          </div>
        ) : (
          <Text size="xs" c="gray.7">
            (empty in the first rows)
          </Text>
        )}
      </Table.Td>
      <Table.Td miw={250}>
        <Select
          aria-label={`Import "${name}" as`}
          data={targetOptions(proposed, target, entity)}
          value={targetValue(target)}
          onChange={(value) => value && onChange(targetFromValue(value, proposed, header, index))}
          allowDeselect={false}
          searchable
          disabled={disabled}
          error={error}
          comboboxProps={{ withinPortal: true }}
          maxDropdownHeight={320}
        />
      </Table.Td>
    </Table.Tr>
  );
}
