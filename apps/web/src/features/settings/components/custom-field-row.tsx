import { Badge, Button, Group, Modal, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { CustomFieldDto } from '@ptrack/contracts';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { problemAt, problemsUnder } from '../../../api/problems';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { ConflictDialog } from '../../../ui/conflict-dialog';
import { Can } from '../../auth/components/can';
import { useDeleteCustomField, useUpdateCustomField } from '../hooks/use-custom-fields';
import { FIELD_TYPE_LABELS } from './custom-field-labels';

type Draft = { label: string; options: string[] };

/** One custom field: its label and choices can change; what it is on and its type cannot (the contract). */
export function CustomFieldRow({ field }: { field: CustomFieldDto }) {
  const update = useUpdateCustomField();
  const remove = useDeleteCustomField();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [conflict, setConflict] = useState<CustomFieldDto | null>(null);
  const [confirming, setConfirming] = useState(false);

  const save = (d: Draft, version: number) =>
    update.mutate(
      { id: field.id, body: { version, label: d.label.trim(), ...(field.type === 'select' ? { options: d.options } : {}) } },
      {
        onSuccess: (saved) => {
          setDraft(null);
          setConflict(null);
          notifySuccess('Custom field saved', saved.label);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT' && error.current) {
            setConflict(error.current as CustomFieldDto);
          } else if (!problemAt(error, 'label') && problemsUnder(error, 'options').length === 0) notifyError(error);
        },
      },
    );

  const doRemove = () =>
    remove.mutate(field, {
      onSuccess: () => notifySuccess('Custom field removed', field.label),
      onError: (error) => {
        setConfirming(false);
        notifyError(error);
      },
    });

  return (
    <li data-testid="custom-field" data-key={field.key}>
      {draft ? (
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
            <Button size="xs" onClick={() => save(draft, field.version)} loading={update.isPending}>
              Save field
            </Button>
            <Button size="xs" variant="default" onClick={() => setDraft(null)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      ) : (
        <FieldSummary
          field={field}
          onEdit={() => setDraft({ label: field.label, options: field.options })}
          onRemove={() => setConfirming(true)}
        />
      )}
      {conflict && draft ? (
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
          onApply={() => save(draft, conflict.version)}
          onKeepTheirs={() => {
            setConflict(null);
            setDraft(null);
            update.reset();
          }}
          onClose={() => setConflict(null)}
        />
      ) : null}
      {confirming ? (
        <Modal opened onClose={() => setConfirming(false)} title={`Remove “${field.label}”?`}>
          <Stack gap="sm">
            <Text size="sm">
              Its values are removed from every record (the change history keeps them). This cannot be undone.
            </Text>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
                Cancel
              </Button>
              <Button color="red.9" onClick={doRemove} loading={remove.isPending}>
                Remove field
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </li>
  );
}

/** The field as read: its name, type, key and choices, with Edit and Remove. */
function FieldSummary({ field, onEdit, onRemove }: { field: CustomFieldDto; onEdit(): void; onRemove(): void }) {
  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <div>
        <Group gap={6}>
          <Text fw={500}>{field.label}</Text>
          <Badge variant="outline" color="gray.8" tt="none" size="sm">
            {FIELD_TYPE_LABELS[field.type]}
          </Badge>
        </Group>
        <Text size="xs" c="gray.7">
          Key {field.key}
          {field.options.length ? ` · ${field.options.join(', ')}` : ''}
        </Text>
      </div>
      <Can permission="settings:write">
        <Group gap="xs">
          <Button size="xs" variant="default" aria-label={`Edit ${field.label}`} onClick={onEdit}>
            Edit
          </Button>
          <Button size="xs" variant="subtle" color="red" c="red.9" aria-label={`Remove ${field.label}`} onClick={onRemove}>
            Remove
          </Button>
        </Group>
      </Can>
    </Group>
  );
}
