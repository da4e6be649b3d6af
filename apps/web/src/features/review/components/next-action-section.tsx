import { Button, Group, Stack, Text } from '@mantine/core';
import type { ActionDto, PartnerDto, RepDto, SettingsDto } from '@ptrack/contracts';
import { useState } from 'react';
import { ApiError, fieldError } from '../../../api/client';
import { daysBetween, formatDay, relativeDay } from '../../../lib/dates';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { ConflictDialog } from '../../../ui/conflict-dialog';
import { Can } from '../../auth/components/can';
import { useOpenActions, useSaveAction } from '../hooks/use-review';
import { changedFields, conflictRows } from '../review-queue';
import { type ActionDraft, NextActionForm } from './next-action-form';

const ACTION_FIELDS = { type: 'Type', dueDate: 'Due', repName: 'With', notes: 'Notes', status: 'Status' } as const;
const FORM_FIELDS = ['type', 'dueDate', 'repId', 'notes', 'partnerId'];

/** "3 days overdue", "due today", "in 4 days". */
function dueText(due: string, today: string): string {
  const late = daysBetween(due, today);
  if (late > 0) return `${late} ${late === 1 ? 'day' : 'days'} overdue`;
  return late === 0 ? 'due today' : relativeDay(due, today);
}

type NextActionSectionProps = { partner: PartnerDto; reps: RepDto[]; settings: SettingsDto | undefined; today: string };

/** The next action (docs/RULES.md): the earliest open action of the partner or its reps; set it or change it here. */
export function NextActionSection({ partner, reps, settings, today }: NextActionSectionProps) {
  const actions = useOpenActions(partner.id);
  const save = useSaveAction(partner.id);
  const [editing, setEditing] = useState<'change' | 'new' | null>(null);
  const [conflict, setConflict] = useState<{ draft: ActionDraft; current: ActionDto } | null>(null);
  const nextId = partner.rollup.nextAction?.id;
  const next = actions.data?.items.find((a) => a.id === nextId) ?? actions.data?.items[0] ?? null;

  const submit = (draft: ActionDraft, version?: number) => {
    const fields = { type: draft.type, dueDate: draft.dueDate, repId: draft.repId, notes: draft.notes.trim() || null };
    const input =
      editing === 'change' && next
        ? { id: next.id, body: { ...fields, version: version ?? next.version } }
        : { body: { ...fields, partnerId: partner.id } };
    save.mutate(input, {
      onSuccess: (saved) => {
        setEditing(null);
        setConflict(null);
        notifySuccess(
          editing === 'change' ? 'Next action changed' : 'Next action set',
          `${saved.type} ${saved.repName ? `with ${saved.repName} ` : ''}on ${formatDay(saved.dueDate)}`,
        );
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'VERSION_CONFLICT' && error.current) {
          setConflict({ draft, current: error.current as ActionDto });
        } else if (!FORM_FIELDS.some((f) => fieldError(error, f))) notifyError(error);
      },
    });
  };

  const dialog =
    conflict && next ? (
      <ConflictDialog
        testId="review-conflict"
        columns={['before', 'theirs']}
        title="Someone changed this action since you opened it"
        intro="Your change was not saved. This is what changed:"
        rows={conflictRows(changedFields(next, conflict.current, ACTION_FIELDS))}
        applyLabel="Apply mine"
        keepLabel="Keep theirs"
        applying={save.isPending}
        onApply={() => submit(conflict.draft, conflict.current.version)}
        onKeepTheirs={() => {
          setConflict(null);
          setEditing(null);
          void actions.refetch();
        }}
        onClose={() => setConflict(null)}
      />
    ) : null;

  if (actions.isPending) return <Text size="sm">Loading actions…</Text>;
  if (actions.error) return <Text size="sm">Actions could not be loaded: {actions.error.message}</Text>;
  if (editing) {
    return (
      <>
        <NextActionForm
          action={editing === 'change' ? next : null}
          reps={reps}
          settings={settings}
          today={today}
          saving={save.isPending}
          error={save.error}
          onSave={(draft) => submit(draft)}
          onCancel={() => {
            save.reset();
            setEditing(null);
          }}
        />
        {dialog}
      </>
    );
  }
  return (
    <Stack gap={6} data-testid="next-action">
      {next ? (
        <div>
          <Text size="sm" fw={500}>
            {next.type}
            {next.repName ? ` with ${next.repName}` : ''} · {formatDay(next.dueDate)}{' '}
            <Text span size="sm" c={next.dueDate < today ? 'red.9' : 'gray.7'} fw={next.dueDate < today ? 600 : 400}>
              ({dueText(next.dueDate, today)})
            </Text>
          </Text>
          {next.notes ? <Text size="sm">{next.notes}</Text> : null}
          {actions.data.items.length > 1 ? (
            <Text size="xs" c="gray.7">
              {actions.data.items.length - 1} more open {actions.data.items.length === 2 ? 'action' : 'actions'}
            </Text>
          ) : null}
        </div>
      ) : (
        <Text size="sm">No next action: nothing is scheduled with this partner or its reps.</Text>
      )}
      <Can permission="partners:write">
        <Group gap="xs">
          {next ? (
            <Button size="xs" variant="default" onClick={() => setEditing('change')}>
              Change next action
            </Button>
          ) : null}
          <Button size="xs" variant={next ? 'subtle' : 'filled'} onClick={() => setEditing('new')}>
            {next ? 'Add another action' : 'Set next action'}
          </Button>
        </Group>
      </Can>
      {dialog}
    </Stack>
  );
}
