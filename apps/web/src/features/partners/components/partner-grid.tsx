import type { PartnerListRowDto } from '@ptrack/contracts';
import { Link } from '@tanstack/react-router';
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useRef } from 'react';
import { useCan } from '../../auth/hooks/use-session';
import { isEditable } from '../cell-edit';
import { formatCell, formatSum } from '../format-cell';
import type { GridColumn } from '../grid-columns';
import { useGridKeyboard } from '../hooks/use-grid-keyboard';
import type { SortKey } from '../partners-search';
import { GridCellEditor } from './grid-cell-editor';
import { GridHeaderCell } from './grid-header-cell';
import classes from './partner-grid.module.css';

// A spreadsheet-like grid over the server's list: only the rows on screen are in the DOM (react-virtual),
// further pages load by cursor as the user scrolls, and one cell at a time holds the keyboard focus
// (ARIA grid pattern: roving tabindex, arrow keys, Home/End, Page Up/Down, Enter opens the partner).
// The partner's own columns edit in place: Enter, F2 or a double-click (F2 on the name, where Enter opens).

const ROW_HEIGHT = 36;
const HEAD_HEIGHT = 40;
const OVERSCAN = 12;
/** Ask for the next page when the screen comes this close to the last loaded row. */
const PREFETCH_ROWS = 40;

export type PartnerGridProps = {
  label: string;
  columns: GridColumn[];
  rows: PartnerListRowDto[];
  total: number;
  today: string | undefined;
  currency: string;
  /** The workspace option lists (settings), for the select cells. */
  optionLists: Record<string, string[]> | undefined;
  sort: SortKey[];
  /** The rows shown are the previous list's while the new one loads. */
  busy: boolean;
  /** Changes whenever the list does (view, search, sort): the grid returns to the top. */
  listKey: string;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): unknown;
  onSort(field: string): void;
};

export function PartnerGrid(props: PartnerGridProps) {
  const { columns, rows, total, currency, sort, hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const canEdit = useCan('partners:write');

  // Rows not loaded yet still take their place, so the scrollbar tells the length of the whole list.
  const count = hasNextPage ? Math.max(total, rows.length) : rows.length;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    scrollPaddingEnd: ROW_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items[items.length - 1]?.index ?? 0;
  const keyboard = useGridKeyboard({
    columns,
    rows,
    canEdit,
    listKey: props.listKey,
    scrollRef,
    gridRef,
    virtualizer,
    items,
    rowHeight: ROW_HEIGHT,
    headHeight: HEAD_HEIGHT,
  });

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisible >= rows.length - PREFETCH_ROWS) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastVisible, rows.length, fetchNextPage]);

  const template = columns.map((c) => `${c.width}px`).join(' ');
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  const sortOf = (key: string) => (sort[0]?.field === key ? sort[0].dir : undefined);
  const rowProps = { columns, template, keyboard, canEdit, currency, today: props.today, optionLists: props.optionLists };

  return (
    <div className={classes.scroller} ref={scrollRef} data-testid="partner-grid-scroller">
      {/* biome-ignore lint/a11y/useSemanticElements: a virtualised spreadsheet, not a static table (ARIA grid) */}
      <div
        ref={gridRef}
        role="grid"
        aria-label={props.label}
        aria-rowcount={count + 2}
        aria-colcount={columns.length}
        aria-readonly="false"
        aria-busy={props.busy}
        className={classes.grid}
        style={{ width }}
        onKeyDown={keyboard.onKeyDown}
        data-testid="partner-grid"
      >
        {/* biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid above */}
        <div role="rowgroup" className={classes.head}>
          {/* biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid above */}
          {/* biome-ignore lint/a11y/useFocusableInteractive: rows are not focus stops; their cells are */}
          <div role="row" aria-rowindex={1} className={classes.row} style={{ gridTemplateColumns: template }}>
            {columns.map((column, index) => (
              <GridHeaderCell
                key={column.key}
                column={column}
                index={index}
                direction={sortOf(column.key)}
                frozen={index === 0}
                onSort={() => props.onSort(column.key)}
              />
            ))}
          </div>
        </div>

        {/* biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid above */}
        <div role="rowgroup" className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <GridBodyRow key={item.key} item={item} partner={rows[item.index]} {...rowProps} />
          ))}
          {count === 0 ? <div className={classes.empty}>No partners in this view.</div> : null}
        </div>

        {/* biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid above */}
        <div role="rowgroup" className={classes.foot}>
          <GridTotalsRow columns={columns} template={template} rows={rows} total={total} count={count} currency={currency} />
        </div>
      </div>
    </div>
  );
}

type GridBodyRowProps = {
  item: VirtualItem;
  /** Undefined while its page is loading. */
  partner: PartnerListRowDto | undefined;
  columns: GridColumn[];
  template: string;
  keyboard: ReturnType<typeof useGridKeyboard>;
  canEdit: boolean;
  currency: string;
  today: string | undefined;
  optionLists: Record<string, string[]> | undefined;
};

