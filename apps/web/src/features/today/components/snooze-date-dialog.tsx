import { Modal, Stack, TextInput } from '@mantine/core';
import type { ActionDto } from '@ptrack/contracts';
import { type FormEvent, useState } from 'react';
import { addDays } from '../../../lib/dates';
import { FormActions } from '../../../ui/form-actions';

type SnoozeDateDialogProps = {
  action: ActionDto;
  today: string;
  busy: boolean;
  error: string | undefined;
  onSnooze(until: string): void;
  onClose(): void;
};

/** "Pick a date" for Snooze: any day after today. */
export function SnoozeDateDialog({ action, today, busy, error, onSnooze, onClose }: SnoozeDateDialogProps) {
  const [until, setUntil] = useState(addDays(today, 14));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSnooze(until);
  };
  return (
    <Modal opened onClose={onClose} title={`Snooze ${action.type} with ${action.repName ?? action.partnerName}`} size="sm">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput
            type="date"
            label="Until"
            min={addDays(today, 1)}
            value={until}
            onChange={(e) => setUntil(e.currentTarget.value)}
            error={error}
            required
            data-autofocus
          />
          <FormActions submitLabel="Snooze" loading={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
