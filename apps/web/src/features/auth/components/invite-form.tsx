import { Alert, Button, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import { fetchPartnerPage } from '../../partners/api/partners.api';
import type { CreatedInvitation, Role } from '../api/auth-types';
import { useCreateInvitation } from '../hooks/use-accounts';
import { isPartnerRole, ROLE_HELP, ROLE_LABELS, ROLES } from '../role-labels';
import { CopyField } from './copy-field';

const roleChoices = ROLES.map((role) => ({ value: role, label: `${ROLE_LABELS[role]} — ${ROLE_HELP[role]}` }));

function usePartnerChoices(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.partners.choices,
    queryFn: () => fetchPartnerPage({ limit: 500, sort: 'name' }),
    enabled,
    select: (page) => page.items.map((p) => ({ value: p.id, label: p.name })),
  });
}

/** Invites someone by email with a role (and a partner, for a partner's users); the link is shown to copy. */
export function InviteForm() {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('manager');
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [sent, setSent] = useState<CreatedInvitation | null>(null);
  const invite = useCreateInvitation();
  const partnerRole = isPartnerRole(role);
  const partners = usePartnerChoices(partnerRole);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      {
        email: email.trim(),
        role,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(partnerRole && partnerId ? { partnerId } : {}),
      },
      {
        onSuccess: (created) => {
          setSent(created);
          setEmail('');
          setName('');
        },
      },
    );
  };
  const error = invite.error;
  const named = ['email', 'name', 'role', 'partnerId'].some((f) => fieldError(error, f));
  return (
    <Stack gap="sm">
      <form onSubmit={submit} noValidate aria-label="Invite a user">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Email"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldError(error, 'email')}
            />
            <TextInput
              label="Name (optional)"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(error, 'name')}
            />
            <Select
              label="Role"
              data={roleChoices}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
              allowDeselect={false}
              error={fieldError(error, 'role')}
            />
            {partnerRole ? (
              <Select
                label="Partner"
                description="A partner's user sees only this partner"
                data={partners.data ?? []}
                value={partnerId}
                onChange={setPartnerId}
                searchable
                required
                nothingFoundMessage="No partner matches"
                error={fieldError(error, 'partnerId')}
              />
            ) : null}
          </SimpleGrid>
          {error && !named ? (
            <Alert color="red" role="alert" p="xs">
              {error.message}
            </Alert>
          ) : null}
          <Button
            type="submit"
            w="fit-content"
            loading={invite.isPending}
            disabled={!email.trim() || (partnerRole && !partnerId)}
          >
            Send invitation
          </Button>
        </Stack>
      </form>
      {sent ? (
        <Alert color="teal" title={`Invitation for ${sent.email}`} role="status" data-testid="invitation-sent">
          <Stack gap="xs">
            <Text size="sm">
              {sent.emailed
                ? 'Emailed. You can also send this link yourself; it works once, for 7 days.'
                : 'No email was sent (email is not set up). Send this link yourself; it works once, for 7 days.'}
            </Text>
            <CopyField label="Invitation link" value={sent.url} testId="invitation-link" />
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
