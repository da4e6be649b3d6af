import { Button, Modal, Stack, Text } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { abandonSignIn, isSignInNeeded, resumeAfterSignIn, subscribeSignInNeeded } from '../../../api/session-expiry';
import type { SessionState } from '../api/auth-types';
import { useApplySession, useMe } from '../hooks/use-session';
import { SignInForm } from './sign-in-form';

/**
 * Opens over the current page when a request finds the session ended; the page stays mounted, so a
 * half-typed form keeps its text, and the waiting request is sent again once signed in.
 */
export function SignInDialog() {
  const needed = useSyncExternalStore(subscribeSignInNeeded, isSignInNeeded);
  const me = useMe();
  const applySession = useApplySession();
  const signedIn = (state: SessionState) => {
    applySession(state);
    resumeAfterSignIn();
  };
  const signOut = () => {
    abandonSignIn();
    applySession({ needsSetup: false, user: null });
  };
  return (
    <Modal
      opened={needed}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      zIndex={1000}
      title="Sign in again to carry on"
      centered
    >
      <Stack gap="sm">
        <Text size="sm">
          Your session has ended. Sign in again: what you were typing is still here, and what you saved goes through once you are
          back.
        </Text>
        {needed ? <SignInForm initialEmail={me?.email} onSignedIn={signedIn} /> : null}
        <Button variant="subtle" color="gray" onClick={signOut}>
          Sign out instead
        </Button>
      </Stack>
    </Modal>
  );
}
