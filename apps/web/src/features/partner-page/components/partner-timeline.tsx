import type { RepDto } from '@ptrack/contracts';
import { useCallback } from 'react';
import { Timeline } from '../../../ui/timeline/timeline';
import { useSettings } from '../../settings/hooks/use-settings';
import { type TimelineSubject, useTimeline } from '../hooks/use-timeline';

/** The timeline of a partner, or of one of its reps (touches, actions, intros and changes). */
export function RecordTimeline({ subject, reps }: { subject: TimelineSubject; reps: RepDto[] }) {
  const repName = useCallback((id: string | null) => (id ? (reps.find((r) => r.id === id)?.name ?? null) : null), [reps]);
  const t = useTimeline(subject, repName);
  const timeZone = useSettings().data?.timeZone;
  return (
    <Timeline
      entries={t.entries}
      planned={t.planned}
      kinds={t.kinds}
      onKindsChange={t.setKinds}
      loading={t.loading}
      error={t.error}
      hasMore={t.hasMore}
      loadingMore={t.loadingMore}
      onShowMore={t.showMore}
      timeZone={timeZone}
    />
  );
}
