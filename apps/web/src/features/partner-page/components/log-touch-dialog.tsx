import { Checkbox, Modal, Stack, TextInput } from '@mantine/core';
import type { RepDto } from '@ptrack/contracts';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import { formatDay } from '../../../lib/dates';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { FormActions } from '../../../ui/form-actions';
import { type TouchDirection, TouchFields, type TouchKind } from '../../../ui/touch-fields';
import { cadenceFor, followUpDueFor, useSettings } from '../../settings/hooks/use-settings';
import { useLogPartnerTouch } from '../hooks/use-partner-page';
import { RepSelect } from './rep-select';

type Kind = TouchKind;
type Direction = TouchDirection;

type LogTouchDialogProps = {
  partnerId: string;
  title: string;
  reps: RepDto[];
  /** The rep preselected (the rep page); the partner page starts with none. */
  repId?: string;
  today: string;
  onClose(): void;
};

/**
 * Logs a touch now. With a rep, the server completes the rep's open follow-ups and schedules the next
 * at today + the tier's cadence (PRODUCT.md cadence rule) unless another date is picked here.
 */
export function LogTouchDialog({ partnerId, title, reps, repId: fixedRep, today, onClose }: LogTouchDialogProps) {
  const settings = useSettings();
  const [repId, setRepId] = useState(fixedRep ?? '');
  const [kind, setKind] = useState<Kind>('email');
  const [direction, setDirection] = useState<Direction>('outbound');
  const [summary, setSummary] = useState('');
  const [nextDate, setNextDate] = useState<string | null>(null);
  const [skip, setSkip] = useState(false);
  const logTouch = useLogPartnerTouch();
  const rep = reps.find((r) => r.id === repId) ?? null;
  const cadence = rep ? cadenceFor(settings.data, rep.engagementTier) : undefined;
  const suggested = (rep && followUpDueFor(settings.data, rep.engagementTier)) || '';
  const date = nextDate ?? suggested;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = skip ? { skip: true } : date && date !== suggested ? { dueDate: date } : undefined;
    logTouch.mutate(
      { partnerId, repId: repId || null, kind, direction, summary: summary.trim() || undefined, next },
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

  return (
    <Modal opened onClose={onClose} title={`Log a touch with ${title}`} size="md">
      <form onSubmit={onSubmit} noValidate data-testid="log-touch-form">
        <Stack gap="sm">
          {fixedRep ? null : (
            <RepSelect
              reps={reps}
              value={repId}
              onChange={(id) => {
                setRepId(id);
                setNextDate(null);
              }}
            />
          )}
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
              rep && cadence !== undefined
                ? `At the ${rep.engagementTier ? `Tier ${rep.engagementTier}` : 'Tier 3'} cadence (every ${cadence} days) unless you change it`
                : 'No rep: pick a date to schedule a follow-up, or leave it empty'
            }
            min={today}
            value={date}
            disabled={skip}
            onChange={(e) => setNextDate(e.currentTarget.value)}
            error={fieldError(logTouch.error, 'dueDate')}
          />
          {rep ? (
            <Checkbox label="Schedule no follow-up" checked={skip} onChange={(e) => setSkip(e.currentTarget.checked)} />
          ) : null}
          <FormActions submitLabel="Log touch" loading={logTouch.isPending} onCancel={onClose} spaced />
        </Stack>
      </form>
    </Modal>
  );
}
