import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { HubSpotConnectionDto, HubSpotRunReport, SaveHubSpotConnectionRequest } from '@ptrack/contracts';
import { useState } from 'react';
import { problemAt, problemsUnder } from '../../../api/problems';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useDigestSettings } from '../../digests/hooks/use-digest-settings';
import {
  type HubSpotAction,
  useHubSpotAction,
  useHubSpotConnection,
  useHubSpotRuns,
  useSaveHubSpotConnection,
} from '../hooks/use-hubspot';

type Draft = {
  token: string;
  clientSecret: string;
  baseUrl: string;
  stageMap: string;
  pushRepEdits: boolean;
  requestsPer10s: number | '';
};

const stageMapText = (map: Record<string, string>) =>
  Object.entries(map)
    .map(([k, v]) => `${k} = ${v}`)
    .join('\n');

/** "pipeline/stage = closed-won" lines; the server says which entry is wrong. */
function parseStageMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.lastIndexOf('=');
    if (line.trim() === '') continue;
    map[(at < 0 ? line : line.slice(0, at)).trim()] = at < 0 ? '' : line.slice(at + 1).trim();
  }
  return map;
}

function draftOf(c: HubSpotConnectionDto): Draft {
  return {
    token: '',
    clientSecret: '',
    baseUrl: c.baseUrl,
    stageMap: stageMapText(c.stageMap),
    pushRepEdits: c.pushRepEdits,
    requestsPer10s: c.requestsPer10s,
  };
}

function runLine(run: HubSpotRunReport): string {
  return `${run.created} created, ${run.updated} updated, ${run.unchanged} unchanged, ${run.failed.length} failed`;
}

const ACTION_DONE: Record<HubSpotAction, string> = {
  test: 'HubSpot connection works',
  setup: 'HubSpot properties are set up',
  sync: 'HubSpot changes pulled',
  'full-sync': 'Full HubSpot sync done',
  push: 'Partner aggregates pushed to HubSpot',
};

/**
 * HubSpot (issue 6): the private-app token and webhook secret (write-only: the page shows only that
 * they are set and the token's last 4 characters), sync options, the actions, and the latest runs.
 */
