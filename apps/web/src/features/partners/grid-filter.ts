import { type FieldValues, type FilterOp, type GridFieldDef, PARTNER_GRID_FIELDS } from '@ptrack/catalog';
import type { PartnerFilter } from '@ptrack/contracts';
import { formatShortDate } from '../../lib/dates';
import { formatMinor } from '../../lib/money';
import { labelOf } from './format-cell';
import { type ColumnKind, columnOf, type GridColumn } from './grid-columns';

// The grid's own filter: conditions the user adds on top of the selected view, all of which must hold.
// They travel in the URL (`filter`) exactly as the API's `filter` parameter takes them (money in minor
// units, relative dates as { today: n }), so the server, a reload and a saved view read the same thing.
// The API's filter language is richer (or, nesting); the grid builds the common case, an AND of
// conditions, and a view saved with it keeps the view's own filter beside them.

export type { FilterOp };
export type RelativeDate = { today: number };
export type ConditionValue = string | number | boolean | string[] | RelativeDate;
export type GridCondition = { field: string; op: FilterOp; value?: ConditionValue };

export const MAX_CONDITIONS = 20;

const TEXT_OPS: readonly FilterOp[] = ['contains', 'eq', 'neq', 'in', 'empty', 'notEmpty'];
const NUMBER_OPS: readonly FilterOp[] = ['gte', 'lte', 'gt', 'lt', 'eq', 'neq', 'empty', 'notEmpty'];
const DATE_OPS: readonly FilterOp[] = ['lt', 'lte', 'gt', 'gte', 'eq', 'empty', 'notEmpty'];

/** The operators offered for a column kind, in the order the editor lists them. */
export function opsFor(kind: ColumnKind): readonly FilterOp[] {
  switch (kind) {
    case 'text':
      return TEXT_OPS;
    case 'label':
      return ['eq', 'neq', 'in', 'empty', 'notEmpty'];
    case 'number':
    case 'money':
      return NUMBER_OPS;
    case 'date':
      return DATE_OPS;
    case 'instant':
      return []; // created/updated: sorting serves; the API compares them only as full timestamps
    case 'boolean':
      return ['eq'];
  }
}

/** Whether the editor offers the column at all. */
export const isFilterable = (kind: ColumnKind): boolean => opsFor(kind).length > 0;

const NUMBER_WORDS: Record<FilterOp, string> = {
  eq: '=',
  neq: '≠',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  contains: 'contains',
  in: 'is any of',
  empty: 'is empty',
  notEmpty: 'is not empty',
};
const TEXT_WORDS: Record<FilterOp, string> = {
  ...NUMBER_WORDS,
  eq: 'is',
  neq: 'is not',
};
const DATE_WORDS: Record<FilterOp, string> = {
  ...TEXT_WORDS,
  eq: 'is on',
  lt: 'is before',
  lte: 'is on or before',
  gt: 'is after',
  gte: 'is on or after',
};

/** How an operator reads for a column kind ("is before" for dates, "≥" for numbers). */
export function opLabel(kind: ColumnKind, op: FilterOp): string {
  if (kind === 'number' || kind === 'money') return NUMBER_WORDS[op];
  if (kind === 'date' || kind === 'instant') return DATE_WORDS[op];
  return TEXT_WORDS[op];
}

export function needsValue(op: FilterOp): boolean {
  return op !== 'empty' && op !== 'notEmpty';
}

