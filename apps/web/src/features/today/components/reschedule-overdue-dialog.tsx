import { Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import type { RescheduleOverdueResponse } from '@ptrack/contracts';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import { formatDay } from '../../../lib/dates';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { FormActions } from '../../../ui/form-actions';
import { useRescheduleOverdue } from '../hooks/use-action-mutations';

type Props = { count: number; today: string; onClose(): void };

/** What a reschedule did: how many actions moved, to which day or span of days. */
function movedText({ moved, firstDate, lastDate }: RescheduleOverdueResponse): string {
  if (moved === 0 || firstDate === null) return 'Nothing was overdue.';
  const span = lastDate !== null && lastDate !== firstDate ? ` – ${formatDay(lastDate)}` : '';
  return `${moved} ${moved === 1 ? 'action' : 'actions'} moved to ${formatDay(firstDate)}${span}.`;
}

/**
 * Moves the whole overdue backlog at once (issue 14: an imported sheet's stale "Next Activity" dates
 * buried what is due today), optionally spread a few a working day so no day is swamped.
 */
export function RescheduleOverdueDialog({ count, today, onClose }: Props) {
  const [startDate, setStartDate] = useState(today);
  const [perDay, setPerDay] = useState<number | string>(5);
  const reschedule = useRescheduleOverdue();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const spread = typeof perDay === 'number' && perDay > 0 ? { perDay } : {};
    reschedule.mutateAsync({ startDate, ...spread }).then(
      (result) => {
        onClose();
        notifySuccess('Overdue rescheduled', movedText(result));
      },
      (error: unknown) => {
        if (!fieldError(error, 'startDate') && !fieldError(error, 'perDay')) notifyError(error);
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={`Reschedule ${count} overdue ${count === 1 ? 'action' : 'actions'}`} size="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">Oldest first, from the first working day on or after the start. Each move is kept in the history.</Text>
          <TextInput
            type="date"
            label="Start on"
            min={today}
            value={startDate}
            onChange={(e) => setStartDate(e.currentTarget.value)}
            error={fieldError(reschedule.error, 'startDate')}
            data-autofocus
          />
          <NumberInput
            label="At most per working day"
            description="Leave empty to move them all to the start day"
            min={1}
            max={500}
            allowDecimal={false}
            value={perDay}
            onChange={setPerDay}
            error={fieldError(reschedule.error, 'perDay')}
          />
          <FormActions submitLabel="Reschedule" loading={reschedule.isPending} onCancel={onClose} spaced />
        </Stack>
      </form>
    </Modal>
  );
}
