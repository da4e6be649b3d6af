import { Badge, Button, Group, Menu, Modal, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { LinkResponse, Role, UserDto } from '../api/auth-types';
import { formatWhen } from '../format-when';
import { useResetLink, useUpdateUser, useUsers } from '../hooks/use-accounts';
import { useMe } from '../hooks/use-session';
import { isPartnerRole, ROLE_LABELS, ROLES } from '../role-labels';
import { CopyField } from './copy-field';

// A team user's role changes among the team roles; a partner's user among the partner roles.
const roleChoicesFor = (user: UserDto) =>
  ROLES.filter((r) => isPartnerRole(r) === isPartnerRole(user.role)).map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** Everyone with an account: role (changeable), status, last sign-in; deactivate, reactivate, reset link. */
export function UsersTable() {
  const users = useUsers();
  const me = useMe();
  const update = useUpdateUser();
  const resetLink = useResetLink();
  const [link, setLink] = useState<{ user: UserDto; reset: LinkResponse } | null>(null);
  if (users.isPending) return <Text size="sm">Loading users…</Text>;
  if (users.error) return <Text c="red.9">{users.error.message}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>User</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Last sign-in</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.items.map((user) => (
              <Table.Tr key={user.id} data-testid="user-row" data-email={user.email}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {user.name}
                    {user.id === me?.id ? ' (you)' : ''}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {user.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Role of ${user.name}`}
                    size="xs"
                    w={150}
                    data={roleChoicesFor(user)}
                    value={user.role}
                    allowDeselect={false}
                    disabled={update.isPending}
                    onChange={(role) =>
                      role &&
                      role !== user.role &&
                      update.mutate({ id: user.id, body: { version: user.version, role: role as Role } })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Badge color={user.active ? 'teal' : 'gray'} variant="light" tt="none">
                    {user.active ? 'Active' : 'Deactivated'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatWhen(user.lastSignInAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button size="xs" variant="default" aria-label={`More for ${user.name}`}>
                        More
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => resetLink.mutate(user.id, { onSuccess: (reset) => setLink({ user, reset }) })}>
                        Reset password link
                      </Menu.Item>
                      {user.id === me?.id ? null : (
                        <Menu.Item
                          color={user.active ? 'red' : undefined}
                          onClick={() => update.mutate({ id: user.id, body: { version: user.version, active: !user.active } })}
                        >
                          {user.active ? 'Deactivate (ends their sessions)' : 'Reactivate'}
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={link !== null} onClose={() => setLink(null)} title={`Reset link for ${link?.user.name ?? ''}`}>
        {link ? (
          <Stack gap="sm">
            <Text size="sm">
              {link.reset.emailed ? 'Emailed to them. ' : 'Not emailed (email is not set up): send it yourself. '}
              It works once, until {formatWhen(link.reset.expiresAt)}.
            </Text>
            <CopyField label="Reset link" value={link.reset.url} testId="reset-link" />
            <Group justify="flex-end">
              <Button onClick={() => setLink(null)}>Done</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
