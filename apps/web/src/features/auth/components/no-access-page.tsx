import { Button, Text } from '@mantine/core';
import { signOut } from '../api/auth.api';
import type { Me } from '../api/auth-types';
import { useApplySession } from '../hooks/use-session';
import { ROLE_LABELS } from '../role-labels';
import { AuthLayout } from './auth-layout';

/** A partner's user (no workspace permission) signed in before the partner portal exists. */
export function NoAccessPage({ me }: { me: Me }) {
  const applySession = useApplySession();
  const leave = () => {
    void signOut()
      .catch(() => undefined)
      .then(() => applySession({ needsSetup: false, user: null }));
  };
  return (
    <AuthLayout title="Nothing to show here yet">
      <Text>
        You are signed in as {me.name} ({ROLE_LABELS[me.role]}). This account is for the partner portal, which is not open yet;
        the team’s workspace is not visible to it.
      </Text>
      <Button variant="default" onClick={leave}>
        Sign out
      </Button>
    </AuthLayout>
  );
}
