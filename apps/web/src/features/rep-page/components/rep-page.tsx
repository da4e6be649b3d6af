import { useParams } from '@tanstack/react-router';
import { ComingSoon } from '../../../ui/coming-soon';

export function RepPage() {
  const { id } = useParams({ from: '/reps/$id' });
  return (
    <ComingSoon title="Rep">
      The rep page ({id}) is coming: signals, tier and cadence, response rate, intros and the timeline.
    </ComingSoon>
  );
}
