import { Alert, Button, PasswordInput, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { fieldError } from '../../../api/client';
import { completePasswordReset } from '../api/auth.api';
import { passwordProblem } from '../password-rules';
import { AuthForm, unshownProblem } from './auth-form';
import { AuthLayout } from './auth-layout';

/** `/reset-password?token=…`: a new password, from an emailed or admin-given link. */
export function ResetPasswordPage() {
  const { token } = useSearch({ from: '/reset-password' });
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const mutation = useMutation({ mutationFn: () => completePasswordReset(token, password) });
  const tooShort = passwordProblem(password);
  const submit = () => {
    setChecked(true);
    if (!tooShort) mutation.mutate();
  };
  if (mutation.isSuccess) {
    return (
      <AuthLayout title="Your password is changed">
        <Text>Sign in with your new password.</Text>
        <Button component={Link} to="/">
          Sign in
        </Button>
      </AuthLayout>
    );
  }
  const badLink = token === '' || fieldError(mutation.error, 'token');
  return (
    <AuthLayout title="Choose a new password">
      {badLink ? (
        <Alert color="red" role="alert">
          This link is not valid any more (it expired after an hour or was used). Ask for a new one from the sign-in page, or ask
          your admin.
        </Alert>
      ) : null}
      <AuthForm
        onSubmit={submit}
        problem={badLink ? null : unshownProblem(mutation.error, ['password'])}
        actions={
          <>
            <Button type="submit" loading={mutation.isPending} disabled={token === ''}>
              Set the new password
            </Button>
            <Button component={Link} to="/" variant="subtle">
              Back to sign in
            </Button>
          </>
        }
      >
        <PasswordInput
          label="New password"
          description="At least 10 characters"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError(mutation.error, 'password') ?? (checked ? tooShort : undefined)}
          data-autofocus
        />
      </AuthForm>
    </AuthLayout>
  );
}
