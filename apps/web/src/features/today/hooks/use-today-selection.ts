import { useHotkeys } from '@mantine/hooks';
import type { TodayActionDto } from '@ptrack/contracts';
import { useEffect, useRef, useState } from 'react';

type TodaySelectionInput = {
  /** The rows in list order (due today, then overdue). */
  items: TodayActionDto[];
  /** No dialog or menu is open: the single-key shortcuts apply. */
  idle: boolean;
  canWrite: boolean;
  onDone(action: TodayActionDto): void;
  onLogTouch(action: TodayActionDto): void;
  onSnooze(action: TodayActionDto): void;
};

/**
 * The selected row of Today and its keys: j/k move (the focus follows, so screen readers do too), d, l
 * and s open Done, Log touch and Snooze on it. Keys are ignored while typing in a field (useHotkeys
 * skips inputs) or with a dialog open.
 */
export function useTodaySelection({ items, idle, canWrite, onDone, onLogTouch, onSnooze }: TodaySelectionInput) {
  const [selected, setSelected] = useState(0);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  const moved = useRef(false);
  const index = Math.min(selected, Math.max(items.length - 1, 0));
  const current = items[index];

  useEffect(() => {
    if (!moved.current || !current) return;
    moved.current = false;
    const row = rowRefs.current.get(current.id);
    row?.focus();
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  const move = (delta: number) => {
    if (!idle || items.length === 0) return;
    moved.current = true;
    setSelected(Math.min(Math.max(index + delta, 0), items.length - 1));
  };
  const onCurrent = (open: (action: TodayActionDto) => void) => () => {
    if (canWrite && idle && current) open(current);
  };
  useHotkeys([
    ['j', () => move(1)],
    ['k', () => move(-1)],
    ['d', onCurrent(onDone)],
    ['l', onCurrent(onLogTouch)],
    ['s', onCurrent(onSnooze)],
  ]);

  /** The ref callback of a row, so j/k can focus it. */
  const rowRef = (id: string) => (el: HTMLLIElement | null) => {
    if (el) rowRefs.current.set(id, el);
    else rowRefs.current.delete(id);
  };
  const select = (action: TodayActionDto) => setSelected(items.indexOf(action));
  return { isSelected: (action: TodayActionDto) => items.indexOf(action) === index, select, rowRef };
}
