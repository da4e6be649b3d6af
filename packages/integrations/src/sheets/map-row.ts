import { PARTNER_TARGETS, type PartnerTarget, REP_TARGETS, type RepTarget, type ValueKind } from './column-targets';
import type { ColumnMapping, CustomFieldDef } from './header-match';
import { columnLetter } from './normalise-header';
import { cellText } from './parsed';
import { type ReadFieldOptions, readCustom, readField, type ValueOf } from './read-field';
import type { SheetRow } from './sheet-types';

/** A cell that could not be read: where it is, what it held and why. The rest of the row still maps. */
export type RowProblem = { rowNumber: number; column: string; value: string; reason: string };

type Targets = typeof PARTNER_TARGETS | typeof REP_TARGETS;
type Own<T extends Targets> = {
  -readonly [K in keyof T as K extends `${string}.${string}` ? never : K]?: ValueOf<T[K] & ValueKind>;
};
type Group<T extends Targets, P extends string> = {
  -readonly [K in keyof T as K extends `${P}.${infer R}` ? R : never]?: ValueOf<T[K] & ValueKind>;
};
export type CustomValue = string | number | boolean | null;

/** A partner row as read: a blank cell of a mapped column gives null (the sheet says "empty"). */
export type MappedPartnerRow = {
  rowNumber: number;
  partner: Own<typeof PARTNER_TARGETS>;
  /** The current 90-day plan (ActivationPlan); present when any of its cells holds a value. */
  plan?: Group<typeof PARTNER_TARGETS, 'plan'>;
  /** The next action (Action); present when any of its cells holds a value. */
  nextAction?: Group<typeof PARTNER_TARGETS, 'nextAction'>;
  /** Performance carried over from the sheet (partners.baseline); pipeline in minor units. */
  baseline?: Group<typeof PARTNER_TARGETS, 'baseline'>;
  /** Activity dates from the sheet; the product computes them from touches. */
  activity?: Group<typeof PARTNER_TARGETS, 'activity'>;
  custom: Record<string, CustomValue>;
  problems: RowProblem[];
};

/** Reads one partner name per row and reports a name (ignoring case and spaces) seen on an earlier row. */
function duplicateCheck(mappings: readonly ColumnMapping[], keyFields: readonly string[], what: string) {
  const columns = keyFields.flatMap((f) => mappings.find((m) => m.target.kind === 'field' && m.target.field === f) ?? []);
  const seen = new Map<string, number>();
  const last = columns.at(-1);
  // Without every key column mapped there is nothing to compare.
  if (last === undefined || columns.length < keyFields.length) return (_row: SheetRow): RowProblem | null => null;
  return (row: SheetRow): RowProblem | null => {
    const parts = columns.map((c) =>
      cellText(row.cells[c.index] ?? null)
        .toLowerCase()
        .replace(/\s+/g, ' '),
    );
    if (parts.some((p) => p === '')) return null;
    const key = parts.join('\u0000');
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row.rowNumber);
      return null;
    }
    return {
      rowNumber: row.rowNumber,
      column: last.header,
      value: cellText(row.cells[last.index] ?? null),
      reason: `repeats row ${first} (the same ${what})`,
    };
  };
}

export type MappedRepRow = {
  rowNumber: number;
  rep: Own<typeof REP_TARGETS>;
  nextAction?: Group<typeof REP_TARGETS, 'nextAction'>;
  activity?: Group<typeof REP_TARGETS, 'activity'>;
  custom: Record<string, CustomValue>;
  problems: RowProblem[];
};

type Step =
  | { index: number; header: string; group: string | null; key: string; kind: ValueKind }
  | { index: number; header: string; custom: CustomFieldDef };

function compile(mappings: readonly ColumnMapping[], targets: Readonly<Record<string, ValueKind>>): Step[] {
  const steps: Step[] = [];
  for (const m of mappings) {
    const header = m.header || `Column ${columnLetter(m.index)}`;
    if (m.target.kind === 'field') {
      const kind = targets[m.target.field];
      if (!kind) continue;
      const dot = m.target.field.indexOf('.');
      steps.push({
        index: m.index,
        header,
        group: dot < 0 ? null : m.target.field.slice(0, dot),
        key: dot < 0 ? m.target.field : m.target.field.slice(dot + 1),
        kind,
      });
    } else if (m.target.kind === 'custom') steps.push({ index: m.index, header, custom: m.target });
  }
  return steps;
}

