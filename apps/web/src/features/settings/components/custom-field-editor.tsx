import { Button, Group, Stack, TagsInput, TextInput } from '@mantine/core';
import type { CustomFieldDto } from '@ptrack/contracts';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { problemAt, problemsUnder } from '../../../api/problems';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { ConflictDialog } from '../../../ui/conflict-dialog';
import { useUpdateCustomField } from '../hooks/use-custom-fields';

type Draft = { label: string; options: string[] };

/** Editing one custom field's label (and a select's choices); a stale save opens the conflict dialog. */
export function CustomFieldEditor({ field, onDone }: { field: CustomFieldDto; onDone(): void }) {
  const update = useUpdateCustomField();
  const [draft, setDraft] = useState<Draft>(() => ({ label: field.label, options: field.options }));
  const [conflict, setConflict] = useState<CustomFieldDto | null>(null);

  const save = (version: number) =>
    update.mutate(
      {
        id: field.id,
        body: { version, label: draft.label.trim(), ...(field.type === 'select' ? { options: draft.options } : {}) },
      },
      {
        onSuccess: (saved) => {
          setConflict(null);
          notifySuccess('Custom field saved', saved.label);
          onDone();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT' && error.current) {
            setConflict(error.current as CustomFieldDto);
          } else if (!problemAt(error, 'label') && problemsUnder(error, 'options').length === 0) notifyError(error);
        },
      },
    );

  return (
    <Stack gap="xs">
      <TextInput
        label="Field name"
        value={draft.label}
        onChange={(e) => setDraft({ ...draft, label: e.currentTarget.value })}
        error={problemAt(update.error, 'label')}
      />
      {field.type === 'select' ? (
        <TagsInput
          label="Choices"
          value={draft.options}
          onChange={(options) => setDraft({ ...draft, options })}
          error={problemsUnder(update.error, 'options')[0]?.message}
        />
      ) : null}
      <Group gap="xs">
        <Button size="xs" onClick={() => save(field.version)} loading={update.isPending}>
          Save field
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
      {conflict ? (
        <ConflictDialog
          testId="custom-field-conflict"
          title="Someone changed this field since you loaded it"
          intro="Yours was not saved."
          columns={['theirs', 'mine']}
          rows={[
            { key: 'label', label: 'Field name', theirs: conflict.label, mine: draft.label },
            ...(field.type === 'select'
              ? [{ key: 'options', label: 'Choices', theirs: conflict.options.join(', '), mine: draft.options.join(', ') }]
              : []),
          ]}
          applyLabel="Reapply mine"
          applying={update.isPending}
          onApply={() => save(conflict.version)}
          onKeepTheirs={() => {
            setConflict(null);
            update.reset();
            onDone();
          }}
          onClose={() => setConflict(null)}
        />
      ) : null}
    </Stack>
  );
}
