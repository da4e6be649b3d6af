import {
  FILTER_OPS,
  type FilterOp,
  MAX_FILTER_CONDITIONS,
  MAX_FILTER_DEPTH,
  MAX_IN_VALUES,
  MAX_RELATIVE_DAYS,
  MAX_TEXT_VALUE,
} from '@ptrack/catalog';
import { addDays, type IsoDate, isIsoDate } from './calendar';
import { compareCodePoints, compareTextIgnoringCase } from './compare';
import { type FieldKind, isPartnerListField, PARTNER_LIST_FIELDS, type PartnerListField } from './partner-list-fields';

// A view's filter is JSON a user wrote (API, saved view): it is checked here once, then storage turns
// it into SQL (filterSql) and matchesFilter below evaluates it in memory with the same meaning.

export { FILTER_OPS, type FilterOp, MAX_FILTER_CONDITIONS, MAX_FILTER_DEPTH, MAX_IN_VALUES };

export type FilterPrimitive = string | number | boolean;
/** A date relative to today in the workspace time zone: `{ today: -7 }` is a week ago. */
export type RelativeDate = { today: number };
export type FilterValue = FilterPrimitive | FilterPrimitive[] | RelativeDate;

/**
 * One test on one column. `empty`/`notEmpty` take no value; `in` takes a list; `contains` (text only)
 * a string; the others one value of the column's kind, or a RelativeDate for a date column.
 */
export type FilterCondition = { field: PartnerListField; op: FilterOp; value?: FilterValue };
export type Filter = FilterCondition | { and: Filter[] } | { or: Filter[] };

export type SortKey = { field: PartnerListField; dir: 'asc' | 'desc' };

const ORDERING_OPS: ReadonlySet<FilterOp> = new Set(['lt', 'lte', 'gt', 'gte']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export type FilterCheck = { ok: true; filter: Filter } | { ok: false; path: string; message: string };

class FilterProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kindName(kind: FieldKind): string {
  switch (kind) {
    case 'text':
      return 'text';
    case 'number':
      return 'a number';
    case 'date':
      return 'a date YYYY-MM-DD or {"today": n}';
    case 'instant':
      return 'an ISO 8601 date-time with offset';
    case 'boolean':
      return 'true or false';
  }
}

function isScalarOf(kind: FieldKind, v: unknown): boolean {
  switch (kind) {
    case 'text':
      return typeof v === 'string' && v.length <= MAX_TEXT_VALUE;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'date':
      return isIsoDate(v);
    case 'instant':
      return typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v));
    case 'boolean':
      return typeof v === 'boolean';
  }
}

function isRelativeDate(v: unknown): v is RelativeDate {
  return (
    isPlainObject(v) &&
    Object.keys(v).length === 1 &&
    Number.isInteger(v.today) &&
    Math.abs(v.today as number) <= MAX_RELATIVE_DAYS
  );
}

function checkCondition(node: Record<string, unknown>, path: string): FilterCondition {
  for (const key of Object.keys(node)) {
    if (key !== 'field' && key !== 'op' && key !== 'value') {
      throw new FilterProblem(join(path, key), 'unknown key (a condition has field, op and value)');
    }
  }
  const { field, op, value } = node;
  if (typeof field !== 'string' || !isPartnerListField(field)) {
    throw new FilterProblem(
      join(path, 'field'),
      `unknown field ${JSON.stringify(field)} (one of ${Object.keys(PARTNER_LIST_FIELDS).join(', ')})`,
    );
  }
  if (typeof op !== 'string' || !(FILTER_OPS as readonly string[]).includes(op)) {
    throw new FilterProblem(join(path, 'op'), `unknown op ${JSON.stringify(op)} (one of ${FILTER_OPS.join(', ')})`);
  }
  const kind = PARTNER_LIST_FIELDS[field];
  const valuePath = join(path, 'value');
  const condition = (v?: FilterValue): FilterCondition =>
    v === undefined ? { field, op: op as FilterOp } : { field, op: op as FilterOp, value: v };
  switch (op as FilterOp) {
    case 'empty':
    case 'notEmpty':
      if (value !== undefined) throw new FilterProblem(valuePath, `${op} takes no value`);
      return condition();
    case 'contains':
      if (kind !== 'text') throw new FilterProblem(join(path, 'op'), `contains works on text fields; ${field} is ${kind}`);
      if (!isScalarOf('text', value)) throw new FilterProblem(valuePath, 'must be text');
      return condition(value as string);
    case 'in': {
      if (!Array.isArray(value)) throw new FilterProblem(valuePath, 'must be a list of values');
      if (value.length > MAX_IN_VALUES) throw new FilterProblem(valuePath, `must have at most ${MAX_IN_VALUES} values`);
      value.forEach((v, i) => {
        if (!isScalarOf(kind, v))
          throw new FilterProblem(join(valuePath, i), `must be ${kindName(kind).replace(' or {"today": n}', '')}`);
      });
      return condition([...(value as FilterPrimitive[])]);
    }
    case 'eq':
    case 'neq':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      if (kind === 'boolean' && ORDERING_OPS.has(op as FilterOp)) {
        throw new FilterProblem(join(path, 'op'), `${field} is true or false: use eq or neq`);
      }
      if (kind === 'date' && isRelativeDate(value)) return condition({ today: value.today });
      if (!isScalarOf(kind, value)) throw new FilterProblem(valuePath, `must be ${kindName(kind)}`);
      return condition(value as FilterPrimitive);
  }
}

