// The grid's keyboard (ARIA grid pattern): what a key does from the active cell. Pure, so the moves
// are tested without a browser; the hook `useGridKeyboard` applies them.

export type Cell = { row: number; col: number };

export type GridKeyResult =
  /** Focus this cell (already clamped to the loaded rows and the columns). */
  | { kind: 'move'; to: Cell }
  /** Edit the active cell (F2, or Enter outside the name column). */
  | { kind: 'edit' }
  /** Open the active row's partner (Enter on the name). */
  | { kind: 'open' }
  /** Not a grid key: let the browser have it. */
  | null;

export type GridKeyInput = {
  key: string;
  /** Ctrl or Cmd held: Home and End go to the first and last row too. */
  jump: boolean;
  active: Cell;
  /** Rows loaded (at least 1) and columns in the grid. */
  rows: number;
  cols: number;
  /** Rows a Page Up/Down moves: a screenful. */
  page: number;
};

export function gridKey({ key, jump, active, rows, cols, page }: GridKeyInput): GridKeyResult {
  const lastRow = Math.max(rows, 1) - 1;
  const lastCol = cols - 1;
  const col = Math.min(active.col, lastCol);
  const move = (row: number, column: number): GridKeyResult => ({
    kind: 'move',
    to: { row: Math.min(Math.max(row, 0), lastRow), col: Math.min(Math.max(column, 0), lastCol) },
  });
  const { row } = active;
  switch (key) {
    case 'ArrowDown':
      return move(row + 1, col);
    case 'ArrowUp':
      return move(row - 1, col);
    case 'ArrowRight':
      return move(row, col + 1);
    case 'ArrowLeft':
      return move(row, col - 1);
    case 'PageDown':
      return move(row + page, col);
    case 'PageUp':
      return move(row - page, col);
    case 'Home':
      return move(jump ? 0 : row, 0);
    case 'End':
      return move(jump ? lastRow : row, lastCol);
    case 'F2':
      return { kind: 'edit' };
    case 'Enter':
      return col === 0 ? { kind: 'open' } : { kind: 'edit' };
    default:
      return null;
  }
}

/** Rows a Page Up/Down moves in a scroller `height` pixels high (head and one row kept in view). */
export function pageRows(height: number, rowHeight: number, headHeight: number): number {
  return Math.max(1, Math.floor((height - headHeight - rowHeight) / rowHeight));
}
