import { DEFAULT_OPTION_LISTS, defined, findOptionValue, type OptionListName } from '@ptrack/domain';
import {
  CONDITIONAL_HEADERS,
  PARTNER_COMPUTED_HEADERS,
  PARTNER_FIELD_HEADERS,
  REP_COMPUTED_HEADERS,
  REP_FIELD_HEADERS,
} from './column-synonyms';
import type { Entity, PartnerTarget, RepTarget } from './column-targets';
import { type CustomFieldType, inferCustomType, TYPE_FIT_SHARE } from './infer-custom-type';
import { columnLetter, customKeyOf, normaliseHeader } from './normalise-header';
import { parseDate } from './parse-date';
import { cellText, type SheetCell } from './parsed';
import type { SavedMapping } from './saved-mapping';
import type { SheetRow } from './sheet-types';

export type CustomFieldDef = { key: string; label: string; type: CustomFieldType; options?: string[] };

export type ColumnTarget =
  | { kind: 'field'; field: PartnerTarget | RepTarget }
  | { kind: 'computed'; name: string }
  | ({ kind: 'custom' } & CustomFieldDef)
  | { kind: 'ignore' };

/** How one column was understood, and why: a saved mapping, its exact seed header, a synonym, its values, or nothing known. */
export type ColumnMapping = {
  index: number;
  header: string;
  target: ColumnTarget;
  matchedBy: 'saved' | 'header' | 'synonym' | 'existing-custom' | 'new-custom';
  /** Every sampled value of the column came from a formula (XLSX): worth a word in the import preview. */
  formula?: true;
};

export type MatchHeadersOptions = {
  entity: Entity;
  saved?: SavedMapping;
  /** The first rows of the sheet: they type new custom fields and settle headers whose meaning depends on values. */
  samples?: readonly SheetRow[];
  /** Custom fields the workspace already has: a header equal to one's label or key reuses it. */
  customFields?: readonly CustomFieldDef[];
  optionLists?: Readonly<Partial<Record<OptionListName, readonly string[]>>>;
};

type Known = { kind: 'field'; field: PartnerTarget | RepTarget } | { kind: 'computed'; name: string };
type Index = { canonical: Map<string, Known>; synonyms: Map<string, Known> };

function buildIndex(
  fields: Readonly<Record<string, readonly string[]>>,
  computed: Readonly<Record<string, readonly string[]>>,
): Index {
  const canonical = new Map<string, Known>();
  const synonyms = new Map<string, Known>();
  const add = (headers: readonly string[], known: Known) => {
    headers.forEach((h, i) => {
      const n = normaliseHeader(h);
      if (i === 0) canonical.set(n, known);
      if (!synonyms.has(n)) synonyms.set(n, known);
    });
  };
  for (const [field, headers] of Object.entries(fields)) add(headers, { kind: 'field', field: field as PartnerTarget });
  for (const [name, headers] of Object.entries(computed)) add(headers, { kind: 'computed', name });
  return { canonical, synonyms };
}

const INDEX: Record<Entity, Index> = {
  partner: buildIndex(PARTNER_FIELD_HEADERS, PARTNER_COMPUTED_HEADERS),
  rep: buildIndex(REP_FIELD_HEADERS, REP_COMPUTED_HEADERS),
};

/** Every header each entity recognises, normalised (for tests and previews). */
export function knownHeaders(entity: Entity): Map<string, Known> {
  return INDEX[entity].synonyms;
}

function valuesFit(when: 'dates' | 'actionTypes', values: readonly SheetCell[], options: MatchHeadersOptions): boolean {
  const actionTypes = options.optionLists?.actionType ?? DEFAULT_OPTION_LISTS.actionType;
  const filled = values.filter((v) => cellText(v) !== '');
  const fits = filled.filter((v) =>
    when === 'dates'
      ? parseDate(v, { dateOrder: options.saved?.dateOrder }).ok
      : findOptionValue(actionTypes, cellText(v)) !== null,
  );
  return fits.length >= TYPE_FIT_SHARE * filled.length;
}

/**
 * One mapping per column, in column order. Precedence: a saved mapping; the seed's own header; a
 * custom field the workspace already has; a synonym (settled by the values for headers such as "Next
 * Activity"); else a new custom field typed from the sample values — nothing is dropped. A field claimed
 * by an earlier, better match leaves a repeated header to become a custom field.
 */
