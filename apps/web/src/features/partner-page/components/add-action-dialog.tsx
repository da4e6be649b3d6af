import { Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import { addDays, formatDay } from '../../../lib/dates';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { FormActions } from '../../../ui/form-actions';
import { RepSelect } from '../../../ui/rep-select';
import { actionTypesOf, useSettings } from '../../settings/hooks/use-settings';
import { useCreateAction } from '../hooks/use-partner-page';
import type { AddRecordDialogProps } from './add-record-dialog-props';
import { NotesTextarea } from './notes-textarea';

/** Plans a next step (docs/RULES.md Action): it shows on Today when due. */
export function AddActionDialog({ partnerId, title, reps, repId: fixedRep, today, onClose }: AddRecordDialogProps) {
  const settings = useSettings();
  const types = actionTypesOf(settings.data);
  const [repId, setRepId] = useState(fixedRep ?? '');
  const [type, setType] = useState(types[0] ?? 'Follow-up');
  const [dueDate, setDueDate] = useState(addDays(today, 7));
  const [notes, setNotes] = useState('');
  const create = useCreateAction();
  const err = (field: string) => fieldError(create.error, field);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // mutateAsync: the next-steps card that may hold this dialog goes away once a touch is planned.
    create.mutateAsync({ partnerId, repId: repId || null, type, dueDate, notes: notes.trim() || undefined }).then(
      (action) => {
        onClose();
        notifySuccess('Action added', `${action.type} due ${formatDay(action.dueDate)}`);
      },
      (error: unknown) => {
        if (!['type', 'dueDate', 'notes', 'repId'].some(err)) notifyError(error);
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Add an action for ${title}`} size="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {fixedRep ? null : <RepSelect reps={reps} value={repId} onChange={setRepId} error={err('repId')} />}
          <NativeSelect
            label="Type"
            data={types.includes(type) ? types : [type, ...types]}
            value={type}
            onChange={(e) => setType(e.currentTarget.value)}
            error={err('type')}
            data-autofocus
          />
          <TextInput
            label="Due"
            type="date"
            withAsterisk
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={err('dueDate')}
          />
          <NotesTextarea value={notes} onChange={setNotes} error={err('notes')} />
          <FormActions submitLabel="Add action" loading={create.isPending} onCancel={onClose} spaced />
        </Stack>
      </form>
    </Modal>
  );
}