function checkNode(node: unknown, path: string, depth: number, count: { n: number }): Filter {
  if (!isPlainObject(node)) throw new FilterProblem(path, 'must be an object: a condition, {"and": [...]} or {"or": [...]}');
  const group = 'and' in node ? 'and' : 'or' in node ? 'or' : null;
  if (group === null) {
    if (++count.n > MAX_FILTER_CONDITIONS)
      throw new FilterProblem(path, `a filter has at most ${MAX_FILTER_CONDITIONS} conditions`);
    return checkCondition(node, path);
  }
  if (Object.keys(node).length !== 1) throw new FilterProblem(path, `a group has only "${group}"`);
  if (depth >= MAX_FILTER_DEPTH) throw new FilterProblem(path, `groups nest at most ${MAX_FILTER_DEPTH} deep`);
  const children = node[group];
  if (!Array.isArray(children)) throw new FilterProblem(join(path, group), 'must be a list of filters');
  const checked = children.map((c, i) => checkNode(c, join(join(path, group), i), depth + 1, count));
  return group === 'and' ? { and: checked } : { or: checked };
}

/**
 * Checks filter JSON from outside: known fields and ops, values of the field's kind, groups nested at
 * most 5 deep, at most 100 conditions. Returns a clean copy, or the dotted path of the first problem
 * (e.g. `or.1.value`, empty for the root) and a message for a person.
 */
export function validateFilter(json: unknown): FilterCheck {
  try {
    return { ok: true, filter: checkNode(json, '', 0, { n: 0 }) };
  } catch (e) {
    if (e instanceof FilterProblem) return { ok: false, path: e.path, message: e.message };
    throw e;
  }
}

/** The value a condition compares against, with a relative date resolved against `today`. */
export function resolveFilterValue(
  value: FilterValue | undefined,
  today: IsoDate,
): FilterPrimitive | FilterPrimitive[] | undefined {
  if (isPlainObject(value)) return addDays(today, (value as RelativeDate).today);
  return value as FilterPrimitive | FilterPrimitive[] | undefined;
}

/**
 * Compares two non-null values of a column's kind as the database does: text ignoring case by code
 * point, numbers numerically, dates and instants chronologically, false before true.
 */
export function compareFieldValues(kind: FieldKind, a: unknown, b: unknown): number {
  switch (kind) {
    case 'text':
      return compareTextIgnoringCase(String(a), String(b));
    case 'number':
      return Math.sign(Number(a) - Number(b));
    case 'date':
      return compareCodePoints(String(a), String(b));
    case 'instant':
      return Math.sign(Date.parse(String(a)) - Date.parse(String(b)));
    case 'boolean':
      return Number(a) - Number(b);
  }
}

const isMissing = (v: unknown) => v === null || v === undefined;

function conditionHolds(row: Readonly<Record<string, unknown>>, c: FilterCondition, today: IsoDate): boolean {
  const kind = PARTNER_LIST_FIELDS[c.field];
  const actual = row[c.field];
  const value = resolveFilterValue(c.value, today);
  // As in SQL, a comparison with a missing value is unknown, and unknown rows are left out — so a
  // row with no value matches neither eq nor neq. (Filters have no "not", so unknown acts as false.)
  if (c.op === 'empty') return isMissing(actual);
  if (c.op === 'notEmpty') return !isMissing(actual);
  if (isMissing(actual)) return false;
  const cmp = (v: unknown) => compareFieldValues(kind, actual, v);
  switch (c.op) {
    case 'eq':
      return cmp(value) === 0;
    case 'neq':
      return cmp(value) !== 0;
    case 'lt':
      return cmp(value) < 0;
    case 'lte':
      return cmp(value) <= 0;
    case 'gt':
      return cmp(value) > 0;
    case 'gte':
      return cmp(value) >= 0;
    case 'contains':
      return String(actual).toLowerCase().includes(String(value).toLowerCase());
    case 'in':
      return (value as FilterPrimitive[]).some((v) => cmp(v) === 0);
  }
}

/**
 * True when a partner list row passes `filter` on `today` — the in-memory twin of storage's
 * filterSql. An empty `and` passes every row; an empty `or` passes none.
 */
export function matchesFilter(row: Readonly<Record<string, unknown>>, filter: Filter, today: IsoDate): boolean {
  if ('and' in filter) return filter.and.every((f) => matchesFilter(row, f, today));
  if ('or' in filter) return filter.or.some((f) => matchesFilter(row, f, today));
  return conditionHolds(row, filter, today);
}

/**
 * Orders two partner list rows by `sort` as the list query does: each key ascending or descending
 * with missing values last either way, then by id.
 */
export function comparePartnerRows(
  a: Readonly<Record<string, unknown>> & { id: string },
  b: Readonly<Record<string, unknown>> & { id: string },
  sort: readonly SortKey[],
): number {
  for (const key of sort) {
    const x = a[key.field];
    const y = b[key.field];
    if (isMissing(x) || isMissing(y)) {
      if (isMissing(x) !== isMissing(y)) return isMissing(x) ? 1 : -1;
      continue;
    }
    const c = compareFieldValues(PARTNER_LIST_FIELDS[key.field], x, y);
    if (c !== 0) return key.dir === 'asc' ? c : -c;
  }
  return compareCodePoints(a.id, b.id);
}
