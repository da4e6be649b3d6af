import { Badge, Button, Group, Menu, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DataTable } from '../../../ui/data-table';
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
      <DataTable
        testId="users-table"
        rows={users.data.items}
        rowKey={(user) => user.id}
        rowProps={(user) => ({ 'data-testid': 'user-row', 'data-email': user.email })}
        columns={[
          {
            header: 'User',
            cell: (user) => (
              <>
                <Text size="sm" fw={500}>
                  {user.name}
                  {user.id === me?.id ? ' (you)' : ''}
                </Text>
                <Text size="xs" c="gray.7">
                  {user.email}
                </Text>
              </>
            ),
          },
          {
            header: 'Role',
            cell: (user) => (
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
            ),
          },
          {
            header: 'Status',
            cell: (user) => (
              <Badge color={user.active ? 'teal' : 'gray'} variant="light" tt="none">
                {user.active ? 'Active' : 'Deactivated'}
              </Badge>
            ),
          },
          { header: 'Last sign-in', cell: (user) => formatWhen(user.lastSignInAt) },
          {
            header: null,
            cell: (user) => (
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
            ),
          },
        ]}
      />
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
