import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, fieldError } from '../../../api/client';
import { signIn } from '../api/auth.api';
import type { SessionState } from '../api/auth-types';

type Props = {
  initialEmail?: string | undefined;
  onSignedIn(state: SessionState): void;
};

function problemOf(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError && error.status === 401) return 'The email or password is wrong.';
  return error instanceof Error ? error.message : String(error);
}

/** Email and password; used by the sign-in page and by the dialog shown when a session ends. */
export function SignInForm({ initialEmail, onSignedIn }: Props) {
  const [email, setEmail] = useState(initialEmail ?? '');
  const [password, setPassword] = useState('');
  const mutation = useMutation({ mutationFn: signIn, onSuccess: onSignedIn });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ email: email.trim(), password });
  };
  const problem = problemOf(mutation.error);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError(mutation.error, 'email')}
          data-autofocus={initialEmail ? undefined : true}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError(mutation.error, 'password')}
          data-autofocus={initialEmail ? true : undefined}
        />
        {problem && !fieldError(mutation.error, 'email') && !fieldError(mutation.error, 'password') ? (
          <Alert color="red" role="alert" p="xs">
            {problem}
          </Alert>
        ) : null}
        <Button type="submit" loading={mutation.isPending} disabled={!email.trim() || !password}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
