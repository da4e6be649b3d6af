import type { PartnerListRowDto } from '@ptrack/contracts';
import { Link, useNavigate } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useCan } from '../../auth/hooks/use-session';
import { isEditable } from '../cell-edit';
import { formatCell, formatSum } from '../format-cell';
import type { GridColumn } from '../grid-columns';
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

type Cell = { row: number; col: number };

export function PartnerGrid(props: PartnerGridProps) {
  const { columns, rows, total, currency, sort, hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<Cell | null>(null);
  const canEdit = useCan('partners:write');
  const pendingFocus = useRef(false);

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

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisible >= rows.length - PREFETCH_ROWS) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastVisible, rows.length, fetchNextPage]);

  // Another view, search or sort: back to the top-left of the new list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the list changes, by design
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setEditing(null);
    setActive((a) => ({ row: 0, col: a.col }));
  }, [props.listKey]);

  // Keyboard moves focus to a cell that may not be rendered yet: scroll to it, then focus once it is.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-checked after every scroll (items)
  useEffect(() => {
    if (!pendingFocus.current) return;
    const el = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${active.row}:${active.col}"]`);
    if (el) {
      pendingFocus.current = false;
      el.focus();
    } else {
      virtualizer.scrollToIndex(active.row, { align: 'auto' });
    }
  }, [active, items]);

  const loaded = Math.max(rows.length, 1);
  const lastCol = columns.length - 1;
  const col = Math.min(active.col, lastCol);
  const renderedRows = new Set(items.map((i) => i.index));
  // Roving tabindex: Tab enters the grid at the active cell, or the first row on screen if it scrolled away.
  const tabRow = renderedRows.has(active.row) ? active.row : (items.find((i) => i.index < rows.length)?.index ?? 0);

  const moveTo = (row: number, column: number) => {
    pendingFocus.current = true;
    setActive({ row: Math.min(Math.max(row, 0), loaded - 1), col: Math.min(Math.max(column, 0), lastCol) });
  };

  const startEditing = (row: number, column: number) => {
    const key = columns[column]?.key;
    if (!canEdit || !rows[row] || !key || !isEditable(key)) return false;
    setActive({ row, col: column });
    setEditing({ row, col: column });
    return true;
  };
  const stopEditing = (move: number) => {
    if (!editing) return;
    setEditing(null);
    moveTo(editing.row, editing.col + move);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!target.dataset.cell) return;
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - HEAD_HEIGHT - ROW_HEIGHT) / ROW_HEIGHT));
    const { row } = active;
    const jump = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(row + 1, col);
        break;
      case 'ArrowUp':
        moveTo(row - 1, col);
        break;
      case 'ArrowRight':
        moveTo(row, col + 1);
        break;
      case 'ArrowLeft':
        moveTo(row, col - 1);
        break;
      case 'PageDown':
        moveTo(row + page, col);
        break;
      case 'PageUp':
        moveTo(row - page, col);
        break;
      case 'Home':
        moveTo(jump ? 0 : row, 0);
        break;
      case 'End':
        moveTo(jump ? loaded - 1 : row, lastCol);
        break;
      case 'F2':
        if (!startEditing(row, col)) return;
        break;
      case 'Enter': {
        const partner = rows[row];
        if (col !== 0) {
          if (!startEditing(row, col)) return;
          break;
        }
        if (!partner) return;
        void navigate({ to: '/partners/$id', params: { id: partner.id } });
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  const template = columns.map((c) => `${c.width}px`).join(' ');
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  const sums = rows.length < total ? `sums of the ${rows.length.toLocaleString()} loaded` : null;
  const sortOf = (key: string) => (sort[0]?.field === key ? sort[0].dir : undefined);

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
        onKeyDown={onKeyDown}
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
          {items.map((item) => {
            const partner = rows[item.index];
            return (
              // biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid above
              // biome-ignore lint/a11y/useFocusableInteractive: rows are not focus stops; their cells are
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-row-index={item.index}
                data-testid={partner ? 'partner-row' : 'partner-row-loading'}
                className={classes.row}
                style={{
                  gridTemplateColumns: template,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start - HEAD_HEIGHT}px)`,
                }}
              >
                {partner ? (
                  columns.map((column, index) => (
                    <DataCell
                      key={column.key}
                      column={column}
                      index={index}
                      partner={partner}
                      rowIndex={item.index}
                      active={item.index === active.row && index === col}
                      tabbable={item.index === tabRow && index === col}
                      overdue={
                        column.key === 'nextActionDate' &&
                        !!props.today &&
                        !!partner.nextActionDate &&
                        partner.nextActionDate < props.today
                      }
                      currency={currency}
                      onFocus={() => setActive({ row: item.index, col: index })}
                      readOnly={!canEdit}
                      onStartEditing={() => startEditing(item.index, index)}
                      editor={
                        editing?.row === item.index && editing.col === index && isEditable(column.key) ? (
                          <GridCellEditor
                            column={column}
                            field={column.key}
                            partner={partner}
                            optionLists={props.optionLists}
                            onClose={stopEditing}
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
          })}
          {count === 0 ? <div className={classes.empty}>No partners in this view.</div> : null}
        </div>

        {/* biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid above */}
        <div role="rowgroup" className={classes.foot}>
          {/* biome-ignore lint/a11y/useSemanticElements: part of the ARIA grid above */}
          {/* biome-ignore lint/a11y/useFocusableInteractive: the totals are read, not navigated */}
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
        </div>
      </div>
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