function GridBodyRow({ item, partner, columns, template, keyboard, canEdit, currency, today, optionLists }: GridBodyRowProps) {
  const { active, tabRow } = keyboard;
  return (
    // biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid above
    // biome-ignore lint/a11y/useFocusableInteractive: rows are not focus stops; their cells are
    <div
      role="row"
      aria-rowindex={item.index + 2}
      data-row-index={item.index}
      data-testid={partner ? 'partner-row' : 'partner-row-loading'}
      className={classes.row}
      style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${item.start - HEAD_HEIGHT}px)` }}
    >
      {partner ? (
        columns.map((column, index) => (
          <DataCell
            key={column.key}
            column={column}
            index={index}
            partner={partner}
            rowIndex={item.index}
            active={item.index === active.row && index === active.col}
            tabbable={item.index === tabRow && index === active.col}
            overdue={column.key === 'nextActionDate' && !!today && !!partner.nextActionDate && partner.nextActionDate < today}
            currency={currency}
            onFocus={() => keyboard.setActive({ row: item.index, col: index })}
            readOnly={!canEdit}
            onStartEditing={() => keyboard.startEditing(item.index, index)}
            editor={
              keyboard.isEditing(item.index, index) && isEditable(column.key) ? (
                <GridCellEditor
                  column={column}
                  field={column.key}
                  partner={partner}
                  optionLists={optionLists}
                  onClose={keyboard.stopEditing}
                />
              ) : null
            }
          />
        ))
      ) : (
        // biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid above
        // biome-ignore lint/a11y/useFocusableInteractive: a placeholder until the page arrives
        <div role="gridcell" aria-colindex={1} className={`${classes.cell} ${classes.frozen} ${classes.placeholder}`}>
          Loading…
        </div>
      )}
    </div>
  );
}

type GridTotalsRowProps = {
  columns: GridColumn[];
  template: string;
  rows: PartnerListRowDto[];
  total: number;
  count: number;
  currency: string;
};

/** The count of partners, and the sums of the summed columns over the rows loaded so far. */
function GridTotalsRow({ columns, template, rows, total, count, currency }: GridTotalsRowProps) {
  const sums = rows.length < total ? `sums of the ${rows.length.toLocaleString()} loaded` : null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid above
    // biome-ignore lint/a11y/useFocusableInteractive: the totals are read, not navigated
    <div
      role="row"
      aria-rowindex={count + 2}
      className={classes.row}
      style={{ gridTemplateColumns: template }}
      data-testid="grid-totals"
    >
      {columns.map((column, index) =>
        index === 0 ? (
          // biome-ignore lint/a11y/useFocusableInteractive: the totals are read, not navigated
          // biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid above
          <div
            key={column.key}
            role="rowheader"
            aria-colindex={1}
            className={`${classes.cell} ${classes.frozen}`}
            data-column={column.key}
            title={sums ? `Totals are ${sums}: scroll to load the rest` : undefined}
          >
            <span className={classes.cellText} data-testid="grid-total-count">
              {total.toLocaleString()} {total === 1 ? 'partner' : 'partners'}
              {sums ? ` · ${sums}` : ''}
            </span>
          </div>
        ) : (
          // biome-ignore lint/a11y/useFocusableInteractive: the totals are read, not navigated
          // biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid above
          <div
            key={column.key}
            role="gridcell"
            aria-colindex={index + 1}
            className={`${classes.cell} ${column.sum ? classes.number : ''}`}
            data-column={column.key}
          >
            {column.sum ? formatSum(column, rows, currency) : null}
          </div>
        ),
      )}
    </div>
  );
}

type DataCellProps = {
  column: GridColumn;
  index: number;
  partner: PartnerListRowDto;
  rowIndex: number;
  active: boolean;
  tabbable: boolean;
  overdue: boolean;
  currency: string;
  onFocus(): void;
  /** The user may not edit partners: no cell is editable. */
  readOnly: boolean;
  onStartEditing(): void;
  /** Set while this cell is being edited. */
  editor: ReactNode;
};

function DataCell(props: DataCellProps) {
  const { column, index, partner, rowIndex, active, tabbable, overdue, currency, onFocus, editor } = props;
  const editable = !props.readOnly && isEditable(column.key);
  const numeric = column.kind === 'number' || column.kind === 'money';
  const className = [
    classes.cell,
    index === 0 ? classes.frozen : '',
    column.computed ? classes.computed : '',
    numeric ? classes.number : '',
    overdue ? classes.overdue : '',
    editor ? classes.editing : '',
  ].join(' ');
  const text = formatCell(column, partner, currency);
  const cell = {
    'aria-colindex': index + 1,
    'data-cell': `${rowIndex}:${index}`,
    'data-column': column.key,
    'data-active': active ? '' : undefined,
    'aria-readonly': editable ? undefined : true,
    className,
    onFocus,
    onDoubleClick: editable && !editor ? props.onStartEditing : undefined,
  };
  if (editor) {
    return (
      <div role={index === 0 ? 'rowheader' : 'gridcell'} tabIndex={-1} {...cell}>
        {editor}
      </div>
    );
  }
  if (index === 0) {
    return (
      // biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid
      <div role="rowheader" tabIndex={tabbable ? 0 : -1} {...cell}>
        <Link
          to="/partners/$id"
          params={{ id: partner.id }}
          tabIndex={-1}
          className={classes.nameLink}
          data-testid="partner-name"
        >
          {partner.name}
        </Link>
      </div>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid
    <div role="gridcell" tabIndex={tabbable ? 0 : -1} {...cell} title={text.length > 18 ? text : undefined}>
      <span className={classes.cellText}>{text}</span>
    </div>
  );
}