function shortValue(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

type Mapped = {
  own: Record<string, unknown>;
  groups: Record<string, Record<string, unknown>>;
  custom: Record<string, CustomValue>;
  problems: RowProblem[];
};

function runSteps(steps: readonly Step[], width: number, row: SheetRow, options: ReadFieldOptions): Mapped {
  const own: Record<string, unknown> = {};
  const groups: Record<string, Record<string, unknown>> = {};
  const filled = new Set<string>();
  const custom: Record<string, CustomValue> = {};
  const problems: RowProblem[] = [];
  const { cells, rowNumber } = row;
  for (const step of steps) {
    const cell = cells[step.index] ?? null;
    const r = 'custom' in step ? readCustom(step.custom, cell, options) : readField(step.kind, cell, options);
    if (!r.ok) {
      problems.push({ rowNumber, column: step.header, value: shortValue(cellText(cell)), reason: r.reason });
      continue;
    }
    if ('custom' in step) custom[step.custom.key] = r.value as CustomValue;
    else if (step.group === null) own[step.key] = r.value;
    else {
      const group = groups[step.group] ?? {};
      groups[step.group] = group;
      group[step.key] = r.value;
      if (r.value !== null && !(Array.isArray(r.value) && r.value.length === 0)) filled.add(step.group);
    }
  }
  // Values beyond the header row have no column to go to: report them rather than drop them.
  for (let i = width; i < cells.length; i++) {
    const text = cellText(cells[i] ?? null);
    if (text !== '')
      problems.push({
        rowNumber,
        column: `Column ${columnLetter(i)}`,
        value: shortValue(text),
        reason: 'the column has no header',
      });
  }
  for (const g of Object.keys(groups)) if (!filled.has(g)) delete groups[g];
  return { own, groups, custom, problems };
}

/**
 * Compiles a partner mapping once; the returned function maps one row. A cell that cannot be read is a
 * problem (row, column, value, reason) and leaves its field out; the rest of the row still maps. The
 * mapper remembers names: a row repeating an earlier partner's name carries a problem saying which row.
 */
export function createPartnerRowMapper(
  mappings: readonly ColumnMapping[],
  options: ReadFieldOptions = {},
): (row: SheetRow) => MappedPartnerRow {
  const steps = compile(mappings, PARTNER_TARGETS);
  const width = mappings.length;
  const duplicate = duplicateCheck(mappings, ['name'], 'partner name');
  return (row) => {
    const { own, groups, custom, problems } = runSteps(steps, width, row, options);
    const repeated = duplicate(row);
    if (repeated) problems.push(repeated);
    const mapped: MappedPartnerRow = { rowNumber: row.rowNumber, partner: own, custom, problems };
    if (groups.plan) mapped.plan = groups.plan;
    if (groups.nextAction) mapped.nextAction = groups.nextAction;
    if (groups.baseline) mapped.baseline = groups.baseline;
    if (groups.activity) mapped.activity = groups.activity;
    return mapped;
  };
}

export function createRepRowMapper(
  mappings: readonly ColumnMapping[],
  options: ReadFieldOptions = {},
): (row: SheetRow) => MappedRepRow {
  const steps = compile(mappings, REP_TARGETS);
  const width = mappings.length;
  const duplicate = duplicateCheck(mappings, ['partnerName', 'name'], 'rep at the same partner');
  return (row) => {
    const { own, groups, custom, problems } = runSteps(steps, width, row, options);
    const repeated = duplicate(row);
    if (repeated) problems.push(repeated);
    const mapped: MappedRepRow = { rowNumber: row.rowNumber, rep: own, custom, problems };
    if (groups.nextAction) mapped.nextAction = groups.nextAction;
    if (groups.activity) mapped.activity = groups.activity;
    return mapped;
  };
}

/** Maps one partner row (compile with createPartnerRowMapper when mapping many). */
export function mapPartnerRow(
  row: SheetRow,
  mappings: readonly ColumnMapping[],
  options: ReadFieldOptions = {},
): MappedPartnerRow {
  return createPartnerRowMapper(mappings, options)(row);
}

export function mapRepRow(row: SheetRow, mappings: readonly ColumnMapping[], options: ReadFieldOptions = {}): MappedRepRow {
  return createRepRowMapper(mappings, options)(row);
}

/** A mapped row as an export record (keys as in ExportColumn.key): what an export of it would write. */
export function toExportRecord(mapped: MappedPartnerRow | MappedRepRow): Record<string, unknown> {
  const record: Record<string, unknown> = { ...('partner' in mapped ? mapped.partner : mapped.rep) };
  for (const group of ['plan', 'nextAction', 'baseline', 'activity'] as const) {
    const values = (mapped as Record<string, unknown>)[group] as Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(values ?? {})) record[`${group}.${k}`] = v;
  }
  for (const [k, v] of Object.entries(mapped.custom)) record[`custom.${k}`] = v;
  return record;
}

export type { PartnerTarget, RepTarget };
