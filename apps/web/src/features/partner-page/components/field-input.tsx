import { Checkbox, Input, NativeSelect, SegmentedControl, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useId } from 'react';
import type { FormValue } from '../field-form';
import type { FieldSpec } from '../field-specs';

type FieldInputProps = {
  spec: FieldSpec;
  value: FormValue;
  optionLists: Record<string, string[]> | undefined;
  error: string | undefined;
  onChange(value: FormValue): void;
};

/** One field of a section's edit form; the server's message for it is shown beneath. */
export function FieldInput({ spec, value, optionLists, error, onChange }: FieldInputProps) {
  const kind = spec.kind;
  const labelId = useId();
  const text = typeof value === 'string' ? value : '';
  const common = { label: spec.label, error, withAsterisk: spec.required, 'data-field': spec.key };
  switch (kind.type) {
    case 'checkbox':
      return (
        <Checkbox
          label={spec.label}
          checked={value === true}
          error={error}
          onChange={(e) => onChange(e.currentTarget.checked)}
          data-field={spec.key}
        />
      );
    case 'textarea':
      return (
        <Textarea {...common} autosize minRows={2} maxRows={10} value={text} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case 'select':
    case 'choice': {
      const list = kind.type === 'select' ? (optionLists?.[kind.optionList] ?? []) : kind.options;
      // A value outside the list (imported, or an option since removed) stays choosable.
      const options = text && !list.includes(text) ? [text, ...list] : list;
      return (
        <NativeSelect
          {...common}
          data={[{ value: '', label: '—' }, ...options]}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    }
    case 'score':
      return (
        <TextInput
          {...common}
          type="number"
          inputMode="numeric"
          min={kind.min}
          max={kind.max}
          description={`${kind.min}–${kind.max}`}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return <TextInput {...common} type="number" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'date':
      return <TextInput {...common} type="date" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'email':
      return <TextInput {...common} type="email" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'url':
      return (
        <TextInput {...common} type="url" placeholder="https://" value={text} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case 'hubspot':
      return (
        <TextInput
          {...common}
          inputMode="numeric"
          description="The number in the HubSpot record's address"
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'yesno':
      return (
        <Input.Wrapper label={spec.label} error={error} id={labelId} data-field={spec.key}>
          <div>
            <SegmentedControl
              aria-labelledby={`${labelId}-label`}
              data={[
                { value: 'yes', label: 'Yes' },
                { value: 'no', label: 'No' },
                { value: '', label: 'Unanswered' },
              ]}
              value={text}
              onChange={onChange}
              size="xs"
            />
          </div>
        </Input.Wrapper>
      );
    case 'accounts':
      return (
        <TagsInput
          {...common}
          description="Type an account name and press Enter"
          value={text === '' ? [] : text.split('\n')}
          onChange={(names) => onChange(names.join('\n'))}
          clearable
        />
      );
    case 'text':
      return <TextInput {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    default: {
      const never: never = kind;
      return never;
    }
  }
}
