import { Modal, Stack, Text, TextInput } from '@mantine/core';
import type { ActionDto } from '@ptrack/contracts';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import { formatDay } from '../../../lib/dates';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { FormActions } from '../../../ui/form-actions';
import { type TouchDirection, TouchFields, type TouchKind } from '../../../ui/touch-fields';
import { cadenceFor, followUpDueFor, useSettings } from '../../settings/hooks/use-settings';
import { useLogTouch } from '../hooks/use-action-mutations';

type Kind = TouchKind;
type Direction = TouchDirection;

type LogTouchDialogProps = { action: ActionDto; today: string; onClose(): void };

/**
 * Logs a touch with the action's rep (or its partner). With a rep, the server completes the rep's open
 * follow-ups and schedules the next at today + the tier's cadence (PRODUCT.md cadence rule); the date
 * shown is that default and can be changed.
 */
export function LogTouchDialog({ action, today, onClose }: LogTouchDialogProps) {
  const settings = useSettings();
  const cadence = cadenceFor(settings.data, action.repTier);
  const suggested = (action.repId && followUpDueFor(settings.data, action.repTier)) || '';
  const [kind, setKind] = useState<Kind>('email');
  const [direction, setDirection] = useState<Direction>('outbound');
  const [summary, setSummary] = useState('');
  const [nextDate, setNextDate] = useState<string | null>(null);
  const logTouch = useLogTouch();
  const date = nextDate ?? suggested;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const subject = action.repId ? { repId: action.repId } : { partnerId: action.partnerId };
    const next = date && date !== suggested ? { dueDate: date } : undefined;
    logTouch.mutate(
      { ...subject, kind, direction, summary: summary.trim() || undefined, next },
      {
        onSuccess: (result) => {
          onClose();
          notifySuccess(
            'Touch logged',
            result.next ? `Next follow-up: ${formatDay(result.next.dueDate)}` : 'No follow-up scheduled.',
          );
        },
        onError: (error) => {
          if (!fieldError(error, 'summary') && !fieldError(error, 'dueDate')) notifyError(error);
        },
      },
    );
  };

  const who = action.repName ? `${action.repName} (${action.partnerName})` : action.partnerName;
  return (
    <Modal opened onClose={onClose} title={`Log touch with ${who}`} size="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TouchFields
            kind={kind}
            direction={direction}
            summary={summary}
            onKind={setKind}
            onDirection={setDirection}
            onSummary={setSummary}
            summaryError={fieldError(logTouch.error, 'summary')}
          />
          <TextInput
            type="date"
            label="Next follow-up"
            description={
              action.repId && cadence !== undefined
                ? `Scheduled at the ${action.repTier ? `Tier ${action.repTier}` : 'Tier 3'} cadence (every ${cadence} days) unless you change it`
                : 'No rep: pick a date to schedule a follow-up, or leave it empty'
            }
            min={today}
            value={date}
            onChange={(e) => setNextDate(e.currentTarget.value)}
            error={fieldError(logTouch.error, 'dueDate')}
          />
          {action.repId && action.type === 'Follow-up' ? (
            <Text size="sm" c="gray.7">
              This completes the open follow-up with {action.repName}.
            </Text>
          ) : null}
          <FormActions submitLabel="Log touch" loading={logTouch.isPending} onCancel={onClose} spaced />
        </Stack>
      </form>
    </Modal>
  );
}
