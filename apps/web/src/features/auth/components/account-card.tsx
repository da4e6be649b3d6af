import type { ReactNode } from 'react';
import { SettingsCard } from '../../../ui/settings-card';

/** One accounts part of Settings, with an id to link to (`/settings#your-account`). */
export function AccountCard(props: { id: string; title: string; description: ReactNode; children: ReactNode }) {
  return (
    <SettingsCard
      id={props.id}
      headingId={`${props.id}-heading`}
      testId={`settings-${props.id}`}
      title={props.title}
      description={props.description}
    >
      {props.children}
    </SettingsCard>
  );
}
