import { AppError, DEFAULT_OPTION_LISTS, type FieldIssue, isIsoDate, type OptionListName } from '@ptrack/domain';
import { customFieldDefs, type Executor } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import type { Settings } from './settings';

/** Values that must come from an editable option list (docs/RULES.md: option lists are editable). */
export function checkOptionValues(
  settings: Settings,
  values: Partial<Record<OptionListName, string | null | undefined>>,
  fieldNames: Partial<Record<OptionListName, string>> = {},
): void {
  const issues: FieldIssue[] = [];
  for (const [list, value] of Object.entries(values) as [OptionListName, string | null | undefined][]) {
    if (value === null || value === undefined) continue;
    const allowed = settings.optionLists[list] ?? DEFAULT_OPTION_LISTS[list];
    if (!allowed.some((a) => a === value)) {
      issues.push({ field: fieldNames[list] ?? list, message: `"${value}" is not one of: ${allowed.join(', ')}` });
    }
  }
  if (issues.length) throw AppError.validation(issues);
}

/**
 * Validates custom field values against their definitions and returns the merged values: a key set
 * to null is removed; unknown keys and values of the wrong type are refused, naming the field.
 */
export async function mergeCustomValues(
  tx: Executor,
  entity: 'partner' | 'rep',
  current: Record<string, unknown>,
  input: Record<string, unknown> | undefined,
): Promise<Record<string, unknown>> {
  if (!input || Object.keys(input).length === 0) return current;
  const defs = await tx.select().from(customFieldDefs).where(eq(customFieldDefs.entity, entity));
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const merged: Record<string, unknown> = { ...current };
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(input)) {
    const field = `custom.${key}`;
    const def = byKey.get(key);
    if (!def) {
      issues.push({ field, message: `no ${entity} custom field with key "${key}"` });
      continue;
    }
    if (value === null || value === '') {
      delete merged[key];
      continue;
    }
    const problem = customValueProblem(def.type, def.options, value);
    if (problem) issues.push({ field, message: problem });
    else merged[key] = value;
  }
  if (issues.length) throw AppError.validation(issues);
  return merged;
}

/** Why a value does not suit a custom field's type, or null when it does. */
export function customValueProblem(type: string, options: string[], value: unknown): string | null {
  switch (type) {
    case 'text':
      return typeof value === 'string' ? null : 'must be text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : 'must be a date as YYYY-MM-DD';
    case 'checkbox':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'select':
      return typeof value === 'string' && options.includes(value) ? null : `must be one of: ${options.join(', ')}`;
    case 'url':
      return typeof value === 'string' && /^https?:\/\/\S+$/i.test(value) ? null : 'must be an http(s) URL';
    default:
      return `has an unknown type ${type}`;
  }
}
