import { ComingSoon } from '../../../ui/coming-soon';

export function PartnersPage() {
  return (
    <ComingSoon title="Partners">
      The partner grid is coming next: every partner in one spreadsheet-like table with inline editing, sorting, filtering, your
      choice of columns and the built-in views (Strategic, Tier 1, Needs attention, High performance, This week's review), plus
      partner and rep pages with their timelines.
    </ComingSoon>
  );
}
