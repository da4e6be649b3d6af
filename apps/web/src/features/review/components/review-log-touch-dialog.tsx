import { Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import type { LogTouchRequest, PartnerDto, RepDto } from '@ptrack/contracts';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import { formatDay } from '../../../lib/dates';
import { TOUCH_KIND_OPTIONS } from '../../../lib/labels';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useReviewLogTouch } from '../hooks/use-review';

type Kind = LogTouchRequest['kind'];
type Direction = LogTouchRequest['direction'];

const KINDS = TOUCH_KIND_OPTIONS;
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
          <Select
            label="Kind"
            data={KINDS}
            value={kind}
            onChange={(value) => setKind((value as Kind | null) ?? 'email')}
            allowDeselect={false}
          />
          <Radio.Group label="Direction" value={direction} onChange={(value) => setDirection(value as Direction)}>
            <Group gap="lg" mt={4}>
              <Radio value="outbound" label="We reached out" />
              <Radio value="inbound" label="They replied or reached out" />
            </Group>
          </Radio.Group>
          <Textarea
            label="Note"
            placeholder="What happened"
            autosize
            minRows={2}
            maxRows={6}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={fieldError(logTouch.error, 'summary')}
          />
          {rep ? (
            <Text size="sm" c="gray.7">
              This completes {rep.name}'s open follow-up and schedules the next one in {rep.cadenceDays} days.
            </Text>
          ) : null}
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={logTouch.isPending}>
              Log touch
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
