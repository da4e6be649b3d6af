import { Modal, Select, Stack, Text } from '@mantine/core';
import type { PartnerDto, RepDto } from '@ptrack/contracts';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import { formatDay } from '../../../lib/dates';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { FormActions } from '../../../ui/form-actions';
import { type TouchDirection, TouchFields, type TouchKind } from '../../../ui/touch-fields';
import { useReviewLogTouch } from '../hooks/use-review';

type Kind = TouchKind;
type Direction = TouchDirection;

const NO_REP = '';

type Props = { partner: PartnerDto; reps: RepDto[]; onClose(): void };

/**
 * Logs a touch with the partner or one of its reps, happening now. With a rep the server completes that
 * rep's open follow-up and schedules the next at the tier's cadence (PRODUCT.md cadence rule).
 */
export function ReviewLogTouchDialog({ partner, reps, onClose }: Props) {
  const [kind, setKind] = useState<Kind>('email');
  const [direction, setDirection] = useState<Direction>('outbound');
  const [repId, setRepId] = useState<string>(NO_REP);
  const [summary, setSummary] = useState('');
  const logTouch = useReviewLogTouch(partner.id);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const subject = repId === NO_REP ? { partnerId: partner.id } : { partnerId: partner.id, repId };
    logTouch.mutate(
      { ...subject, kind, direction, summary: summary.trim() || undefined },
      {
        onSuccess: (result) => {
          onClose();
          notifySuccess(
            'Touch logged',
            result.next ? `Next follow-up: ${formatDay(result.next.dueDate)}` : 'No follow-up was scheduled.',
          );
        },
        onError: (error) => {
          if (!fieldError(error, 'summary') && !fieldError(error, 'repId')) notifyError(error);
        },
      },
    );
  };

  const rep = reps.find((r) => r.id === repId);
  return (
    <Modal opened onClose={onClose} title={`Log touch with ${partner.name}`} size="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Select
            label="With"
            data={[{ value: NO_REP, label: 'The partner (no rep)' }, ...reps.map((r) => ({ value: r.id, label: r.name }))]}
            value={repId}
            onChange={(value) => setRepId(value ?? NO_REP)}
            allowDeselect={false}
            searchable={reps.length > 8}
            error={fieldError(logTouch.error, 'repId')}
            data-autofocus
          />
          <TouchFields
            kind={kind}
            direction={direction}
            summary={summary}
            onKind={setKind}
            onDirection={setDirection}
            onSummary={setSummary}
            summaryError={fieldError(logTouch.error, 'summary')}
          />
          {rep ? (
            <Text size="sm" c="gray.7">
              This completes {rep.name}'s open follow-up and schedules the next one in {rep.cadenceDays} days.
            </Text>
          ) : null}
          <FormActions submitLabel="Log touch" loading={logTouch.isPending} onCancel={onClose} spaced />
        </Stack>
      </form>
    </Modal>
  );
}
