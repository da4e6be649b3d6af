import { PARTNER_COMPUTED_LABELS, PARTNER_IMPORT_TARGETS, REP_IMPORT_TARGETS } from '@ptrack/catalog';

// What a sheet column can become, in plain words: the catalog's import targets (the sheets adapter reads
// the same list); the server validates every mapping it is sent.

export type CustomFieldType = 'text' | 'number' | 'date' | 'select' | 'checkbox' | 'url';

export type ColumnTarget =
  | { kind: 'field'; field: string }
  | { kind: 'computed'; name: string }
  | { kind: 'custom'; key: string; label: string; type: CustomFieldType; options?: string[] }
  | { kind: 'ignore' };

type TargetGroup = { group: string; fields: readonly (readonly [string, string])[] };

/** The catalog's targets in its order, grouped (a group's fields follow one another there). */
function groupsOf(targets: Readonly<Record<string, { group: string; label: string }>>): TargetGroup[] {
  const groups: { group: string; fields: (readonly [string, string])[] }[] = [];
  for (const [key, { group, label }] of Object.entries(targets)) {
    const last = groups[groups.length - 1];
    if (last?.group === group) last.fields.push([key, label]);
    else groups.push({ group, fields: [[key, label]] });
  }
  return groups;
}

/** The partner fields a column can fill, grouped as the partner page shows them. */
export const PARTNER_TARGET_GROUPS: readonly TargetGroup[] = groupsOf(PARTNER_IMPORT_TARGETS);

/** The rep fields a column of a rep sheet (seed 001, "Option B") can fill. */
export const REP_TARGET_GROUPS: readonly TargetGroup[] = groupsOf(REP_IMPORT_TARGETS);

export type ImportEntity = 'partner' | 'rep';
const GROUPS: Record<ImportEntity, readonly TargetGroup[]> = { partner: PARTNER_TARGET_GROUPS, rep: REP_TARGET_GROUPS };
const FIELD_LABELS: Record<ImportEntity, Map<string, string>> = {
  partner: new Map(PARTNER_TARGET_GROUPS.flatMap((g) => g.fields)),
  rep: new Map(REP_TARGET_GROUPS.flatMap((g) => g.fields)),
};

/** Columns the product computes itself (recognised so they are not imported as custom fields). */
const COMPUTED_LABELS: Readonly<Record<string, string>> = PARTNER_COMPUTED_LABELS;

const CUSTOM_TYPE_LABELS: Record<CustomFieldType, string> = {
  text: 'text',
  number: 'number',
  date: 'date',
  select: 'choice list',
  checkbox: 'yes/no',
  url: 'link',
};

export const fieldLabel = (field: string, entity: ImportEntity = 'partner'): string =>
  FIELD_LABELS[entity].get(field) ?? FIELD_LABELS.partner.get(field) ?? FIELD_LABELS.rep.get(field) ?? field;
export const computedLabel = (name: string): string => COMPUTED_LABELS[name] ?? name;

/** One line saying what a column becomes: a target's label, "Custom field (number)", "Don't import". */
export function describeTarget(target: ColumnTarget, entity: ImportEntity = 'partner'): string {
  switch (target.kind) {
    case 'field':
      return fieldLabel(target.field, entity);
    case 'computed':
      return 'Computed — not stored';
    case 'custom':
      return `Custom field (${CUSTOM_TYPE_LABELS[target.type]})`;
    case 'ignore':
      return "Don't import";
  }
}

const MATCHED_BY: Record<string, string> = {
  saved: 'from your saved mapping',
  header: 'tracker sheet header',
  synonym: 'recognised header',
  'existing-custom': 'one of your custom fields',
  'new-custom': 'new custom field, typed from its values',
};

/** Why the server proposed this target, in a few words. */
export const describeMatchedBy = (matchedBy: string): string => MATCHED_BY[matchedBy] ?? matchedBy;

/** A Select value for a target: `field:<key>`, `computed`, `custom` or `ignore`. */
export function targetValue(target: ColumnTarget): string {
  return target.kind === 'field' ? `field:${target.field}` : target.kind;
}

/** A key a new custom field may have (the server's rule: a letter first, then letters, digits and _). */
export function customKeyFor(header: string, index: number): string {
  const words = header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: "Société" → "Societe"
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');
  return /^[A-Za-z]/.test(key) ? key.slice(0, 64) : `column${index + 1}`;
}

/**
 * The target a Select value stands for. `proposed` is what the server first suggested for the column:
 * choosing "custom" or "computed" again restores it (its type, options or computed name).
 */
export function targetFromValue(value: string, proposed: ColumnTarget, header: string, index: number): ColumnTarget {
  if (value.startsWith('field:')) return { kind: 'field', field: value.slice('field:'.length) };
  if (value === 'computed' && proposed.kind === 'computed') return proposed;
  if (value === 'custom')
    return proposed.kind === 'custom'
      ? proposed
      : { kind: 'custom', key: customKeyFor(header, index), label: header.trim() || `Column ${index + 1}`, type: 'text' };
  return { kind: 'ignore' };
}

export type TargetOption = { value: string; label: string };
export type TargetOptionGroup = { group: string; items: TargetOption[] };

/** The choices for one column's Select: custom, computed, don't import, then the sheet kind's fields by group. */
export function targetOptions(
  proposed: ColumnTarget,
  current: ColumnTarget,
  entity: ImportEntity = 'partner',
): TargetOptionGroup[] {
  const custom = current.kind === 'custom' ? current : proposed.kind === 'custom' ? proposed : null;
  const other: TargetOption[] = [
    { value: 'custom', label: custom ? describeTarget(custom) : 'Custom field (text)' },
    ...(proposed.kind === 'computed' ? [{ value: 'computed', label: describeTarget(proposed) }] : []),
    { value: 'ignore', label: "Don't import" },
  ];
  return [
    { group: `Not a ${entity} field`, items: other },
    ...GROUPS[entity].map((g) => ({
      group: g.group,
      items: g.fields.map(([value, label]) => ({ value: `field:${value}`, label })),
    })),
  ];
}