export function matchHeaders(headers: readonly string[], options: MatchHeadersOptions): ColumnMapping[] {
  const { entity, saved, samples = [], customFields = [] } = options;
  const index = INDEX[entity];
  const norms = headers.map(normaliseHeader);
  const occurrences = new Map<string, number>();
  const occurrence = norms.map((n) => {
    const k = (occurrences.get(n) ?? 0) + 1;
    occurrences.set(n, k);
    return k;
  });
  const result: (ColumnMapping | undefined)[] = new Array(headers.length);
  const takenFields = new Set<string>();
  const takenKeys = new Set<string>();
  const valuesOf = (i: number) => samples.map((r) => r.cells[i] ?? null);
  const set = (i: number, target: ColumnTarget, matchedBy: ColumnMapping['matchedBy']) => {
    result[i] = { index: i, header: defined(headers[i]), target, matchedBy };
    if (target.kind === 'field') takenFields.add(target.field);
    if (target.kind === 'custom') takenKeys.add(target.key.toLowerCase());
  };
  const free = (known: Known) => known.kind === 'computed' || !takenFields.has(known.field);

  if (saved) {
    const byHeader = new Map(saved.columns.map((c) => [`${normaliseHeader(c.header)}#${c.occurrence}`, c.target]));
    norms.forEach((n, i) => {
      const target = byHeader.get(`${n}#${occurrence[i]}`);
      if (target) set(i, target as ColumnTarget, 'saved');
    });
  }
  norms.forEach((n, i) => {
    const known = index.canonical.get(n);
    if (!result[i] && known && free(known)) set(i, known, 'header');
  });
  const customByName = new Map<string, CustomFieldDef>();
  for (const f of customFields) {
    customByName.set(normaliseHeader(f.label), f);
    customByName.set(normaliseHeader(f.key), f);
  }
  norms.forEach((n, i) => {
    const existing = customByName.get(n);
    if (!result[i] && existing && !takenKeys.has(existing.key.toLowerCase()))
      set(i, { kind: 'custom', ...existing }, 'existing-custom');
  });
  norms.forEach((n, i) => {
    if (result[i]) return;
    const conditional = CONDITIONAL_HEADERS.find((c) => c.entity === entity && normaliseHeader(c.header) === n);
    let known = index.synonyms.get(n);
    if (conditional && !valuesFit(conditional.when, valuesOf(i), options))
      known = conditional.otherwise ? { kind: 'field', field: conditional.otherwise } : undefined;
    if (known && free(known)) set(i, known, 'synonym');
  });
  headers.forEach((h, i) => {
    if (result[i]) return;
    const label = h.trim() === '' ? `Column ${columnLetter(i)}` : h.trim();
    const base = customKeyOf(label);
    let key = base;
    for (let k = 2; takenKeys.has(key.toLowerCase()) || takenFields.has(key); k++) key = `${base}${k}`;
    // A repeated header gets its occurrence in the label, so an export of it reads back as this field.
    const distinctLabel = defined(occurrence[i]) > 1 ? `${label} (${occurrence[i]})` : label;
    set(i, { kind: 'custom', key, label: distinctLabel, ...inferCustomType(valuesOf(i)) }, 'new-custom');
  });
  const mappings = result as ColumnMapping[];
  for (const m of mappings) {
    const filled = samples.filter((r) => cellText(r.cells[m.index] ?? null) !== '');
    if (filled.length > 0 && filled.every((r) => r.formulas?.has(m.index))) m.formula = true;
  }
  return mappings;
}

/** The mapping as a SavedMapping, to store once the user has confirmed (or corrected) it. */
export function toSavedMapping(entity: Entity, mappings: readonly ColumnMapping[], dateOrder?: 'MDY' | 'DMY'): SavedMapping {
  const seen = new Map<string, number>();
  return {
    version: 1,
    entity,
    ...(dateOrder ? { dateOrder } : {}),
    columns: mappings.map((m) => {
      const n = normaliseHeader(m.header);
      const occurrence = (seen.get(n) ?? 0) + 1;
      seen.set(n, occurrence);
      return { header: m.header, occurrence, target: m.target };
    }),
  };
}
