import { Alert, Button, Code, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import { DataTable } from '../../../ui/data-table';
import type { CreatedApiToken, TokenAccess } from '../api/auth-types';
import { formatWhen } from '../format-when';
import { useCreateToken, useRevokeToken, useTokens } from '../hooks/use-accounts';
import { CopyField } from './copy-field';
import { RevokeButton } from './revoke-button';

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
        <DataTable
          testId="tokens-table"
          minWidth={560}
          rows={items}
          rowKey={(t) => t.id}
          columns={[
            { header: 'Name', cell: (t) => t.name },
            { header: 'Access', cell: (t) => ACCESS_LABELS[t.access] },
            { header: 'Created', cell: (t) => formatWhen(t.createdAt) },
            { header: 'Last used', cell: (t) => formatWhen(t.lastUsedAt) },
            {
              header: null,
              cell: (t) => (
                <RevokeButton
                  label="Revoke"
                  aria-label={`Revoke token ${t.name}`}
                  loading={revoke.isPending && revoke.variables === t.id}
                  onClick={() => revoke.mutate(t.id)}
                />
              ),
            },
          ]}
        />
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
