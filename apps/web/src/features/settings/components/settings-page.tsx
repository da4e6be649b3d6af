import { ComingSoon } from '../../../ui/coming-soon';

export function SettingsPage() {
  return (
    <ComingSoon title="Settings">
      Editing the workspace settings is coming: time zone, follow-up cadences per rep tier, option lists (partner types, action
      types, phases…), custom fields and IPP bands. Until then they can be changed through the API (PATCH /api/settings).
    </ComingSoon>
  );
}