export function HubSpotSection() {
  const connection = useHubSpotConnection();
  const save = useSaveHubSpotConnection();
  const digest = useDigestSettings();
  const [draft, setDraft] = useState<Draft | null>(null);

  if (connection.isPending) return null;
  if (connection.error) {
    return (
      <Alert color="red" title="The HubSpot connection could not be loaded" role="alert">
        {connection.error.message}
      </Alert>
    );
  }
  const c = connection.data;
  const value = draft ?? draftOf(c);
  const change = (patch: Partial<Draft>) => setDraft({ ...value, ...patch });
  // HubSpot signs the address it calls: the web app address when set (a proxy or tunnel), else this one.
  const webhookUrl = `${(digest.data?.baseUrl ?? window.location.origin).replace(/\/+$/, '')}/api/hubspot/webhook`;

  const onSave = () => {
    const body: SaveHubSpotConnectionRequest = {
      version: c.version,
      baseUrl: value.baseUrl.trim(),
      stageMap: parseStageMap(value.stageMap) as SaveHubSpotConnectionRequest['stageMap'],
      pushRepEdits: value.pushRepEdits,
      ...(value.requestsPer10s === '' ? {} : { requestsPer10s: value.requestsPer10s }),
      // Blank secret fields keep what is stored.
      ...(value.token.trim() ? { token: value.token.trim() } : {}),
      ...(value.clientSecret.trim() ? { clientSecret: value.clientSecret.trim() } : {}),
    };
    save.mutate(body, {
      onSuccess: () => {
        setDraft(null);
        notifySuccess('HubSpot connection saved');
      },
      onError: (error) => notifyError(error),
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-hubspot" data-testid="settings-hubspot">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id="settings-hubspot">
            HubSpot
          </Title>
          <Text size="sm" c="gray.7">
            HubSpot owns rep details (name, email, title, tier, quality, company); the tracker owns everything else. Pulls reps
            marked “Partner Sales Rep”, their companies and deals; pushes partner aggregates to companies.
          </Text>
        </div>
        <Text size="sm" aria-live="polite">
          {c.configured ? `Connected with token ${c.tokenHint}.` : 'Not connected.'} Webhook secret{' '}
          {c.clientSecretConfigured ? 'set' : 'not set'}.{c.setupAt ? ' Properties set up.' : ''}
        </Text>
        <ConnectionFields connection={c} value={value} onChange={change} error={save.error} webhookUrl={webhookUrl} />
        <Group gap="xs">
          <Button onClick={onSave} disabled={draft === null} loading={save.isPending}>
            Save HubSpot connection
          </Button>
          {draft ? (
            <Button variant="default" onClick={() => setDraft(null)}>
              Discard
            </Button>
          ) : null}
        </Group>
        <HubSpotActions configured={c.configured} />
        <HubSpotRuns />
      </Stack>
    </Paper>
  );
}

/** The section's buttons: test, set up, pull, full sync and push (each while connected). */
function HubSpotActions({ configured }: { configured: boolean }) {
  const action = useHubSpotAction();
  const run = (a: HubSpotAction) =>
    action.mutate(a, {
      onSuccess: () => notifySuccess(ACTION_DONE[a]),
      onError: (error) => notifyError(error, 'HubSpot said no'),
    });
  return (
    <Group gap="xs">
      {(
        [
          ['test', 'Test connection'],
          ['setup', 'Create properties'],
          ['sync', 'Pull changes'],
          ['full-sync', 'Full sync'],
          ['push', 'Push aggregates'],
        ] as const
      ).map(([a, label]) => (
        <Button
          key={a}
          variant="light"
          disabled={!configured || action.isPending}
          loading={action.isPending && action.variables === a}
          onClick={() => run(a)}
        >
          {label}
        </Button>
      ))}
    </Group>
  );
}

/** The latest five runs, with what each did. */
function HubSpotRuns() {
  const runs = useHubSpotRuns();
  if (!runs.data || runs.data.items.length === 0) return null;
  return (
    <Table striped withTableBorder aria-label="Latest HubSpot runs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Started</Table.Th>
          <Table.Th>Run</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Records</Table.Th>
          <Table.Th>Requests</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.data.items.slice(0, 5).map((r) => (
          <Table.Tr key={r.runId}>
            <Table.Td>{new Date(r.startedAt).toLocaleString()}</Table.Td>
            <Table.Td>{r.kind}</Table.Td>
            <Table.Td title={r.error ?? r.failed.map((f) => `${f.object} ${f.id}: ${f.reason}`).join('\n')}>{r.status}</Table.Td>
            <Table.Td>{runLine(r)}</Table.Td>
            <Table.Td>{r.requests}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type ConnectionFieldsProps = {
  connection: HubSpotConnectionDto;
  value: Draft;
  onChange(patch: Partial<Draft>): void;
  /** The failed save's error: its field problems show at the fields. */
  error: unknown;
  webhookUrl: string;
};

/** The connection's settings; the secrets are write-only (blank keeps what is stored). */
function ConnectionFields({ connection: c, value, onChange, error, webhookUrl }: ConnectionFieldsProps) {
  return (
    <>
      <Group grow align="flex-start">
        <PasswordInput
          label="Private-app token"
          placeholder={c.configured ? 'Stored — type to replace' : 'pat-…'}
          value={value.token}
          onChange={(e) => onChange({ token: e.currentTarget.value })}
          error={problemAt(error, 'token')}
          autoComplete="off"
        />
        <PasswordInput
          label="Webhook client secret"
          description={`HubSpot's webhook target: ${webhookUrl} (the web app address under Monday digest, if HubSpot reaches this server through a proxy)`}
          placeholder={c.clientSecretConfigured ? 'Stored — type to replace' : 'From the app settings'}
          value={value.clientSecret}
          onChange={(e) => onChange({ clientSecret: e.currentTarget.value })}
          error={problemAt(error, 'clientSecret')}
          autoComplete="off"
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label="API address"
          value={value.baseUrl}
          onChange={(e) => onChange({ baseUrl: e.currentTarget.value })}
          error={problemAt(error, 'baseUrl')}
        />
        <NumberInput
          label="Requests per 10 seconds"
          description="Your HubSpot plan's limit (Professional/Enterprise: 190)"
          value={value.requestsPer10s}
          onChange={(v) => onChange({ requestsPer10s: v === '' ? '' : Number(v) })}
          allowDecimal={false}
          error={problemAt(error, 'requestsPer10s')}
        />
      </Group>
      <Textarea
        label="Deal stage map"
        description="One per line: pipelineId/stageId = intro | qualified | deal | closed-won | closed-lost. HubSpot's default stages map by themselves."
        autosize
        minRows={2}
        value={value.stageMap}
        onChange={(e) => onChange({ stageMap: e.currentTarget.value })}
        error={
          problemsUnder(error, 'stageMap')
            .map((p) => `${p.field.replace(/^stageMap\.?/, '') || 'map'}: ${p.message}`)
            .join('; ') || undefined
        }
      />
      <Switch
        label="Push tier and quality edits made here back to the HubSpot contact"
        checked={value.pushRepEdits}
        onChange={(e) => onChange({ pushRepEdits: e.currentTarget.checked })}
      />
    </>
  );
}
