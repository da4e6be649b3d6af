import { Tooltip, UnstyledButton } from '@mantine/core';
import type { GridColumn } from '../grid-columns';
import classes from './partner-grid.module.css';

type Props = {
  column: GridColumn;
  index: number;
  direction: 'asc' | 'desc' | undefined;
  frozen: boolean;
  onSort(): void;
};

/** A column header: a button that sorts (ascending, then toggling); computed columns explain themselves. */
export function GridHeaderCell({ column, index, direction, frozen, onSort }: Props) {
  const numeric = column.kind === 'number' || column.kind === 'money';
  const hintId = `column-hint-${column.key}`;
  const next = direction === 'asc' ? 'descending' : 'ascending';
  const button = (
    <UnstyledButton
      className={classes.sortButton}
      onClick={onSort}
      aria-label={`${column.label}: sort ${next}`}
      aria-describedby={column.computed ? hintId : undefined}
      data-testid={`sort-${column.key}`}
    >
      <span className={`${classes.sortLabel} ${column.computed ? classes.computedLabel : ''}`}>{column.label}</span>
      {direction ? (
        <span className={classes.sortMark} aria-hidden="true">
          {direction === 'asc' ? '▲' : '▼'}
        </span>
      ) : null}
    </UnstyledButton>
  );
  return (
    // biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid
    // biome-ignore lint/a11y/useFocusableInteractive: the sort button inside is the focus stop
    <div
      role="columnheader"
      aria-colindex={index + 1}
      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
      className={`${classes.headCell} ${frozen ? classes.frozen : ''} ${numeric ? classes.numberHead : ''}`}
      data-column={column.key}
    >
      {column.computed ? (
        <>
          <Tooltip
            label={column.computed}
            multiline
            w={280}
            withArrow
            openDelay={250}
            events={{ hover: true, focus: true, touch: true }}
          >
            {button}
          </Tooltip>
          <span id={hintId} hidden>
            Computed, read-only: {column.computed}
          </span>
        </>
      ) : (
        button
      )}
    </div>
  );
}
