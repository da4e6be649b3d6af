import { Button, PasswordInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, fieldError } from '../../../api/client';
import { signIn } from '../api/auth.api';
import type { SessionState } from '../api/auth-types';
import { AuthForm, EmailField, unshownProblem } from './auth-form';

type Props = {
  initialEmail?: string | undefined;
  onSignedIn(state: SessionState): void;
};

function describe(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return 'The email or password is wrong.';
  return error instanceof Error ? error.message : String(error);
}

/** Email and password; used by the sign-in page and by the dialog shown when a session ends. */
export function SignInForm({ initialEmail, onSignedIn }: Props) {
  const [email, setEmail] = useState(initialEmail ?? '');
  const [password, setPassword] = useState('');
  const mutation = useMutation({ mutationFn: signIn, onSuccess: onSignedIn });
  return (
    <AuthForm
      onSubmit={() => mutation.mutate({ email: email.trim(), password })}
      problem={unshownProblem(mutation.error, ['email', 'password'], describe)}
      actions={
        <Button type="submit" loading={mutation.isPending} disabled={!email.trim() || !password}>
          Sign in
        </Button>
      }
    >
      <EmailField value={email} onChange={setEmail} error={mutation.error} autoFocus={!initialEmail} />
      <PasswordInput
        label="Password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={fieldError(mutation.error, 'password')}
        data-autofocus={initialEmail ? true : undefined}
      />
    </AuthForm>
  );
}
