import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GridKeyInput, gridKey, pageRows } from './grid-keys';

const at = (row: number, col: number, over: Partial<GridKeyInput> = {}): GridKeyInput => ({
  key: 'ArrowDown',
  jump: false,
  active: { row, col },
  rows: 50,
  cols: 6,
  page: 10,
  ...over,
});

describe('the grid keyboard', () => {
  it('moves one cell with the arrows, a screenful with Page Up/Down, to the row ends with Home/End', () => {
    expect(gridKey(at(3, 2, { key: 'ArrowDown' }))).toEqual({ kind: 'move', to: { row: 4, col: 2 } });
    expect(gridKey(at(3, 2, { key: 'ArrowUp' }))).toEqual({ kind: 'move', to: { row: 2, col: 2 } });
    expect(gridKey(at(3, 2, { key: 'ArrowRight' }))).toEqual({ kind: 'move', to: { row: 3, col: 3 } });
    expect(gridKey(at(3, 2, { key: 'ArrowLeft' }))).toEqual({ kind: 'move', to: { row: 3, col: 1 } });
    expect(gridKey(at(3, 2, { key: 'PageDown' }))).toEqual({ kind: 'move', to: { row: 13, col: 2 } });
    expect(gridKey(at(3, 2, { key: 'PageUp' }))).toEqual({ kind: 'move', to: { row: 0, col: 2 } });
    expect(gridKey(at(3, 2, { key: 'Home' }))).toEqual({ kind: 'move', to: { row: 3, col: 0 } });
    expect(gridKey(at(3, 2, { key: 'End' }))).toEqual({ kind: 'move', to: { row: 3, col: 5 } });
  });

  it('goes to the first or last loaded row with Ctrl/Cmd+Home/End', () => {
    expect(gridKey(at(3, 2, { key: 'Home', jump: true }))).toEqual({ kind: 'move', to: { row: 0, col: 0 } });
    expect(gridKey(at(3, 2, { key: 'End', jump: true }))).toEqual({ kind: 'move', to: { row: 49, col: 5 } });
  });

  it('opens the partner with Enter on the name, edits with Enter elsewhere or F2, and leaves other keys alone', () => {
    expect(gridKey(at(3, 0, { key: 'Enter' }))).toEqual({ kind: 'open' });
    expect(gridKey(at(3, 1, { key: 'Enter' }))).toEqual({ kind: 'edit' });
    expect(gridKey(at(3, 0, { key: 'F2' }))).toEqual({ kind: 'edit' });
    expect(gridKey(at(3, 0, { key: 'a' }))).toBeNull();
    expect(gridKey(at(3, 0, { key: 'Tab' }))).toBeNull();
  });

  it('never leaves the loaded rows or the columns, whatever the key and start', () => {
    const keys = ['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'PageDown', 'PageUp', 'Home', 'End'];
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.boolean(),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 40 }),
        (key, jump, rows, cols, row, col) => {
          const result = gridKey({ key, jump, active: { row, col }, rows, cols, page: 12 });
          if (result?.kind !== 'move') throw new Error(`${key} should move`);
          expect(result.to.row).toBeGreaterThanOrEqual(0);
          expect(result.to.row).toBeLessThanOrEqual(Math.max(rows, 1) - 1);
          expect(result.to.col).toBeGreaterThanOrEqual(0);
          expect(result.to.col).toBeLessThanOrEqual(cols - 1);
        },
      ),
    );
  });

  it('pages by the rows that fit under the header, at least one', () => {
    expect(pageRows(400, 36, 40)).toBe(9);
    expect(pageRows(50, 36, 40)).toBe(1);
  });
});
