import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { ActionDto, RepDto, SettingsDto } from '@ptrack/contracts';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import { addDays } from '../../../lib/dates';
import { actionTypesOf } from '../../settings/hooks/use-settings';

export type ActionDraft = { type: string; dueDate: string; repId: string | null; notes: string };

const NO_REP = '';
// A partner-level step in a weekly review is usually for the coming week.
const DEFAULT_DAYS_WITHOUT_REP = 7;

type NextActionFormProps = {
  action: ActionDto | null;
  reps: RepDto[];
  settings: SettingsDto | undefined;
  today: string;
  saving: boolean;
  error: unknown;
  onSave(draft: ActionDraft): void;
  onCancel(): void;
};

/** Sets a new next action or changes the current one; the due date defaults to the rep tier's cadence. */
export function NextActionForm({ action, reps, settings, today, saving, error, onSave, onCancel }: NextActionFormProps) {
  const defaultDue = (repId: string | null) => {
    const rep = reps.find((r) => r.id === repId);
    return rep ? rep.suggestedNextDueDate : addDays(today, DEFAULT_DAYS_WITHOUT_REP);
  };
  const [draft, setDraft] = useState<ActionDraft>(() =>
    action
      ? { type: action.type, dueDate: action.dueDate, repId: action.repId, notes: action.notes ?? '' }
      : { type: actionTypesOf(settings)[0] ?? 'Follow-up', dueDate: defaultDue(null), repId: null, notes: '' },
  );
  const [dueTouched, setDueTouched] = useState(action !== null);
  const types = actionTypesOf(settings);
  const typeOptions = types.includes(draft.type) ? types : [...types, draft.type];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave(draft);
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={action ? 'Change the next action' : 'Set the next action'}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Select
            label="Type"
            data={typeOptions}
            value={draft.type}
            onChange={(value) => value && setDraft({ ...draft, type: value })}
            allowDeselect={false}
            error={fieldError(error, 'type')}
          />
          <Select
            label="With"
            data={[{ value: NO_REP, label: 'The partner (no rep)' }, ...reps.map((r) => ({ value: r.id, label: r.name }))]}
            value={draft.repId ?? NO_REP}
            onChange={(value) => {
              const repId = value === NO_REP || value === null ? null : value;
              setDraft({ ...draft, repId, dueDate: dueTouched ? draft.dueDate : defaultDue(repId) });
            }}
            allowDeselect={false}
            searchable={reps.length > 8}
            error={fieldError(error, 'repId')}
          />
        </SimpleGrid>
        <TextInput
          type="date"
          label="Due"
          min={today}
          value={draft.dueDate}
          onChange={(e) => {
            setDueTouched(true);
            setDraft({ ...draft, dueDate: e.currentTarget.value });
          }}
          error={fieldError(error, 'dueDate')}
        />
        <Textarea
          label="Notes"
          placeholder="What to do, e.g. ask for their Q3 account list"
          autosize
          minRows={1}
          maxRows={4}
          value={draft.notes}
          onChange={(e) => setDraft({ ...draft, notes: e.currentTarget.value })}
          error={fieldError(error, 'notes')}
        />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={saving}>
            {action ? 'Save next action' : 'Set next action'}
          </Button>
          <Button size="xs" variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