const isRelative = (value: unknown): value is RelativeDate =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  Number.isInteger((value as RelativeDate).today);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` suits the operator on a column kind — the same shapes the server accepts. */
function valueFits(kind: ColumnKind, op: FilterOp, value: unknown): boolean {
  if (!needsValue(op)) return value === undefined;
  if (op === 'in') return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '');
  switch (kind) {
    case 'text':
    case 'label':
      return typeof value === 'string' && value.trim() !== '';
    case 'number':
    case 'money':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return (typeof value === 'string' && DAY.test(value)) || isRelative(value);
    case 'instant':
      return false;
    case 'boolean':
      return typeof value === 'boolean';
  }
}

/** Whether a condition names a known column, an operator of its kind and a value of the right shape. */
export function isValidCondition(condition: unknown): condition is GridCondition {
  if (typeof condition !== 'object' || condition === null) return false;
  const { field, op, value, ...rest } = condition as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof field !== 'string' || typeof op !== 'string') return false;
  const column = columnOf(field);
  if (!column || !(opsFor(column.kind) as readonly string[]).includes(op)) return false;
  return valueFits(column.kind, op as FilterOp, value);
}

/** The URL's `filter` → conditions; undefined when absent or malformed (a bad link shows all rows, not an error). */
export function parseFilterParam(value: string | undefined): GridCondition[] | undefined {
  if (!value) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  if (list.length === 0 || list.length > MAX_CONDITIONS || !list.every(isValidCondition)) return undefined;
  return list;
}

/** Conditions → the API filter: one condition alone, several under `and`. */
export function toApiFilter(conditions: readonly GridCondition[]): PartnerFilter | null {
  // The conditions were checked against the catalog's columns (isValidCondition): their fields are the API's.
  const checked = conditions as readonly PartnerFilter[];
  if (checked.length === 0) return null;
  return checked.length === 1 ? (checked[0] ?? null) : { and: [...checked] };
}

/** A saved view's filter: the view's own (if any) and the grid's conditions, all of which must hold. */
export function combineFilters(base: PartnerFilter | null, conditions: readonly GridCondition[]): PartnerFilter | null {
  const extra = toApiFilter(conditions);
  if (base === null) return extra;
  if (extra === null) return base;
  return { and: [base, extra] };
}

function describeDay(value: string | RelativeDate): string {
  if (typeof value === 'string') return formatShortDate(value);
  const n = value.today;
  if (n === 0) return 'today';
  const days = Math.abs(n) === 1 ? 'day' : 'days';
  return n < 0 ? `${-n} ${days} ago` : `${n} ${days} from now`;
}

function describeValue(kind: ColumnKind, value: ConditionValue, currency: string): string {
  if (Array.isArray(value)) return value.map((v) => (kind === 'label' ? labelOf(v) : v)).join(', ');
  switch (kind) {
    case 'money':
      return formatMinor(Number(value), currency);
    case 'number':
      return Number(value).toLocaleString();
    case 'date':
    case 'instant':
      return describeDay(value as string | RelativeDate);
    case 'boolean':
      return value ? 'yes' : 'no';
    case 'label':
      return labelOf(String(value));
    case 'text':
      return `“${String(value)}”`;
  }
}

/** "Type is “Agency”", "Pipeline ≥ $50,000", "Last touch is before 30 days ago". */
export function describeCondition(condition: GridCondition, currency: string): string {
  const column = columnOf(condition.field);
  if (!column) return condition.field;
  if (column.kind === 'boolean') return `${column.label}: ${condition.value ? 'yes' : 'no'}`;
  const op = opLabel(column.kind, condition.op);
  if (!needsValue(condition.op) || condition.value === undefined) return `${column.label} ${op}`;
  return `${column.label} ${op} ${describeValue(column.kind, condition.value, currency)}`;
}

const VALUES_OF: ReadonlyMap<string, FieldValues> = new Map(
  (PARTNER_GRID_FIELDS as readonly GridFieldDef[]).flatMap((f) => (f.values ? [[f.key, f.values] as const] : [])),
);

/** The choices the editor offers for a column's value (the server's codes or an option list), or undefined for free input. */
export function choicesFor(field: string, optionLists: Record<string, string[]> | undefined): readonly string[] | undefined {
  const values = VALUES_OF.get(field);
  if (!values) return undefined;
  return 'fixed' in values ? values.fixed : (optionLists?.[values.optionList] ?? []);
}

/** The fields the filter editor offers: every column whose kind can be filtered, computed ones marked. */
export function filterFieldChoices(columns: readonly GridColumn<string>[]): { value: string; label: string }[] {
  return columns
    .filter((c) => isFilterable(c.kind))
    .map((c) => ({ value: c.key, label: c.computed ? `${c.label} (computed)` : c.label }));
}
