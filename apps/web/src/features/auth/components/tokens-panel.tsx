import { Alert, Button, Code, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import type { CreatedApiToken, TokenAccess } from '../api/auth-types';
import { formatWhen } from '../format-when';
import { useCreateToken, useRevokeToken, useTokens } from '../hooks/use-accounts';
import { CopyField } from './copy-field';

const ACCESS_LABELS = { read: 'Read only', 'read-write': 'Read and write' } as const satisfies Record<TokenAccess, string>;

/** API tokens for scripts and `ptrack login --token`: created here, shown once, revocable. */
export function TokensPanel() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [access, setAccess] = useState<TokenAccess>('read');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), access },
      {
        onSuccess: (token) => {
          setCreated(token);
          setName('');
        },
      },
    );
  };
  const items = tokens.data?.items ?? [];
  return (
    <Stack gap="sm">
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="tokens-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Access</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Text size="sm">{t.name}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{ACCESS_LABELS[t.access]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatWhen(t.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatWhen(t.lastUsedAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Revoke token ${t.name}`}
                      loading={revoke.isPending && revoke.variables === t.id}
                      onClick={() => revoke.mutate(t.id)}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm" c="gray.7">
          No API tokens.
        </Text>
      )}
      <form onSubmit={submit} noValidate aria-label="Create an API token">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Token name"
            placeholder="e.g. Nightly export script"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(create.error, 'name')}
            w={260}
          />
          <Select
            label="Access"
            data={Object.entries(ACCESS_LABELS).map(([value, label]) => ({ value, label }))}
            value={access}
            onChange={(v) => v && setAccess(v as TokenAccess)}
            allowDeselect={false}
            w={180}
          />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            Create token
          </Button>
        </Group>
      </form>
      {create.error && !fieldError(create.error, 'name') ? (
        <Alert color="red" role="alert" p="xs">
          {create.error.message}
        </Alert>
      ) : null}
      {created ? (
        <Alert
          color="teal"
          title={`Token “${created.name}” created`}
          role="status"
          withCloseButton
          onClose={() => setCreated(null)}
        >
          <Stack gap="xs">
            <Text size="sm">
              Copy it now: it is shown only this once. Scripts send it as <Code>Authorization: Bearer …</Code>; the CLI takes it
              with <Code>ptrack login --token</Code>.
            </Text>
            <CopyField label="API token" value={created.token} testId="new-token" />
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
