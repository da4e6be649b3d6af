import { Button, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { fieldError } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import { acceptInvitation, lookupInvitation } from '../api/auth.api';
import type { InvitationLookup, SessionState } from '../api/auth-types';
import { useApplySession } from '../hooks/use-session';
import { passwordProblem } from '../password-rules';
import { ROLE_LABELS } from '../role-labels';
import { AuthForm, unshownProblem } from './auth-form';
import { AuthLayout } from './auth-layout';

/** `/invite?token=…`: the invited person picks a name and password and is signed in. */
export function InvitePage() {
  const { token } = useSearch({ from: '/invite' });
  const lookup = useQuery({
    queryKey: queryKeys.invitation(token),
    queryFn: () => lookupInvitation(token),
    enabled: token !== '',
    retry: false,
  });
  if (token === '' || lookup.error) {
    return (
      <AuthLayout title="This invitation cannot be used">
        <Text>
          The link is not valid any more: it was used, it expired (links last 7 days) or it was revoked. Ask your admin for a new
          invitation.
        </Text>
        <Button component={Link} to="/" variant="default">
          Go to sign in
        </Button>
      </AuthLayout>
    );
  }
  if (!lookup.data) {
    return (
      <AuthLayout title="Join Partner Tracker">
        <Loader aria-label="Loading the invitation" />
      </AuthLayout>
    );
  }
  return <AcceptForm token={token} invitation={lookup.data} />;
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationLookup }) {
  const applySession = useApplySession();
  const navigate = useNavigate();
  const [name, setName] = useState(invitation.name ?? '');
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const mutation = useMutation({
    mutationFn: () => acceptInvitation({ token, name: name.trim(), password }),
    onSuccess: (state: SessionState) => {
      applySession(state);
      void navigate({ to: '/' });
    },
  });
  const tooShort = passwordProblem(password);
  const submit = () => {
    setChecked(true);
    if (!name.trim() || tooShort) return;
    mutation.mutate();
  };
  const error = mutation.error;
  return (
    <AuthLayout title="Join Partner Tracker" intro="Choose your name and a password to accept the invitation.">
      <Stack gap={2} data-testid="invitation">
        <Text size="sm">
          Email: <strong>{invitation.email}</strong>
        </Text>
        <Text size="sm">
          Role: <strong>{ROLE_LABELS[invitation.role]}</strong>
        </Text>
      </Stack>
      <AuthForm
        onSubmit={submit}
        problem={unshownProblem(error, ['name', 'password'])}
        actions={
          <Button type="submit" loading={mutation.isPending}>
            Accept and sign in
          </Button>
        }
      >
        <TextInput
          label="Your name"
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(error, 'name') ?? (checked && !name.trim() ? 'Enter your name' : undefined)}
        />
        <PasswordInput
          label="Password"
          description="At least 10 characters"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError(error, 'password') ?? (checked ? tooShort : undefined)}
        />
      </AuthForm>
    </AuthLayout>
  );
}
