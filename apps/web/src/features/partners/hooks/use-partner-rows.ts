import type { PartnerListRowDto } from '@ptrack/contracts';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queryKeys } from '../../../api/query-keys';
import { fetchPartnerPage } from '../api/partners.api';
import { type GridCondition, toApiFilter } from '../grid-filter';

/** The first page: a screenful several times over, small enough to answer fast at 10,000 partners. */
export const FIRST_PAGE_SIZE = 100;
/** Further pages are larger (the API allows 500): dragging the scrollbar to the end needs fewer round trips. */
export const NEXT_PAGE_SIZE = 300;

export type PartnerRowsQuery = { view?: string; q?: string; sort?: string; filter?: GridCondition[] };

/** The grid's rows of a view, search, filter and sort, page after page by cursor. */
export function partnerRowsQuery(query: PartnerRowsQuery) {
  return infiniteQueryOptions({
    queryKey: queryKeys.partners.rows(query.view ?? null, query.q ?? '', query.sort ?? '', JSON.stringify(query.filter ?? [])),
    queryFn: ({ pageParam }) =>
      fetchPartnerPage({
        view: query.view,
        q: query.q,
        sort: query.sort,
        filter: apiFilterParam(query.filter),
        limit: pageParam ? NEXT_PAGE_SIZE : FIRST_PAGE_SIZE,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The grid's rows, page after page by cursor as the user scrolls (`fetchNextPage`). */
export function usePartnerRows(query: PartnerRowsQuery) {
  const result = useInfiniteQuery({
    ...partnerRowsQuery(query),
    // Switching view or sort keeps the old rows on screen until the new ones arrive: no flash of empty.
    placeholderData: keepPreviousData,
  });
  const rows = useMemo<PartnerListRowDto[]>(() => result.data?.pages.flatMap((p) => p.items) ?? [], [result.data]);
  const first = result.data?.pages[0];
  return { ...result, rows, total: first?.total ?? 0, today: first?.today };
}

/** The grid's conditions → the API's `filter` parameter (one condition, or several under `and`). */
export function apiFilterParam(conditions: readonly GridCondition[] | undefined): string | undefined {
  return conditions?.length ? JSON.stringify(toApiFilter(conditions)) : undefined;
}
