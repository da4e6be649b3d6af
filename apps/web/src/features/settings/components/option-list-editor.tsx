import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { SettingsDto } from '@ptrack/contracts';
import { type FormEvent, useState } from 'react';
import { problemAt } from '../../../api/problems';
import { addProblem, moveValue, OPTION_LIST_LABELS, optionListLabel } from '../settings-form';
import { type SectionConfig, SettingsSection } from './settings-section';

function configFor(name: string): SectionConfig<string[]> {
  return {
    pick: (s) => [...(s.optionLists[name] ?? [])],
    describe: (v) => ({ [optionListLabel(name)]: v.join(', ') }),
    check: (v) =>
      v.length === 0 ? 'Keep at least one value.' : v.some((x) => x.trim() === '') ? 'A value cannot be blank.' : null,
    toPatch: (v) => ({ optionLists: { [name]: v.map((x) => x.trim()) } }),
    fields: [`optionLists.${name}`],
  };
}

/** One editable option list: rename in place, reorder, remove, add; saved on its own. */
export function OptionListEditor({ name, settings }: { name: string; settings: SettingsDto }) {
  const label = optionListLabel(name);
  const [config] = useState(() => configFor(name));
  return (
    <SettingsSection
      title={label}
      level={3}
      description={OPTION_LIST_LABELS[name]?.help ?? ''}
      settings={settings}
      config={config}
    >
      {({ value, onChange, error }) => (
        <ValuesEditor label={label} name={name} values={value} onChange={onChange} error={error} />
      )}
    </SettingsSection>
  );
}

type ValuesEditorProps = { label: string; name: string; values: string[]; onChange(v: string[]): void; error: unknown };

function ValuesEditor({ label, name, values, onChange, error }: ValuesEditorProps) {
  const [adding, setAdding] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const one = OPTION_LIST_LABELS[name]?.one ?? 'a value';
  const add = (event: FormEvent) => {
    event.preventDefault();
    const problem = addProblem(values, adding);
    setAddError(problem);
    if (problem) return;
    onChange([...values, adding.trim()]);
    setAdding('');
  };
  const listProblem = problemAt(error, `optionLists.${name}`);
  return (
    <Stack gap={6}>
      <ol style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}>
        {values.map((v, i) => (
          // Position is the identity while editing: renaming must not remount the input under the cursor.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i}>
            <Group gap={4} wrap="nowrap" align="flex-start">
              <TextInput
                aria-label={`${label}: value ${i + 1}`}
                value={v}
                onChange={(e) => onChange(values.map((x, j) => (j === i ? e.currentTarget.value : x)))}
                error={problemAt(error, `optionLists.${name}.${i}`)}
                style={{ flex: 1 }}
                size="sm"
              />
              <ActionIcon
                variant="default"
                size="input-sm"
                aria-label={`Move ${v || 'this value'} up`}
                disabled={i === 0}
                onClick={() => onChange(moveValue(values, i, -1))}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="default"
                size="input-sm"
                aria-label={`Move ${v || 'this value'} down`}
                disabled={i === values.length - 1}
                onClick={() => onChange(moveValue(values, i, 1))}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="default"
                size="input-sm"
                color="red.9"
                aria-label={`Remove ${v || 'this value'}`}
                onClick={() => onChange(values.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          </li>
        ))}
      </ol>
      {listProblem ? (
        <Text size="sm" c="red.9" role="alert">
          {listProblem}
        </Text>
      ) : null}
      <form onSubmit={add} noValidate>
        <Group gap={4} wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={`Add ${one}`}
            placeholder={`Add ${one}`}
            value={adding}
            onChange={(e) => {
              setAdding(e.currentTarget.value);
              setAddError(null);
            }}
            error={addError}
            style={{ flex: 1 }}
            size="sm"
          />
          <Button type="submit" variant="default" size="sm">
            Add
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
