import { Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { TodayActionDto } from '@ptrack/contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import { fieldError } from '../../../api/client';
import { addDays, formatDay } from '../../../lib/dates';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { FormActions } from '../../../ui/form-actions';
import { RepSelect } from '../../../ui/rep-select';
import { TouchFields } from '../../../ui/touch-fields';
import { actionTypesOf, useSettings } from '../../settings/hooks/use-settings';
import { useCompleteAction, useLogTouch } from '../hooks/use-touch-mutations';
import {
  choosesRep,
  completeRequest,
  EMPTY_TOUCH,
  followUpHint,
  logTouchRequest,
  nextActionHint,
  partnerIdOf,
  repOf,
  SHOWN_FIELDS,
  suggestedDateOf,
  type TouchDraft,
  type TouchOpening,
  type TouchRep,
  titleOf,
} from '../touch-opening';

type LogTouchDialogProps = {
  opening: TouchOpening;
  /** The workspace's today: no follow-up before it. */
  today?: string | undefined;
  onClose(): void;
};

const showsOnlyKnownFields = (error: unknown, fields: readonly string[]) => !fields.some((f) => fieldError(error, f));

/**
 * The one "Log touch" dialog, wherever it opens (see `TouchOpening`). A touch with a rep makes the
 * server complete that rep's open follow-ups and schedule the next at today + the tier's cadence
 * (docs/RULES.md cadence rule); the date shown is that default, and another date or none can be picked.
 * Opened from Done, it completes the action, optionally logs what happened, and confirms the next action.
 */
export function LogTouchDialog({ opening, today, onClose }: LogTouchDialogProps) {
  const [draft, setDraft] = useState<TouchDraft>(EMPTY_TOUCH);
  const [chosenRep, setChosenRep] = useState('');
  const [nextDate, setNextDate] = useState<string | null>(null);
  const rep = repOf(opening, chosenRep);
  const suggested = suggestedDateOf(rep);
  const schedule = { date: nextDate ?? suggested, suggested, setDate: setNextDate };
  const body =
    opening.from === 'done' ? (
      <DoneForm
        action={opening.action}
        rep={rep}
        draft={draft}
        onDraft={setDraft}
        schedule={schedule}
        today={today}
        onClose={onClose}
      />
    ) : (
      <TouchForm
        partnerId={partnerIdOf(opening)}
        rep={rep}
        draft={draft}
        onDraft={setDraft}
        schedule={schedule}
        today={today}
        onClose={onClose}
        repChooser={
          choosesRep(opening) ? (
            <RepSelect
              reps={opening.reps}
              value={chosenRep}
              onChange={(id) => {
                setChosenRep(id);
                setNextDate(null);
              }}
            />
          ) : null
        }
      />
    );
  return (
    <Modal opened onClose={onClose} title={titleOf(opening)} size="md">
      {body}
    </Modal>
  );
}

type Schedule = { date: string; suggested: string; setDate(date: string): void };

type FormProps = {
  rep: TouchRep | null;
  draft: TouchDraft;
  onDraft(draft: TouchDraft): void;
  schedule: Schedule;
  today: string | undefined;
  onClose(): void;
};

function DraftFields({ draft, onDraft, error }: { draft: TouchDraft; onDraft(draft: TouchDraft): void; error?: string }) {
  return (
    <TouchFields
      kind={draft.kind}
      direction={draft.direction}
      summary={draft.summary}
      onKind={(kind) => onDraft({ ...draft, kind })}
      onDirection={(direction) => onDraft({ ...draft, direction })}
      onSummary={(summary) => onDraft({ ...draft, summary })}
      summaryError={error}
    />
  );
}

/** A touch logged now, with the next follow-up it schedules. */
function TouchForm({
  partnerId,
  rep,
  draft,
  onDraft,
  schedule,
  today,
  onClose,
  repChooser,
}: FormProps & {
  partnerId: string;
  repChooser: ReactNode;
}) {
  const [skip, setSkip] = useState(false);
  const logTouch = useLogTouch();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    logTouch.mutate(logTouchRequest(partnerId, rep, draft, { ...schedule, skip }), {
      onSuccess: (result) => {
        onClose();
        notifySuccess(
          'Touch logged',
          result.next ? `Next follow-up: ${formatDay(result.next.dueDate)}` : 'No follow-up scheduled.',
        );
      },
      onError: (error) => {
        if (showsOnlyKnownFields(error, SHOWN_FIELDS.touch)) notifyError(error);
      },
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="log-touch-form">
      <Stack gap="sm">
        {repChooser}
        <DraftFields draft={draft} onDraft={onDraft} error={fieldError(logTouch.error, 'summary')} />
        <TextInput
          type="date"
          label="Next follow-up"
          description={followUpHint(rep)}
          min={today}
          value={schedule.date}
          disabled={skip && rep !== null}
          onChange={(e) => schedule.setDate(e.currentTarget.value)}
          error={fieldError(logTouch.error, 'dueDate')}
        />
        {rep ? (
          <>
            <Checkbox label="Schedule no follow-up" checked={skip} onChange={(e) => setSkip(e.currentTarget.checked)} />
            <Text size="sm" c="gray.7">
              This completes the open follow-up with {rep.name}.
            </Text>
          </>
        ) : null}
        <FormActions submitLabel="Log touch" loading={logTouch.isPending} onCancel={onClose} spaced />
      </Stack>
    </form>
  );
}

/** Done: the action completed, what happened (if ticked), and the next action confirmed or skipped. */
function DoneForm({ action, rep, draft, onDraft, schedule, today, onClose }: FormProps & { action: TodayActionDto }) {
  const settings = useSettings();
  const [logging, setLogging] = useState(false);
  const [type, setType] = useState('Follow-up');
  const [notes, setNotes] = useState('');
  const complete = useCompleteAction();
  const submit = (skip: boolean) => {
    const next = skip ? ({ skip: true } as const) : { dueDate: schedule.date, type, notes };
    complete.mutate(
      { id: action.id, body: completeRequest(action, logging ? draft : null, next) },
      {
        onSuccess: (result) => {
          onClose();
          notifySuccess(
            result.touch ? `Done, ${result.touch.kind} logged` : 'Done',
            result.next
              ? `Next: ${result.next.type} on ${formatDay(result.next.dueDate)}${result.next.repName ? ` with ${result.next.repName}` : ''}`
              : 'No next action scheduled.',
          );
        },
        onError: (error) => {
          if (showsOnlyKnownFields(error, SHOWN_FIELDS.done)) notifyError(error);
        },
      },
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(false);
  };
  const skipping = complete.variables?.body.next?.skip === true;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="log-touch-form">
      <Stack gap="sm">
        <Checkbox
          label="Log what happened"
          description="Records a touch now, with the note, in the same step"
          checked={logging}
          onChange={(e) => setLogging(e.currentTarget.checked)}
        />
        {logging ? <DraftFields draft={draft} onDraft={onDraft} error={fieldError(complete.error, 'touch.summary')} /> : null}
        <Text size="sm">Schedule the next action:</Text>
        <TextInput
          type="date"
          label="Due"
          description={nextActionHint(rep)}
          value={schedule.date}
          min={today ? addDays(today, 1) : undefined}
          onChange={(e) => schedule.setDate(e.currentTarget.value)}
          error={fieldError(complete.error, 'dueDate')}
          data-autofocus
        />
        <Select
          label="Type"
          data={actionTypesOf(settings.data)}
          value={type}
          onChange={(value) => setType(value ?? 'Follow-up')}
          allowDeselect={false}
          error={fieldError(complete.error, 'type')}
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          label="Notes"
          placeholder="What to follow up on"
          autosize
          minRows={2}
          maxRows={6}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={fieldError(complete.error, 'notes')}
        />
        <Group justify="flex-end" gap="xs" mt="xs" wrap="wrap">
          <Button variant="default" onClick={() => submit(true)} loading={complete.isPending && skipping}>
            Done, no next action
          </Button>
          <Button type="submit" loading={complete.isPending && !skipping}>
            Done and schedule
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
