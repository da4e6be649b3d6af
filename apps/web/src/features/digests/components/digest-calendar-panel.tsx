import { Button, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { DigestSettingsDto } from '@ptrack/contracts';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useRegenerateCalendarToken } from '../hooks/use-digest-settings';

/** The secret ICS address: create it, copy it, or replace it (which revokes the old one). */
export function CalendarFeedPanel({ settings }: { settings: DigestSettingsDto }) {
  const regenerate = useRegenerateCalendarToken();
  const path = settings.calendarFeedPath;
  const url = settings.calendarFeedUrl ?? (path ? `${window.location.origin}${path}` : null);
  const create = () =>
    regenerate.mutate(undefined, {
      onSuccess: () => notifySuccess(path ? 'New calendar address: the old one no longer works' : 'Calendar address created'),
      onError: (e) => notifyError(e),
    });
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Calendar feed
      </Title>
      <Text size="sm" c="gray.7">
        Open actions — every overdue one and those due in the next 60 days — as all-day events on their due dates. Subscribe from
        Google Calendar (“From URL”) or Outlook (“Subscribe from web”); add <code>?owner=Name</code> for one owner’s actions.
        Anyone with the address can read the feed: keep it private, and replace it if it leaks.
      </Text>
      {url ? (
        <Group align="end" gap="xs">
          <TextInput label="Secret address" value={url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
          <Button variant="subtle" color="red" onClick={create} loading={regenerate.isPending}>
            Replace address
          </Button>
        </Group>
      ) : (
        <Button w="fit-content" onClick={create} loading={regenerate.isPending}>
          Create the calendar address
        </Button>
      )}
    </Stack>
  );
}
