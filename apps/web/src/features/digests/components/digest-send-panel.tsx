import { Alert, Box, Button, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import type { DigestDeliveryReport } from '@ptrack/contracts';
import { useState } from 'react';
import { notifyError } from '../../../lib/notify';
import { fetchDigestHtml } from '../api/digests.api';
import { useSendDigest } from '../hooks/use-digest-settings';

const ALL = '';
const UNASSIGNED = 'Unassigned';

/** Send now (all owners or one) with the delivery report, and a preview of the email as sent. */
export function DigestSendPanel({ owners }: { owners: string[] }) {
  const [owner, setOwner] = useState<string>(ALL);
  const [report, setReport] = useState<DigestDeliveryReport | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [loadingPreview, setLoadingPreview] = useState(false);
  const send = useSendDigest();
  const choices = [
    { value: ALL, label: 'Every owner' },
    ...owners.map((o) => ({ value: o, label: o })),
    { value: UNASSIGNED, label: 'Unassigned' },
  ];
  const target = owner === ALL ? {} : { owner };
  const sendTo = (to: 'slack' | 'email') =>
    send.mutate({ to, ...target }, { onSuccess: setReport, onError: (e) => notifyError(e, 'The digest was not sent') });
  const showPreview = () => {
    setLoadingPreview(true);
    fetchDigestHtml(owner || undefined)
      .then(setPreview, (e: unknown) => notifyError(e, 'No preview'))
      .finally(() => setLoadingPreview(false));
  };
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        Test-send and preview
      </Title>
      <Group align="end" gap="xs">
        <Select
          label="Whose digest"
          data={choices}
          value={owner}
          onChange={(v) => setOwner(v ?? ALL)}
          allowDeselect={false}
          w={220}
        />
        <Button variant="default" onClick={() => sendTo('slack')} loading={send.isPending && send.variables?.to === 'slack'}>
          Send to Slack now
        </Button>
        <Button variant="default" onClick={() => sendTo('email')} loading={send.isPending && send.variables?.to === 'email'}>
          Email now
        </Button>
        <Button variant="subtle" onClick={showPreview} loading={loadingPreview}>
          Preview
        </Button>
      </Group>
      <Text size="xs" c="gray.7">
        Save your changes first: sending uses the saved settings.
      </Text>
      {report ? (
        <Alert
          color={report.failed > 0 ? 'red' : 'teal'}
          title={`${report.sent} sent, ${report.skipped} skipped, ${report.failed} failed`}
          withCloseButton
          onClose={() => setReport(null)}
          role="status"
        >
          <List size="sm">
            {report.deliveries.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one report, listed once
              <List.Item key={i}>
                {d.status}: {d.owner ?? UNASSIGNED}
                {d.recipient ? ` → ${d.recipient}` : ''}
                {d.reason ? ` — ${d.reason}` : ''}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {preview !== null ? (
        <Box>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              Email preview
            </Text>
            <Button size="xs" variant="subtle" onClick={() => setPreview(null)}>
              Close preview
            </Button>
          </Group>
          {/* sandbox: the HTML is the server's escaped rendering, but a preview runs no script regardless */}
          <iframe
            title="Digest email preview"
            sandbox=""
            srcDoc={preview}
            style={{ width: '100%', height: 420, border: '1px solid var(--mantine-color-gray-3)' }}
          />
        </Box>
      ) : null}
    </Stack>
  );
}
