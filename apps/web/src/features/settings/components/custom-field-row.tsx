import { Badge, Button, Group, Text } from '@mantine/core';
import type { CustomFieldDto } from '@ptrack/contracts';
import { useState } from 'react';
import { Can } from '../../auth/components/can';
import { CustomFieldEditor } from './custom-field-editor';
import { FIELD_TYPE_LABELS } from './custom-field-labels';
import { RemoveCustomFieldModal } from './remove-custom-field-modal';

/** One custom field: its label and choices can change; what it is on and its type cannot (the contract). */
export function CustomFieldRow({ field }: { field: CustomFieldDto }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  return (
    <li data-testid="custom-field" data-key={field.key}>
      {editing ? (
        <CustomFieldEditor field={field} onDone={() => setEditing(false)} />
      ) : (
        <FieldSummary field={field} onEdit={() => setEditing(true)} onRemove={() => setConfirming(true)} />
      )}
      {confirming ? <RemoveCustomFieldModal field={field} onClose={() => setConfirming(false)} /> : null}
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
