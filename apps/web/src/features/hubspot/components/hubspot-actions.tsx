import { Button, Group } from '@mantine/core';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { type HubSpotAction, useHubSpotAction } from '../hooks/use-hubspot';

const ACTION_DONE: Record<HubSpotAction, string> = {
  test: 'HubSpot connection works',
  setup: 'HubSpot properties are set up',
  sync: 'HubSpot changes pulled',
  'full-sync': 'Full HubSpot sync done',
  push: 'Partner aggregates pushed to HubSpot',
};

/** The section's buttons: test, set up, pull, full sync and push (each while connected). */
export function HubSpotActions({ configured }: { configured: boolean }) {
  const action = useHubSpotAction();
  const run = (a: HubSpotAction) =>
    action.mutate(a, {
      onSuccess: () => notifySuccess(ACTION_DONE[a]),
      onError: (error) => notifyError(error, 'HubSpot said no'),
    });
  return (
    <Group gap="xs">
      {(
        [
          ['test', 'Test connection'],
          ['setup', 'Create properties'],
          ['sync', 'Pull changes'],
          ['full-sync', 'Full sync'],
          ['push', 'Push aggregates'],
        ] as const
      ).map(([a, label]) => (
        <Button
          key={a}
          variant="light"
          disabled={!configured || action.isPending}
          loading={action.isPending && action.variables === a}
          onClick={() => run(a)}
        >
          {label}
        </Button>
      ))}
    </Group>
  );
}
