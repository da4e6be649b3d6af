import { Divider, Text, Title } from '@mantine/core';
import { QueryState } from '../../../ui/query-state';
import { SettingsCard } from '../../../ui/settings-card';
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
    <SettingsCard
      headingId="settings-custom-fields"
      testId="settings-custom-fields"
      title="Custom fields"
      description="Extra columns for partners and reps, so a migrated sheet loses none. The name and choices can change later; what a field is on and its type cannot."
    >
      <QueryState query={fields} loading="Loading custom fields…" failed="Custom fields could not be loaded">
        {(data) =>
          ENTITIES.map((entity) => {
            const items = data.items.filter((f) => f.entity === entity);
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
        }
      </QueryState>
      <Can permission="settings:write">
        <Divider />
        <Title order={3} size="h5">
          Add a field
        </Title>
        <CustomFieldForm />
      </Can>
    </SettingsCard>
  );
}
