import { Alert, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { Can } from '../../auth/components/can';
import { useCustomFields } from '../hooks/use-custom-fields';
import { CustomFieldForm } from './custom-field-form';
import { ENTITY_LABELS } from './custom-field-labels';
import { CustomFieldRow } from './custom-field-row';

const ENTITIES = ['partner', 'rep'] as const;

/** Typed extra fields on partners and reps; each add, edit and removal saves on its own. */
export function CustomFieldsSection() {
  const fields = useCustomFields();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-custom-fields" data-testid="settings-custom-fields">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id="settings-custom-fields">
            Custom fields
          </Title>
          <Text size="sm" c="gray.7">
            Extra columns for partners and reps, so a migrated sheet loses none. The name and choices can change later; what a
            field is on and its type cannot.
          </Text>
        </div>
        {fields.error ? (
          <Alert color="red" title="Custom fields could not be loaded" role="alert">
            {fields.error.message}
          </Alert>
        ) : fields.isPending ? (
          <Text size="sm">Loading custom fields…</Text>
        ) : (
          ENTITIES.map((entity) => {
            const items = fields.data.items.filter((f) => f.entity === entity);
            return (
              <div key={entity}>
                <Title order={3} size="h5" mb={4}>
                  On {ENTITY_LABELS[entity].toLowerCase()}
                </Title>
                {items.length === 0 ? (
                  <Text size="sm" c="gray.7">
                    None yet.
                  </Text>
                ) : (
                  <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
                    {items.map((f) => (
                      <CustomFieldRow key={f.id} field={f} />
                    ))}
                  </ul>
                )}
              </div>
            );
          })
        )}
        <Can permission="settings:write">
          <Divider />
          <Title order={3} size="h5">
            Add a field
          </Title>
          <CustomFieldForm />
        </Can>
      </Stack>
    </Paper>
  );
}
