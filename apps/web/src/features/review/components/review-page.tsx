import { ComingSoon } from '../../../ui/coming-soon';

export function ReviewPage() {
  return (
    <ComingSoon title="Weekly review">
      Step through the partners not yet reviewed this week, update them and mark them reviewed.
    </ComingSoon>
  );
}
