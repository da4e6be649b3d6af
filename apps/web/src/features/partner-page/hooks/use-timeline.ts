import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { queryKeys } from '../../../api/query-keys';
import { mergeTimeline, type TimelineEntry, type TimelineKind, type TimelineSource } from '../../../ui/timeline/merge-timeline';
import { TIMELINE_KINDS } from '../../../ui/timeline/timeline';
import { useSettings } from '../../settings/hooks/use-settings';
import { fetchAllActions, fetchHistoryPage, fetchReferralPage, fetchTouchPage, type Page } from '../api/partner-page.api';
import { actionEntry, historyEntry, referralEntry, touchEntry } from '../timeline-entries';

const PAGE = 25;
// History pages are read raw and filtered here (touch and action records have their own entries), so
// they are read in bigger pages for the filtered page to hold something.
const HISTORY_PAGE = 500;

export type TimelineSubject = { partnerId: string; repId?: string };

function usePaged<T>(key: readonly unknown[], enabled: boolean, fetchPage: (cursor?: string) => Promise<Page<T>>) {
  return useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/**
 * A partner's (or one rep's) timeline: touches, referrals and history paged newest first by the server,
 * actions read whole; merged by `mergeTimeline`, filtered by kind. The rep's history is the partner's,
 * filtered to that rep's record.
 */
export function useTimeline(subject: TimelineSubject, repName: (repId: string | null) => string | null) {
  const [kinds, setKinds] = useState<TimelineKind[]>([...TIMELINE_KINDS]);
  const currency = useSettings().data?.currency ?? 'USD';
  const owner = subject.repId ? { repId: subject.repId } : { partnerId: subject.partnerId };
  const touches = usePaged(queryKeys.timeline.of(owner, 'touches'), kinds.includes('touch'), (c) =>
    fetchTouchPage(owner, PAGE, c),
  );
  const referrals = usePaged(queryKeys.timeline.of(owner, 'referrals'), kinds.includes('referral'), (c) =>
    fetchReferralPage(owner, PAGE, c),
  );
  const history = usePaged(queryKeys.timeline.history(subject.partnerId), kinds.includes('change'), (c) =>
    fetchHistoryPage(subject.partnerId, HISTORY_PAGE, c),
  );
  const actions = useQuery({
    queryKey: queryKeys.timeline.of(owner, 'actions'),
    queryFn: () => fetchAllActions(owner),
    enabled: kinds.includes('action'),
  });

  const merged = useMemo(() => {
    const sources: TimelineSource[] = [];
    const pagedSource = <T>(
      kind: TimelineKind,
      pages: Page<T>[] | undefined,
      atOf: (item: T) => string,
      toEntry: (item: T) => TimelineEntry | null,
    ) => {
      const items = pages?.flatMap((p) => p.items) ?? [];
      const last = items.at(-1);
      sources.push({
        kind,
        entries: items.map(toEntry).filter((e): e is TimelineEntry => e !== null),
        oldestAt: last ? atOf(last) : null,
        hasMore: pages === undefined ? true : pages.at(-1)?.nextCursor != null,
      });
    };
    if (kinds.includes('touch'))
      pagedSource(
        'touch',
        touches.data?.pages,
        (t) => t.occurredAt,
        (t) => touchEntry(t, repName),
      );
    if (kinds.includes('referral'))
      pagedSource(
        'referral',
        referrals.data?.pages,
        (r) => r.introducedAt,
        (r) => referralEntry(r, repName, currency),
      );
    if (kinds.includes('change'))
      pagedSource(
        'change',
        history.data?.pages,
        (h) => h.at,
        (h) => (subject.repId && !(h.entityType === 'rep' && h.entityId === subject.repId) ? null : historyEntry(h, repName)),
      );
    const done = (actions.data ?? []).filter((a) => a.status !== 'open');
    if (kinds.includes('action'))
      sources.push({ kind: 'action', entries: done.map(actionEntry), oldestAt: null, hasMore: false });
    return mergeTimeline(sources);
  }, [kinds, touches.data, referrals.data, history.data, actions.data, repName, currency, subject.repId]);

  const planned = useMemo(
    () =>
      (actions.data ?? [])
        .filter((a) => a.status === 'open')
        .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
        .map(actionEntry),
    [actions.data],
  );

  const queries = { touch: touches, referral: referrals, change: history } as const;
  const active = kinds.map((k) => (k === 'action' ? actions : queries[k]));
  const showMore = () => {
    for (const kind of merged.limiting) if (kind !== 'action') void queries[kind].fetchNextPage();
  };
  return {
    kinds,
    setKinds,
    entries: merged.entries,
    planned,
    hasMore: merged.limiting.length > 0,
    loading: active.some((q) => q.isPending),
    loadingMore: Object.values(queries).some((q) => q.isFetchingNextPage),
    error: active.find((q) => q.error)?.error ?? null,
    showMore,
  };
}
