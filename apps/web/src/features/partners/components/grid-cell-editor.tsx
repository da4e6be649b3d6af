import { Loader, Popover } from '@mantine/core';
import type { PartnerDto, PartnerListRowDto } from '@ptrack/contracts';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, fieldError } from '../../../api/client';
import { notifyError } from '../../../lib/notify';
import { ConflictDialog } from '../../../ui/conflict-dialog';
import { type EditableField, editorOf, optionsOf } from '../cell-edit';
import type { GridColumn } from '../grid-columns';
import { useEditCell } from '../hooks/use-edit-cell';
import classes from './partner-grid.module.css';

type GridCellEditorProps = {
  column: GridColumn;
  field: EditableField;
  partner: PartnerListRowDto;
  optionLists: Record<string, string[]> | undefined;
  /** Editing ended (saved, kept theirs or cancelled): focus the cell `move` columns to the right. */
  onClose(move: number): void;
};

/**
 * The editor inside one grid cell: Enter saves, Tab saves and moves on, Escape cancels. A field problem
 * (blank name, duplicate name) is shown at the cell and keeps the editor open; a stale version opens
 * the conflict dialog, so another person's change is never overwritten silently.
 */
export function GridCellEditor({ column, field, partner, optionLists, onClose }: GridCellEditorProps) {
  const initial = partner[field] ?? '';
  const [text, setText] = useState(initial);
  const [conflict, setConflict] = useState<{ current: PartnerDto; move: number } | null>(null);
  const edit = useEditCell();
  const inputRef = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const messageId = useId();
  const editor = editorOf(field);
  const message = fieldError(edit.error, field);

  useEffect(() => {
    inputRef.current?.focus();
    if (inputRef.current instanceof HTMLInputElement) inputRef.current.select();
  }, []);

  const save = (move: number, version = partner.version) => {
    if (edit.isPending) return;
    if (text.trim() === initial && version === partner.version) return onClose(move);
    edit.mutate(
      { id: partner.id, field, text, version },
      {
        onSuccess: () => {
          setConflict(null);
          onClose(move);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT' && error.current) {
            setConflict({ current: error.current as PartnerDto, move });
          } else if (!fieldError(error, field)) {
            setConflict(null);
            notifyError(error);
          }
        },
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // The grid's own keys (arrows, Enter opens…) must not act while a cell is being edited.
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      save(0);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      save(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (!edit.isPending) onClose(0);
    }
  };

  const common = {
    ref: inputRef,
    className: classes.editor,
    'aria-label': `Edit ${column.label} of ${partner.name}`,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': message ? messageId : undefined,
    'aria-busy': edit.isPending,
    'data-testid': 'cell-editor',
    onKeyDown,
  };
  return (
    <>
      <Popover opened={!!message} position="bottom-start" withArrow shadow="md" withinPortal transitionProps={{ duration: 0 }}>
        <Popover.Target>
          {editor.kind === 'select' ? (
            <select {...common} value={text} disabled={edit.isPending} onChange={(e) => setText(e.currentTarget.value)}>
              <option value="">(none)</option>
              {optionsOf(optionLists, editor.optionList, partner[field]).map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          ) : (
            <input
              {...common}
              type="text"
              value={text}
              readOnly={edit.isPending}
              required={editor.required}
              onChange={(e) => setText(e.currentTarget.value)}
            />
          )}
        </Popover.Target>
        <Popover.Dropdown id={messageId} role="alert" className={classes.editorError} data-testid="cell-error">
          {column.label}: {message}
        </Popover.Dropdown>
      </Popover>
      {edit.isPending ? <Loader size={14} aria-label="Saving" className={classes.saving} /> : null}
      {conflict ? (
        <ConflictDialog
          title={`Someone changed ${partner.name} since you loaded it`}
          intro="Your edit was not saved. Choose which value to keep:"
          columns={['theirs', 'mine']}
          headers={{ theirs: 'Theirs (saved now)' }}
          rows={[{ key: field, label: column.label, theirs: conflict.current[field] ?? '', mine: text.trim() }]}
          applying={edit.isPending}
          onKeepTheirs={() => {
            edit.applyRecord(conflict.current);
            setConflict(null);
            onClose(0);
          }}
          onApply={() => save(conflict.move, conflict.current.version)}
          onClose={() => setConflict(null)}
        />
      ) : null}
    </>
  );
}
