import type { ActionDto } from '@ptrack/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchToday } from '../api/today.api';

export const todayKey = ['today'] as const;

const PAGE_SIZE = 100;

export type TodayData = {
  today: string;
  overdueCount: number;
  dueTodayCount: number;
  /** Overdue then due today, oldest first (as loaded so far). */
  items: ActionDto[];
  upcoming: ActionDto[];
};

/** The Today list, a page at a time (the server counts every overdue and due-today action). */
export function useToday() {
  const query = useInfiniteQuery({
    queryKey: todayKey,
    queryFn: ({ pageParam }) => fetchToday({ limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const data = useMemo<TodayData | undefined>(() => {
    const pages = query.data?.pages;
    const first = pages?.[0];
    if (!pages || !first) return undefined;
    return {
      today: first.today,
      overdueCount: first.overdue,
      dueTodayCount: first.dueToday,
      items: pages.flatMap((page) => page.items),
      upcoming: first.upcoming,
    };
  }, [query.data]);
  return { ...query, today: data };
}
