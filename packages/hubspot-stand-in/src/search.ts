import { type ErrorDetail, validationError } from './errors.ts';
import type { ObjectType } from './object-types.ts';
import type { PropertyType } from './property-defs.ts';
import type { CrmObject, HubSpotStore } from './store.ts';

export const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
type Operator = (typeof OPERATORS)[number];

export interface Filter {
  propertyName: string;
  operator: Operator;
  value?: string;
  highValue?: string;
  values?: string[];
}

export interface SearchRequest {
  filterGroups: Array<{ filters: Filter[] }>;
  sorts: Array<{ propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }>;
  query?: string;
  limit: number;
  after: number;
}

// reference: page ≤ 200, 10,000 results reachable in total, 5 groups × 10 filters (unverified: enforced).
export const SEARCH_MAX_LIMIT = 200;
export const SEARCH_MAX_RESULTS = 10_000;
const MAX_GROUPS = 5;
const MAX_FILTERS = 10;

/** Validates a search body; throws a 400 VALIDATION_ERROR naming the problem. */
export function parseSearchRequest(body: unknown): SearchRequest {
  const b = (body ?? {}) as Record<string, unknown>;
  const problems: ErrorDetail[] = [];
  const groups = Array.isArray(b.filterGroups) ? (b.filterGroups as Array<{ filters?: unknown }>) : [];
  if (groups.length > MAX_GROUPS)
    problems.push({ message: `at most ${MAX_GROUPS} filterGroups are allowed`, in: 'filterGroups' });
  const filterGroups = groups.map((g, gi) => {
    const filters = Array.isArray(g?.filters) ? (g.filters as Filter[]) : [];
    if (filters.length > MAX_FILTERS)
      problems.push({ message: `at most ${MAX_FILTERS} filters per group`, in: `filterGroups[${gi}]` });
    for (const [fi, f] of filters.entries()) {
      const at = `filterGroups[${gi}].filters[${fi}]`;
      if (typeof f?.propertyName !== 'string') problems.push({ message: 'propertyName is required', in: at });
      if (!OPERATORS.includes(f?.operator)) problems.push({ message: `unknown operator ${String(f?.operator)}`, in: at });
      if (f?.operator === 'BETWEEN' && (f.value === undefined || f.highValue === undefined)) {
        problems.push({ message: 'BETWEEN needs value and highValue', in: at });
      }
      if ((f?.operator === 'IN' || f?.operator === 'NOT_IN') && !Array.isArray(f.values)) {
        problems.push({ message: `${f.operator} needs values`, in: at });
      }
    }
    return { filters };
  });
  const sorts = Array.isArray(b.sorts) ? (b.sorts as SearchRequest['sorts']) : [];
  const limit = b.limit === undefined ? 10 : Number(b.limit);
  if (!Number.isInteger(limit) || limit < 0 || limit > SEARCH_MAX_LIMIT) {
    problems.push({ message: `limit must be an integer between 0 and ${SEARCH_MAX_LIMIT}`, in: 'limit' });
  }
  const after = b.after === undefined || b.after === null || b.after === '' ? 0 : Number(b.after);
  if (!Number.isInteger(after) || after < 0) problems.push({ message: 'after must be a numeric offset', in: 'after' });
  if (problems.length > 0) throw validationError('Invalid search request', problems);
  if (after + limit > SEARCH_MAX_RESULTS) {
    throw validationError(`Search results are limited to ${SEARCH_MAX_RESULTS} in total; use a narrower filter.`, [
      { message: `after + limit exceeds ${SEARCH_MAX_RESULTS}`, in: 'after' },
    ]);
  }
  return { filterGroups, sorts, query: typeof b.query === 'string' ? b.query : undefined, limit, after };
}

export interface SearchResult {
  total: number;
  records: CrmObject[];
  nextAfter?: string;
}

