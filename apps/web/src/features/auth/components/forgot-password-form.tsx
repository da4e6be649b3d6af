import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { requestPasswordReset } from '../api/auth.api';
import { AuthForm, EmailField, unshownProblem } from './auth-form';

/** Asks for a password reset link by email; the answer never says whether the address has an account. */
export function ForgotPasswordForm({ onBack }: { onBack(): void }) {
  const [email, setEmail] = useState('');
  const mutation = useMutation({ mutationFn: requestPasswordReset });
  if (mutation.isSuccess) {
    return (
      <Stack gap="sm">
        <Alert color="teal" role="status" title="Check your email">
          If {email.trim()} has an account, a link to set a new password is on its way (valid for one hour). No email? An admin
          can give you a reset link from Settings → Users.
        </Alert>
        <Button variant="default" onClick={onBack}>
          Back to sign in
        </Button>
      </Stack>
    );
  }
  return (
    <AuthForm
      onSubmit={() => mutation.mutate(email.trim())}
      problem={unshownProblem(mutation.error, ['email'])}
      actions={
        <Group justify="space-between">
          <Button variant="subtle" onClick={onBack}>
            Back to sign in
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={!email.trim()}>
            Send the link
          </Button>
        </Group>
      }
    >
      <Text size="sm">We will email you a link to set a new password.</Text>
      <EmailField value={email} onChange={setEmail} error={mutation.error} />
    </AuthForm>
  );
}
