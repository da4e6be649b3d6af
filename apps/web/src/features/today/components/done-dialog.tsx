import { Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ActionDto } from '@ptrack/contracts';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import { addDays, formatDay } from '../../../lib/dates';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { type TouchDirection, TouchFields, type TouchKind } from '../../../ui/touch-fields';
import { actionTypesOf, cadenceFor, followUpDueFor, useSettings } from '../../settings/hooks/use-settings';
import { useCompleteAction } from '../hooks/use-action-mutations';

type DoneDialogProps = { action: ActionDto; today: string; onClose(): void };

/**
 * Marks an action done and confirms the next one, pre-filled from the rep's cadence (PRODUCT.md: next
 * follow-up at today + the tier's cadence unless the user picks another date or action). An action
 * with no rep gets a next one only when the user picks a date, as the server does.
 */
export function DoneDialog({ action, today, onClose }: DoneDialogProps) {
  const settings = useSettings();
  const cadence = cadenceFor(settings.data, action.repTier);
  const suggested = (action.repId && followUpDueFor(settings.data, action.repTier)) || '';
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [type, setType] = useState<string>('Follow-up');
  const [notes, setNotes] = useState('');
  // Issue 14: Done can record what happened (a touch) in the same step.
  const [logging, setLogging] = useState(false);
  const [kind, setKind] = useState<TouchKind>('email');
  const [direction, setDirection] = useState<TouchDirection>('outbound');
  const [summary, setSummary] = useState('');
  const complete = useCompleteAction();
  const date = dueDate ?? suggested;

  const submit = (skip: boolean) => {
    const next = skip ? { skip: true } : { dueDate: date || undefined, type, notes: notes.trim() || undefined };
    const touch = logging ? { kind, direction, summary: summary.trim() || undefined } : undefined;
    complete.mutate(
      { id: action.id, body: { version: action.version, next, touch } },
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
          const shown = ['dueDate', 'type', 'notes', 'touch.summary'].some((f) => fieldError(error, f));
          if (!shown) notifyError(error);
        },
      },
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(false);
  };

  const who = action.repName ? `${action.repName} (${action.partnerName})` : action.partnerName;
  const cadenceHint =
    action.repId && cadence !== undefined
      ? `${action.repTier ? `Tier ${action.repTier}` : 'No tier: Tier 3'} cadence, every ${cadence} days`
      : 'No rep: leave the date empty to schedule nothing';
  return (
    <Modal opened onClose={onClose} title={`Done: ${action.type} with ${who}`} size="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Checkbox
            label="Log what happened"
            description="Records a touch now, with the note, in the same step"
            checked={logging}
            onChange={(e) => setLogging(e.currentTarget.checked)}
          />
          {logging ? (
            <TouchFields
              kind={kind}
              direction={direction}
              summary={summary}
              onKind={setKind}
              onDirection={setDirection}
              onSummary={setSummary}
              summaryError={fieldError(complete.error, 'touch.summary')}
            />
          ) : null}
          <Text size="sm">Schedule the next action:</Text>
          <TextInput
            type="date"
            label="Due"
            description={cadenceHint}
            value={date}
            min={addDays(today, 1)}
            onChange={(e) => setDueDate(e.currentTarget.value)}
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
            <Button
              variant="default"
              onClick={() => submit(true)}
              loading={complete.isPending && complete.variables?.body.next?.skip}
            >
              Done, no next action
            </Button>
            <Button type="submit" loading={complete.isPending && !complete.variables?.body.next?.skip}>
              Done and schedule
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
