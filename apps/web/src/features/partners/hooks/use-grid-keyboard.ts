import type { PartnerListRowDto } from '@ptrack/contracts';
import { useNavigate } from '@tanstack/react-router';
import type { VirtualItem, Virtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { isEditable } from '../cell-edit';
import type { GridColumn } from '../grid-columns';
import { type Cell, gridKey, pageRows } from '../grid-keys';

type GridKeyboardInput = {
  columns: GridColumn[];
  rows: PartnerListRowDto[];
  canEdit: boolean;
  /** Changes whenever the list does (view, search, sort): back to the top-left. */
  listKey: string;
  scrollRef: RefObject<HTMLDivElement | null>;
  gridRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  items: VirtualItem[];
  rowHeight: number;
  headHeight: number;
};

/**
 * The grid's focus and keyboard: one active cell with a roving tabindex, arrow keys, Home/End, Page
 * Up/Down, Enter opening the partner (on the name) or editing the cell, F2 editing. A cell that is not
 * rendered yet (virtualised away) is scrolled to first and focused once it is.
 */
export function useGridKeyboard(input: GridKeyboardInput) {
  const { columns, rows, canEdit, scrollRef, gridRef, virtualizer, items } = input;
  const navigate = useNavigate();
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<Cell | null>(null);
  const pendingFocus = useRef(false);

  // Another view, search or sort: back to the top-left of the new list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the list changes, by design
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setEditing(null);
    setActive((a) => ({ row: 0, col: a.col }));
  }, [input.listKey]);

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

  const lastCol = columns.length - 1;
  const col = Math.min(active.col, lastCol);
  const renderedRows = new Set(items.map((i) => i.index));
  // Roving tabindex: Tab enters the grid at the active cell, or the first row on screen if it scrolled away.
  const tabRow = renderedRows.has(active.row) ? active.row : (items.find((i) => i.index < rows.length)?.index ?? 0);

  const moveTo = (to: Cell) => {
    pendingFocus.current = true;
    setActive(to);
  };
  const startEditing = (row: number, column: number) => {
    const key = columns[column]?.key;
    if (!canEdit || !rows[row] || !key || !isEditable(key)) return false;
    setActive({ row, col: column });
    setEditing({ row, col: column });
    return true;
  };
  /** Editing ended: focus the cell `move` columns to the right of the one edited. */
  const stopEditing = (move: number) => {
    if (!editing) return;
    setEditing(null);
    moveTo({ row: editing.row, col: Math.min(Math.max(editing.col + move, 0), lastCol) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.target as HTMLElement).dataset.cell) return;
    const page = pageRows(scrollRef.current?.clientHeight ?? 400, input.rowHeight, input.headHeight);
    const result = gridKey({
      key: event.key,
      jump: event.ctrlKey || event.metaKey,
      active,
      rows: rows.length,
      cols: columns.length,
      page,
    });
    if (!result) return;
    if (result.kind === 'move') moveTo(result.to);
    else if (result.kind === 'edit') {
      if (!startEditing(active.row, col)) return;
    } else {
      const partner = rows[active.row];
      if (!partner) return;
      void navigate({ to: '/partners/$id', params: { id: partner.id } });
    }
    event.preventDefault();
  };

  const isEditing = (row: number, column: number) => editing?.row === row && editing.col === column;
  return { active: { row: active.row, col }, tabRow, setActive, startEditing, stopEditing, isEditing, onKeyDown };
}
