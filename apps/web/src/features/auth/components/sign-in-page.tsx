import { Anchor, Group } from '@mantine/core';
import { useState } from 'react';
import { useApplySession } from '../hooks/use-session';
import { AuthLayout } from './auth-layout';
import { ForgotPasswordForm } from './forgot-password-form';
import { SignInForm } from './sign-in-form';

/** Shown at any address while nobody is signed in; after signing in that address opens. */
export function SignInPage() {
  const applySession = useApplySession();
  const [forgot, setForgot] = useState(false);
  if (forgot) {
    return (
      <AuthLayout title="Reset your password">
        <ForgotPasswordForm onBack={() => setForgot(false)} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Sign in">
      <SignInForm onSignedIn={applySession} />
      <Group justify="center">
        <Anchor component="button" type="button" size="sm" onClick={() => setForgot(true)}>
          Forgot password?
        </Anchor>
      </Group>
    </AuthLayout>
  );
}
