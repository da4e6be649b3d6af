import type { TodayActionDto } from '@ptrack/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queryKeys } from '../../../api/query-keys';
import { fetchToday } from '../api/today.api';

// A first screenful and then some: a busy workspace has thousands overdue, and every row costs render
// time before the page is usable ("Show more" loads the next page).
const PAGE_SIZE = 30;

export type TodayData = {
  today: string;
  overdueCount: number;
  dueTodayCount: number;
  /** Overdue, oldest first (as loaded so far). */
  overdue: TodayActionDto[];
  /** Due today (the server sends them apart, so they never hide behind the overdue backlog). */
  dueToday: TodayActionDto[];
  upcoming: TodayActionDto[];
};

export const todayQuery = infiniteQueryOptions({
  queryKey: queryKeys.today,
  queryFn: ({ pageParam }) => fetchToday({ limit: PAGE_SIZE, cursor: pageParam, due: 'overdue' }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
});

/** The Today list, a page at a time (the server counts every overdue and due-today action). */
export function useToday() {
  const query = useInfiniteQuery(todayQuery);
  const data = useMemo<TodayData | undefined>(() => {
    const pages = query.data?.pages;
    const first = pages?.[0];
    if (!pages || !first) return undefined;
    return {
      today: first.today,
      overdueCount: first.overdue,
      dueTodayCount: first.dueToday,
      overdue: pages.flatMap((page) => page.items),
      dueToday: first.dueTodayItems,
      upcoming: first.upcoming,
    };
  }, [query.data]);
  return { ...query, today: data };
}
