import { Button, Group, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { PARTNER_FIELD_LABELS } from '@ptrack/catalog';
import type { PartnerDto, SettingsDto } from '@ptrack/contracts';
import { useState } from 'react';
import { ApiError, fieldError } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { ConflictDialog } from '../../../ui/conflict-dialog';
import { useCan } from '../../auth/hooks/use-session';
import { useApplyPartner, useUpdatePartner } from '../hooks/use-review';
import { changedFields, conflictRows } from '../review-queue';
import { CONFLICT_FIELDS } from './review-labels';

type EditableField = 'programStatus' | 'phase' | 'notes';
const LABEL: Record<EditableField, string> = PARTNER_FIELD_LABELS;
type Conflict = { field: EditableField; value: string | null; current: PartnerDto };

/** The option list's values, plus the partner's own value when the list no longer has it. */
function optionsWith(values: readonly string[], value: string | null): string[] {
  return value !== null && !values.includes(value) ? [...values, value] : [...values];
}

/** Program status, phase and notes, each saved as soon as it is changed (notes with their own button). */
export function PartnerFields({ partner, settings }: { partner: PartnerDto; settings: SettingsDto | undefined }) {
  const update = useUpdatePartner();
  const apply = useApplyPartner();
  const [notes, setNotes] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const notesValue = notes ?? partner.notes ?? '';
  const notesDirty = notes !== null && notes !== (partner.notes ?? '');

  const save = (field: EditableField, value: string | null, version = partner.version) =>
    update.mutate(
      { id: partner.id, body: { version, [field]: value } },
      {
        onSuccess: () => {
          setConflict(null);
          if (field === 'notes') setNotes(null);
          notifySuccess(`${LABEL[field]} saved`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT' && error.current) {
            setConflict({ field, value, current: error.current as PartnerDto });
          } else if (!fieldError(error, field)) notifyError(error);
        },
      },
    );

  const lists = settings?.optionLists ?? {};
  // Viewers read the fields; they cannot change them.
  const readOnly = !useCan('partners:write');
  const pending = (field: EditableField) => update.isPending && field in (update.variables?.body ?? {});
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={LABEL.programStatus}
          data={optionsWith(lists.programStatus ?? [], partner.programStatus)}
          value={partner.programStatus}
          onChange={(value) => save('programStatus', value)}
          placeholder="Not set"
          clearable={!readOnly}
          readOnly={readOnly}
          disabled={pending('programStatus')}
          error={fieldError(update.error, 'programStatus')}
        />
        <Select
          label={LABEL.phase}
          data={optionsWith(lists.phase ?? [], partner.phase)}
          value={partner.phase}
          onChange={(value) => save('phase', value)}
          placeholder="Not set"
          clearable={!readOnly}
          readOnly={readOnly}
          disabled={pending('phase')}
          error={fieldError(update.error, 'phase')}
        />
      </SimpleGrid>
      <Textarea
        label={LABEL.notes}
        autosize
        minRows={2}
        maxRows={8}
        value={notesValue}
        onChange={(e) => setNotes(e.currentTarget.value)}
        readOnly={readOnly}
        error={fieldError(update.error, 'notes')}
      />
      {notesDirty ? (
        <Group gap="xs">
          <Button size="xs" onClick={() => save('notes', notesValue.trim() || null)} loading={pending('notes')}>
            Save notes
          </Button>
          <Button size="xs" variant="default" onClick={() => setNotes(null)}>
            Discard
          </Button>
        </Group>
      ) : null}
      {conflict ? (
        <ConflictDialog
          testId="review-conflict"
          columns={['before', 'theirs']}
          title={`Someone changed ${partner.name} since you opened it`}
          intro="Your change was not saved. This is what changed:"
          rows={conflictRows(changedFields(partner, conflict.current, CONFLICT_FIELDS))}
          mine={{ label: LABEL[conflict.field], value: conflict.value ?? '' }}
          applyLabel="Apply mine"
          keepLabel="Keep theirs"
          applying={update.isPending}
          onApply={() => save(conflict.field, conflict.value, conflict.current.version)}
          onKeepTheirs={() => {
            apply(conflict.current);
            if (conflict.field === 'notes') setNotes(null);
            setConflict(null);
          }}
          onClose={() => setConflict(null)}
        />
      ) : null}
    </Stack>
  );
}
