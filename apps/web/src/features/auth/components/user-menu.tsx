import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { notifyError } from '../../../lib/notify';
import { signOut } from '../api/auth.api';
import { useApplySession, useMe } from '../hooks/use-session';
import { ROLE_LABELS } from '../role-labels';

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');

/** The header's user button: who is signed in, as what role, with their account and "Sign out". */
export function UserMenu() {
  const me = useMe();
  const applySession = useApplySession();
  if (!me) return null;
  const leave = async () => {
    try {
      await signOut();
    } catch (error) {
      notifyError(error, 'Signing out did not reach the server');
    }
    applySession({ needsSetup: false, user: null });
  };
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account: ${me.name}, ${ROLE_LABELS[me.role]}`} data-testid="user-menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" radius="xl" color="blue">
              {initialsOf(me.name)}
            </Avatar>
            <div>
              <Text size="sm" fw={500} lh={1.2} visibleFrom="xs">
                {me.name}
              </Text>
              <Text size="xs" c="gray.7" lh={1.2} visibleFrom="xs">
                {ROLE_LABELS[me.role]}
              </Text>
            </div>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.name} · {ROLE_LABELS[me.role]}
          <br />
          {me.email}
        </Menu.Label>
        <Menu.Item component={Link} to="/settings" hash="your-account">
          Your account
        </Menu.Item>
        <Menu.Item onClick={() => void leave()}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
