import { Button, Group, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import type { CustomFieldDto } from '@ptrack/contracts';
import { type FormEvent, useState } from 'react';
import { problemAt, problemsUnder } from '../../../api/problems';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCreateCustomField } from '../hooks/use-custom-fields';
import { ENTITY_LABELS, FIELD_TYPE_LABELS } from './custom-field-labels';

type Entity = CustomFieldDto['entity'];
type FieldType = CustomFieldDto['type'];
const FIELDS = ['entity', 'label', 'type', 'options', 'key'];

/** Adds a typed field to partners or reps (docs/RULES.md: so a migrated sheet loses no column). */
export function CustomFieldForm() {
  const create = useCreateCustomField();
  const [entity, setEntity] = useState<Entity>('partner');
  const [label, setLabel] = useState('');
  const [type, setType] = useState<FieldType>('text');
  const [options, setOptions] = useState<string[]>([]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { entity, label: label.trim(), type, options: type === 'select' ? options : [] },
      {
        onSuccess: (field) => {
          setLabel('');
          setOptions([]);
          notifySuccess('Custom field added', `${field.label} on ${ENTITY_LABELS[field.entity].toLowerCase()}`);
        },
        onError: (error) => {
          if (!FIELDS.some((f) => problemsUnder(error, f).length > 0)) notifyError(error);
        },
      },
    );
  };
  const optionsProblem = problemsUnder(create.error, 'options')[0]?.message;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a custom field" data-testid="custom-field-form">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label="On"
            data={Object.entries(ENTITY_LABELS).map(([value, l]) => ({ value, label: l }))}
            value={entity}
            onChange={(v) => v && setEntity(v as Entity)}
            allowDeselect={false}
            error={problemAt(create.error, 'entity')}
          />
          <TextInput
            label="Field name"
            placeholder="e.g. Hyperscaler association"
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={problemAt(create.error, 'label') ?? problemAt(create.error, 'key')}
          />
          <Select
            label="Type"
            data={Object.entries(FIELD_TYPE_LABELS).map(([value, l]) => ({ value, label: l }))}
            value={type}
            onChange={(v) => v && setType(v as FieldType)}
            allowDeselect={false}
            error={problemAt(create.error, 'type')}
          />
        </SimpleGrid>
        {type === 'select' ? (
          <TagsInput
            label="Choices"
            description="Type a choice and press Enter"
            value={options}
            onChange={setOptions}
            error={optionsProblem}
          />
        ) : null}
        <Group>
          <Button type="submit" loading={create.isPending}>
            Add field
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
