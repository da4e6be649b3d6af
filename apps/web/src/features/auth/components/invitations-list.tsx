import { Button, Group, Stack, Text } from '@mantine/core';
import { formatWhen } from '../format-when';
import { useInvitations, useRevokeInvitation } from '../hooks/use-accounts';
import { ROLE_LABELS } from '../role-labels';

/** Invitations not accepted yet, each revocable (its link then stops working). */
export function InvitationsList() {
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const items = invitations.data?.items ?? [];
  if (invitations.isPending) return null;
  if (items.length === 0) {
    return (
      <Text size="sm" c="gray.7">
        No pending invitations.
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="pending-invitations">
      {items.map((inv) => (
        <Group key={inv.id} component="li" justify="space-between" wrap="wrap" gap="xs">
          <div>
            <Text size="sm" fw={500}>
              {inv.email} · {ROLE_LABELS[inv.role]}
            </Text>
            <Text size="xs" c="gray.7">
              Sent {formatWhen(inv.createdAt)}
              {inv.invitedBy ? ` by ${inv.invitedBy}` : ''} · expires {formatWhen(inv.expiresAt)}
            </Text>
          </div>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            aria-label={`Revoke the invitation for ${inv.email}`}
            loading={revoke.isPending && revoke.variables === inv.id}
            onClick={() => revoke.mutate(inv.id)}
          >
            Revoke
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
