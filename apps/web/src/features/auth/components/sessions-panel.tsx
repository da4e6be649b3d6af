import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { notifyError } from '../../../lib/notify';
import { signOutEverywhere } from '../api/auth.api';
import { describeDevice, formatWhen } from '../format-when';
import { useRevokeSession, useSessions } from '../hooks/use-accounts';
import { useApplySession } from '../hooks/use-session';

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
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" data-testid="sessions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Device</Table.Th>
              <Table.Th>Last active</Table.Th>
              <Table.Th>Signed in</Table.Th>
              <Table.Th>Ends</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.id} data-testid="session-row" data-current={s.current}>
                <Table.Td>
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
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatWhen(s.lastSeenAt, '—')}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatWhen(s.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatWhen(s.expiresAt)}</Text>
                </Table.Td>
                <Table.Td>
                  {s.current ? null : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={revoke.isPending && revoke.variables === s.id}
                      onClick={() => revoke.mutate(s.id)}
                      aria-label={`Sign out ${describeDevice(s.userAgent)}`}
                    >
                      Sign out
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Button variant="default" color="red" w="fit-content" loading={everywhere.isPending} onClick={() => everywhere.mutate()}>
        Sign out everywhere
      </Button>
    </Stack>
  );
}
