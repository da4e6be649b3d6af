import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { SettingsCard } from '../../../ui/settings-card';
import { useDigestSettings } from '../../digests/hooks/use-digest-settings';
import { useHubSpotConnection, useSaveHubSpotConnection } from '../hooks/use-hubspot';
import { draftOf, type HubSpotDraft, saveRequestOf } from '../hubspot-draft';
import { HubSpotActions } from './hubspot-actions';
import { ConnectionFields } from './hubspot-connection-fields';
import { HubSpotRuns } from './hubspot-runs';

/**
 * HubSpot (issue 6): the private-app token and webhook secret (write-only: the page shows only that
 * they are set and the token's last 4 characters), sync options, the actions, and the latest runs.
 */
export function HubSpotSection() {
  const connection = useHubSpotConnection();
  const save = useSaveHubSpotConnection();
  const digest = useDigestSettings();
  const [draft, setDraft] = useState<HubSpotDraft | null>(null);

  if (connection.isPending) return null;
  if (connection.error) {
    return (
      <Alert color="red" title="The HubSpot connection could not be loaded" role="alert">
        {connection.error.message}
      </Alert>
    );
  }
  const c = connection.data;
  const value = draft ?? draftOf(c);
  const change = (patch: Partial<HubSpotDraft>) => setDraft({ ...value, ...patch });
  // HubSpot signs the address it calls: the web app address when set (a proxy or tunnel), else this one.
  const webhookUrl = `${(digest.data?.baseUrl ?? window.location.origin).replace(/\/+$/, '')}/api/hubspot/webhook`;

  const onSave = () => {
    save.mutate(saveRequestOf(value, c.version), {
      onSuccess: () => {
        setDraft(null);
        notifySuccess('HubSpot connection saved');
      },
      onError: (error) => notifyError(error),
    });
  };

  return (
    <SettingsCard
      headingId="settings-hubspot"
      testId="settings-hubspot"
      title="HubSpot"
      description="HubSpot owns rep details (name, email, title, tier, quality, company); the tracker owns everything else. Pulls reps marked “Partner Sales Rep”, their companies and deals; pushes partner aggregates to companies."
    >
      <Text size="sm" aria-live="polite">
        {c.configured ? `Connected with token ${c.tokenHint}.` : 'Not connected.'} Webhook secret{' '}
        {c.clientSecretConfigured ? 'set' : 'not set'}.{c.setupAt ? ' Properties set up.' : ''}
      </Text>
      <ConnectionFields connection={c} value={value} onChange={change} error={save.error} webhookUrl={webhookUrl} />
      <Group gap="xs">
        <Button onClick={onSave} disabled={draft === null} loading={save.isPending}>
          Save HubSpot connection
        </Button>
        {draft ? (
          <Button variant="default" onClick={() => setDraft(null)}>
            Discard
          </Button>
        ) : null}
      </Group>
      <HubSpotActions configured={c.configured} />
      <HubSpotRuns />
    </SettingsCard>
  );
}
