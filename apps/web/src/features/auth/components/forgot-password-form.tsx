import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import { requestPasswordReset } from '../api/auth.api';

/** Asks for a password reset link by email; the answer never says whether the address has an account. */
export function ForgotPasswordForm({ onBack }: { onBack(): void }) {
  const [email, setEmail] = useState('');
  const mutation = useMutation({ mutationFn: requestPasswordReset });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(email.trim());
  };
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
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">We will email you a link to set a new password.</Text>
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError(mutation.error, 'email')}
          data-autofocus
        />
        {mutation.error && !fieldError(mutation.error, 'email') ? (
          <Alert color="red" role="alert" p="xs">
            {mutation.error.message}
          </Alert>
        ) : null}
        <Group justify="space-between">
          <Button variant="subtle" onClick={onBack}>
            Back to sign in
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={!email.trim()}>
            Send the link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
