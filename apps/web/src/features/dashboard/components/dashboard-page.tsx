import { ComingSoon } from '../../../ui/coming-soon';

export function DashboardPage() {
  return (
    <ComingSoon title="Dashboard">
      Charts are coming: rep tier distribution, 90-day plans by status, the funnel from intros to closed won, pipeline by partner,
      partners needing attention, and where you stand against the benchmarks (3+ qualified conversations per 90 days, 5–10%
      intro-to-deal).
    </ComingSoon>
  );
}
