// Merging several newest-first lists, each paged by the server, into one timeline. A list that has more
// pages may still hold items newer than what another list already showed, so the merged timeline stops
// at the oldest point every paged list has reached (the "frontier"); "Show more" pages the lists that
// set that point. Lists read whole (hasMore false) never hold the frontier back.

export type TimelineKind = 'touch' | 'action' | 'referral' | 'change';

export type TimelineEntry = {
  id: string;
  kind: TimelineKind;
  /** An ISO instant, or a calendar day `YYYY-MM-DD` (sorted as the start of that day). */
  at: string;
  title: string;
  detail?: string | null;
  /** Small print under the title: who, stage, amount… */
  meta?: string | null;
};

export type TimelineSource = {
  kind: TimelineKind;
  /** What is shown of the pages read so far (possibly filtered), newest first. */
  entries: TimelineEntry[];
  /** The `at` of the oldest raw item read so far, before any filtering; null when nothing was read. */
  oldestAt: string | null;
  hasMore: boolean;
};

/** A sortable key: instants as UTC ISO strings, calendar days as their midnight. */
export function sortKey(at: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return `${at}T00:00:00.000Z`;
  const time = Date.parse(at);
  return Number.isNaN(time) ? at : new Date(time).toISOString();
}

export type MergedTimeline = {
  entries: TimelineEntry[];
  /** The kinds whose next page moves the frontier: what "Show more" fetches. Empty when all is shown. */
  limiting: TimelineKind[];
};

export function mergeTimeline(sources: TimelineSource[]): MergedTimeline {
  const paged = sources.filter((s) => s.hasMore);
  // A paged list with nothing read yet cannot say how far back it goes: show nothing newer than it knows.
  const frontier = paged.reduce<string | null>((max, s) => {
    const key = s.oldestAt === null ? '\uffff' : sortKey(s.oldestAt);
    return max === null || key > max ? key : max;
  }, null);
  const entries = sources
    .flatMap((s) => s.entries)
    .map((entry) => ({ entry, key: sortKey(entry.at) }))
    .filter(({ key }) => frontier === null || key >= frontier)
    .sort((a, b) => (a.key === b.key ? 0 : a.key > b.key ? -1 : 1))
    .map(({ entry }) => entry);
  const limiting = paged.filter((s) => (s.oldestAt === null ? '\uffff' : sortKey(s.oldestAt)) === frontier).map((s) => s.kind);
  return { entries, limiting };
}
