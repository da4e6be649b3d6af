import { Button, CloseButton, Group, Popover, Text } from '@mantine/core';
import { useState } from 'react';
import { describeCondition, type GridCondition, MAX_CONDITIONS } from '../grid-filter';
import { FilterEditor } from './filter-editor';
import classes from './partners-page.module.css';

type Props = {
  conditions: readonly GridCondition[];
  currency: string;
  optionLists: Record<string, string[]> | undefined;
  onChange(conditions: GridCondition[]): void;
};

/**
 * The grid's own conditions as chips — click one to change it, × to remove it — and "Add filter".
 * They narrow the selected view; all of them must hold.
 */
export function FilterBar({ conditions, currency, optionLists, onChange }: Props) {
  // Which editor is open: a new condition, or the index of the one being changed.
  const [editing, setEditing] = useState<'new' | number | null>(null);
  const close = () => setEditing(null);
  const apply = (condition: GridCondition) => {
    onChange(
      editing === 'new' || editing === null
        ? [...conditions, condition]
        : conditions.map((c, i) => (i === editing ? condition : c)),
    );
    close();
  };
  const editor = (initial: GridCondition | undefined) => (
    <FilterEditor initial={initial} currency={currency} optionLists={optionLists} onApply={apply} onCancel={close} />
  );

  return (
    <Group gap={6} wrap="wrap" data-testid="filter-bar" role="group" aria-label="Filters">
      {conditions.map((condition, index) => {
        const text = describeCondition(condition, currency);
        return (
          <Popover
            // biome-ignore lint/suspicious/noArrayIndexKey: a condition is identified by its place in the list
            key={index}
            opened={editing === index}
            onChange={(open) => !open && close()}
            position="bottom-start"
            shadow="md"
            withArrow
            trapFocus
          >
            <Popover.Target>
              <span className={classes.chip} data-testid="filter-chip">
                <button
                  type="button"
                  className={classes.chipLabel}
                  onClick={() => setEditing(index)}
                  aria-label={`Change filter: ${text}`}
                >
                  {text}
                </button>
                <CloseButton
                  size="xs"
                  aria-label={`Remove filter: ${text}`}
                  onClick={() => onChange(conditions.filter((_, i) => i !== index))}
                />
              </span>
            </Popover.Target>
            <Popover.Dropdown>{editing === index ? editor(condition) : null}</Popover.Dropdown>
          </Popover>
        );
      })}
      <Popover
        opened={editing === 'new'}
        onChange={(open) => !open && close()}
        position="bottom-start"
        shadow="md"
        withArrow
        trapFocus
      >
        <Popover.Target>
          <Button
            variant="default"
            size="xs"
            onClick={() => setEditing(editing === 'new' ? null : 'new')}
            disabled={conditions.length >= MAX_CONDITIONS}
            data-testid="add-filter"
          >
            + Add filter
          </Button>
        </Popover.Target>
        <Popover.Dropdown aria-label="Add a filter">{editing === 'new' ? editor(undefined) : null}</Popover.Dropdown>
      </Popover>
      {conditions.length > 0 ? (
        <>
          <Button variant="subtle" size="xs" onClick={() => onChange([])}>
            Clear filters
          </Button>
          <Text size="xs" c="gray.7">
            All must hold
          </Text>
        </>
      ) : null}
    </Group>
  );
}