/** Runs a search over the live records of one type: groups ORed, filters ANDed, one sort honoured. */
export function runSearch(store: HubSpotStore, type: ObjectType, request: SearchRequest): SearchResult {
  const typeOf = (name: string): PropertyType => store.property(type, name)?.type ?? 'string';
  const matches: CrmObject[] = [];
  for (const record of store.all(type)) {
    if (request.query && !matchesQuery(record, request.query)) continue;
    if (request.filterGroups.length === 0 || request.filterGroups.some((g) => g.filters.every((f) => test(record, f, typeOf)))) {
      matches.push(record);
    }
  }
  const sort = request.sorts[0];
  if (sort) {
    const kind = typeOf(sort.propertyName);
    const sign = sort.direction === 'DESCENDING' ? -1 : 1;
    // Ties (and missing values) fall back to id order so paging is stable.
    matches.sort((a, b) => {
      const c = compareValues(a.properties.get(sort.propertyName), b.properties.get(sort.propertyName), kind);
      return c !== 0 ? sign * c : Number(a.id) - Number(b.id);
    });
  }
  const end = request.after + request.limit;
  const records = matches.slice(request.after, end);
  return { total: matches.length, records, ...(end < matches.length ? { nextAfter: String(end) } : {}) };
}

function matchesQuery(record: CrmObject, query: string): boolean {
  const q = query.toLowerCase();
  for (const value of record.properties.values()) if (value.toLowerCase().includes(q)) return true;
  return false;
}

function test(record: CrmObject, f: Filter, typeOf: (name: string) => PropertyType): boolean {
  const actual = record.properties.get(f.propertyName);
  const kind = typeOf(f.propertyName);
  const cmp = (v: string | undefined) => (actual === undefined || v === undefined ? Number.NaN : compareValues(actual, v, kind));
  switch (f.operator) {
    case 'EQ':
      return cmp(f.value) === 0;
    case 'NEQ':
      return !(cmp(f.value) === 0);
    case 'LT':
      return cmp(f.value) < 0;
    case 'LTE':
      return cmp(f.value) <= 0;
    case 'GT':
      return cmp(f.value) > 0;
    case 'GTE':
      return cmp(f.value) >= 0;
    case 'BETWEEN':
      return cmp(f.value) >= 0 && cmp(f.highValue) <= 0;
    case 'IN':
      return (f.values ?? []).some((v) => cmp(v) === 0);
    case 'NOT_IN':
      return !(f.values ?? []).some((v) => cmp(v) === 0);
    case 'HAS_PROPERTY':
      return actual !== undefined;
    case 'NOT_HAS_PROPERTY':
      return actual === undefined;
    case 'CONTAINS_TOKEN':
      return actual !== undefined && containsToken(actual, f.value ?? '');
    case 'NOT_CONTAINS_TOKEN':
      return actual === undefined || !containsToken(actual, f.value ?? '');
    default: {
      const never: never = f.operator;
      throw new Error(`unhandled operator ${String(never)}`);
    }
  }
}

// A token is the whole value or one whitespace-separated word, case-insensitive; `*` is a wildcard.
function containsToken(actual: string, token: string): boolean {
  const escaped = token
    .toLowerCase()
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*');
  const pattern = new RegExp(`^${escaped}$`);
  const value = actual.toLowerCase();
  return pattern.test(value) || value.split(/\s+/).some((t) => pattern.test(t));
}

/** Compares two stored values by the property's type: numbers numerically, dates as instants. */
export function compareValues(a: string | undefined, b: string | undefined, kind: PropertyType): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (kind === 'number') return Number(a) - Number(b);
  if (kind === 'datetime' || kind === 'date') return toMs(a) - toMs(b);
  if (kind === 'bool' || kind === 'enumeration') return a === b ? 0 : a < b ? -1 : 1;
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la === lb ? 0 : la < lb ? -1 : 1;
}

/** Date filter values come as epoch milliseconds or ISO strings; stored values are ISO. */
function toMs(value: string): number {
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}
