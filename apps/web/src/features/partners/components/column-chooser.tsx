import { ActionIcon, Button, Checkbox, Divider, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { type ColumnKey, columnOf, GRID_COLUMNS } from '../grid-columns';

type Props = { shown: readonly ColumnKey[]; onChange(columns: ColumnKey[]): void };

/**
 * Which columns the grid shows and in what order (both saved with a view). The name stays first (it is
 * the frozen column); a column switched on goes to the end.
 */
export function ColumnChooser({ shown, onChange }: Props) {
  const toggle = (key: ColumnKey, on: boolean) => onChange(on ? [...shown, key] : shown.filter((k) => k !== key));
  const move = (index: number, delta: number) => {
    const next = [...shown];
    const [key] = next.splice(index, 1);
    if (key === undefined) return;
    next.splice(index + delta, 0, key);
    onChange(next);
  };
  const hidden = GRID_COLUMNS.filter((c) => !shown.includes(c.key));
  const labelOf = (key: ColumnKey) => columnOf(key)?.label ?? key;
  return (
    <Popover position="bottom-end" shadow="md" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default" data-testid="column-chooser">
          Columns ({shown.length})
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="Choose columns">
        <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
          <Stack gap={6} pr="xs" w={260}>
            <Text size="sm" fw={600}>
              Shown, in order
            </Text>
            {shown.map((key, index) => (
              <Group key={key} gap={4} wrap="nowrap" justify="space-between">
                <Checkbox
                  label={columnOf(key)?.computed ? `${labelOf(key)} (computed)` : labelOf(key)}
                  checked
                  disabled={key === 'name'}
                  onChange={(event) => toggle(key, event.currentTarget.checked)}
                />
                {key === 'name' ? null : (
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={`Move ${labelOf(key)} left`}
                      disabled={index <= 1}
                      onClick={() => move(index, -1)}
                    >
                      <span aria-hidden="true">↑</span>
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={`Move ${labelOf(key)} right`}
                      disabled={index === shown.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      <span aria-hidden="true">↓</span>
                    </ActionIcon>
                  </Group>
                )}
              </Group>
            ))}
            <Divider my={4} />
            <Text size="sm" fw={600}>
              Hidden
            </Text>
            {hidden.map((column) => (
              <Checkbox
                key={column.key}
                label={column.computed ? `${column.label} (computed)` : column.label}
                checked={false}
                onChange={(event) => toggle(column.key, event.currentTarget.checked)}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
