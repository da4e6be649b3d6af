import { isColumnKey } from './grid-columns';
import { type GridCondition, parseFilterParam } from './grid-filter';

// The partner grid keeps its state in the URL, so a reload or a shared link shows the same list:
// `view` (a built-in slug or a saved view id), `q` (search), `sort` (the API's "-field,field" syntax)
// `cols` (the columns shown, comma-separated) and `filter` (the grid's own conditions, as the API takes
// them). Anything malformed is dropped, not an error.

export type PartnersSearch = { view?: string; q?: string; sort?: string; cols?: string; filter?: GridCondition[] };
export type SortKey = { field: string; dir: 'asc' | 'desc' };

const VIEW_ID = /^[A-Za-z0-9-]{1,100}$/;

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** "-pipelineValueMinor,name" → keys; undefined when empty or naming an unknown column. */
export function parseSort(value: string | undefined): SortKey[] | undefined {
  if (!value) return undefined;
  const keys = value.split(',').map((part): SortKey => {
    const desc = part.startsWith('-');
    return { field: desc ? part.slice(1) : part, dir: desc ? 'desc' : 'asc' };
  });
  return keys.length > 0 && keys.length <= 10 && keys.every((k) => isColumnKey(k.field)) ? keys : undefined;
}

export function formatSort(keys: readonly SortKey[]): string {
  return keys.map((k) => (k.dir === 'desc' ? `-${k.field}` : k.field)).join(',');
}

/** Clicking a column header: ascending first, then it toggles; ties are broken by name. */
export function nextSort(current: readonly SortKey[], field: string): SortKey[] {
  const primary = current[0];
  const dir = primary?.field === field && primary.dir === 'asc' ? 'desc' : 'asc';
  return field === 'name'
    ? [{ field, dir }]
    : [
        { field, dir },
        { field: 'name', dir: 'asc' },
      ];
}

export function parseColumns(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  const keys = value.split(',').filter(isColumnKey);
  return keys.length > 0 ? keys : undefined;
}

/** TanStack Router's validateSearch for /partners. */
export function validatePartnersSearch(search: Record<string, unknown>): PartnersSearch {
  const view = text(search.view);
  const q = text(search.q)?.slice(0, 200);
  const sort = text(search.sort);
  const cols = text(search.cols);
  // TanStack Router keeps JSON in the URL and hands it over parsed; a hand-edited link may carry a string.
  const rawFilter = typeof search.filter === 'string' ? search.filter : search.filter ? JSON.stringify(search.filter) : undefined;
  const conditions = parseFilterParam(rawFilter);
  return {
    view: view && VIEW_ID.test(view) ? view : undefined,
    q,
    sort: parseSort(sort) ? sort : undefined,
    cols: parseColumns(cols)?.join(','),
    filter: conditions,
  };
}
