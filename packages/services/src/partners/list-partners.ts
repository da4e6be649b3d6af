import type { PartnerListQuery, PartnerListResponse, PartnerListRowDto } from '@ptrack/contracts';
import { AppError, defined, type Filter, type SortKey, validateFilter } from '@ptrack/domain';
import { listPartnerRows, sortValuesOf } from '@ptrack/storage';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { ensureDailyRollups } from '../rollups';
import { calendarOf, loadSettings } from '../settings';
import { parseSort, resolveView } from '../views/resolve-view';

const DEFAULT_SORT: SortKey[] = [{ field: 'name', dir: 'asc' }];

// k: the list's signature, v: the last row's sort values, t: the total the first page counted.
type Cursor = { k: string; v: unknown[]; t?: number };

function sortSignature(sort: SortKey[], filter: Filter | null, q: string | undefined): string {
  return JSON.stringify([sort, filter, q ?? null]);
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(text: string, signature: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (parsed.k === signature && Array.isArray(parsed.v)) {
      const { t } = parsed;
      return { k: parsed.k, v: parsed.v, ...(t !== undefined && Number.isInteger(t) && t >= 0 ? { t } : {}) };
    }
  } catch {
    // fall through to the error below
  }
  throw AppError.validation([
    { field: 'cursor', message: 'is not a cursor of this list (view, filter, search and sort must stay the same)' },
  ]);
}

/** The `filter` query parameter (JSON) as a checked filter, or a 400 naming the path at fault. */
export function parseFilterParam(text: string): Filter {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw AppError.validation([{ field: 'filter', message: 'must be JSON' }]);
  }
  const checked = validateFilter(json);
  if (!checked.ok)
    throw AppError.validation([{ field: `filter${checked.path ? `.${checked.path}` : ''}`, message: checked.message }]);
  return checked.filter;
}

/** The partner grid: a view (built-in or saved), search, extra filter, sort and cursor pages. */
export async function listPartners(ctx: ServiceContext, query: PartnerListQuery): Promise<PartnerListResponse> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { today, weekStart } = calendarOf(settings, ctx.now());
    await ensureDailyRollups(tx, today);
    const view = query.view ? await resolveView(tx, query.view) : null;
    const extra = query.filter ? parseFilterParam(query.filter) : null;
    const filters = [view?.filter ?? null, extra].filter((f): f is Filter => f !== null);
    const filter: Filter | null = filters.length === 0 ? null : filters.length === 1 ? defined(filters[0]) : { and: filters };
    const sort = query.sort ? parseSort(query.sort) : view?.sort.length ? view.sort : DEFAULT_SORT;
    const signature = sortSignature(sort, filter, query.q);
    const after = query.cursor ? decodeCursor(query.cursor, signature) : undefined;
    const { rows, total, hasMore } = await listPartnerRows(tx, {
      today,
      weekStart,
      ippBands: settings.ippBands,
      filter,
      search: query.q || undefined,
      sort,
      limit: query.limit,
      after: after?.v,
      total: after?.t,
    });
    const last = rows[rows.length - 1];
    return {
      items: rows as unknown as PartnerListRowDto[],
      nextCursor: hasMore && last ? encodeCursor({ k: signature, v: sortValuesOf(last, sort), t: total }) : null,
      total,
      today,
    };
  });
}
