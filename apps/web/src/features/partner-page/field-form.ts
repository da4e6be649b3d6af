import type { CustomFieldDto } from '@ptrack/contracts';
import type { FieldKind, FieldSpec } from './field-specs';

// A section's edit form: values as the inputs hold them (text, or a boolean for a checkbox), and the
// PATCH body of what the user changed: only changed fields, so a save touches nothing else.

export type FormValue = string | boolean;
export type FormValues = Record<string, FormValue>;
type AnyRecord = { custom?: Record<string, unknown> } & Record<string, unknown>;

const CUSTOM = 'custom.';

/** A field's stored value; custom fields are `custom.<key>` and live in the record's `custom`. */
export function fieldValueOf(record: AnyRecord, key: string): unknown {
  return key.startsWith(CUSTOM) ? record.custom?.[key.slice(CUSTOM.length)] : record[key];
}

function toForm(kind: FieldKind, value: unknown): FormValue {
  if (kind.type === 'checkbox') return value === true;
  if (kind.type === 'accounts') {
    const names = Array.isArray(value)
      ? value.map((a) => (typeof a === 'string' ? a : String((a as { name: unknown }).name)))
      : [];
    return names.join('\n');
  }
  return value === null || value === undefined ? '' : String(value);
}

export function formValuesOf(specs: FieldSpec[], record: AnyRecord): FormValues {
  return Object.fromEntries(specs.map((f) => [f.key, toForm(f.kind, fieldValueOf(record, f.key))]));
}

function toBody(kind: FieldKind, value: FormValue): unknown {
  if (typeof value === 'boolean') return value;
  const text = value.trim();
  // Accounts go by name; the server matches an existing account by its normalised name.
  if (kind.type === 'accounts')
    return text === ''
      ? []
      : text
          .split('\n')
          .map((n) => n.trim())
          .filter(Boolean);
  if (kind.type === 'score' || kind.type === 'number') {
    if (text === '') return null;
    const n = Number(text);
    // Not a number: sent as typed, for the server to say what is wrong beside the field.
    return Number.isNaN(n) ? text : n;
  }
  return text === '' ? null : text;
}

/** The changed fields as a PATCH body (without `version`); custom fields grouped under `custom`. */
export function patchOfForm(specs: FieldSpec[], initial: FormValues, values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const spec of specs) {
    const before = initial[spec.key];
    const after = values[spec.key];
    if (
      after === undefined ||
      (typeof after === 'string' && typeof before === 'string' ? after.trim() === before.trim() : after === before)
    )
      continue;
    // A blank required field is sent as blank, for the server to refuse beside the field.
    const value = spec.required && after === '' ? '' : toBody(spec.kind, after);
    if (spec.key.startsWith(CUSTOM)) custom[spec.key.slice(CUSTOM.length)] = value;
    else body[spec.key] = value;
  }
  if (Object.keys(custom).length > 0) body.custom = custom;
  return body;
}

/** The keys of the specs a PATCH body changes (`custom.x` for custom fields). */
export function changedKeys(body: Record<string, unknown>): string[] {
  const custom = (body.custom ?? {}) as Record<string, unknown>;
  return [...Object.keys(body).filter((k) => k !== 'custom'), ...Object.keys(custom).map((k) => `${CUSTOM}${k}`)];
}

/** Custom field definitions as field specs of the form. */
export function customSpecs(fields: CustomFieldDto[]): FieldSpec[] {
  return [...fields]
    .sort((a, b) => a.position - b.position)
    .map((f) => {
      const key = `${CUSTOM}${f.key}`;
      switch (f.type) {
        case 'text':
          return { key, label: f.label, kind: { type: 'text' } };
        case 'number':
          return { key, label: f.label, kind: { type: 'number' } };
        case 'date':
          return { key, label: f.label, kind: { type: 'date' } };
        case 'select':
          return { key, label: f.label, kind: { type: 'choice', options: f.options } };
        case 'checkbox':
          return { key, label: f.label, kind: { type: 'checkbox' } };
        case 'url':
          return { key, label: f.label, kind: { type: 'url' } };
        default: {
          const never: never = f.type;
          return never;
        }
      }
    });
}
