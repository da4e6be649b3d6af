import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { notifyError } from '../../../lib/notify';
import { DataTable } from '../../../ui/data-table';
import { signOutEverywhere } from '../api/auth.api';
import type { SessionDto } from '../api/auth-types';
import { describeDevice, formatWhen } from '../format-when';
import { useRevokeSession, useSessions } from '../hooks/use-accounts';
import { useApplySession } from '../hooks/use-session';
import { RevokeButton } from './revoke-button';

/** The device a session is on (this one marked) and the address it came from. */
function SessionDevice({ session: s }: { session: SessionDto }) {
  return (
    <>
      <Group gap={6} wrap="wrap">
        <Text size="sm">{describeDevice(s.userAgent)}</Text>
        {s.current ? (
          <Badge size="sm" variant="light" tt="none">
            This device
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="gray.7">
        {s.ipAddress ?? ''}
      </Text>
    </>
  );
}

/** Where the user is signed in: this device marked, any other ended on its own or all at once. */
export function SessionsPanel() {
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const applySession = useApplySession();
  const everywhere = useMutation({
    mutationFn: signOutEverywhere,
    onSuccess: () => applySession({ needsSetup: false, user: null }),
    onError: (error) => notifyError(error, 'Not signed out'),
  });
  const items = sessions.data?.items ?? [];
  return (
    <Stack gap="xs">
      <DataTable
        testId="sessions-table"
        minWidth={560}
        rows={items}
        rowKey={(s) => s.id}
        rowProps={(s) => ({ 'data-testid': 'session-row', 'data-current': s.current })}
        columns={[
          { header: 'Device', cell: (s) => <SessionDevice session={s} /> },
          { header: 'Last active', cell: (s) => formatWhen(s.lastSeenAt, '—') },
          { header: 'Signed in', cell: (s) => formatWhen(s.createdAt) },
          { header: 'Ends', cell: (s) => formatWhen(s.expiresAt) },
          {
            header: null,
            cell: (s) =>
              s.current ? null : (
                <RevokeButton
                  label="Sign out"
                  aria-label={`Sign out ${describeDevice(s.userAgent)}`}
                  loading={revoke.isPending && revoke.variables === s.id}
                  onClick={() => revoke.mutate(s.id)}
                />
              ),
          },
        ]}
      />
      <Button variant="default" color="red" w="fit-content" loading={everywhere.isPending} onClick={() => everywhere.mutate()}>
        Sign out everywhere
      </Button>
    </Stack>
  );
}
