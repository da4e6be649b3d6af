import { Group, NumberInput, PasswordInput, Switch, Textarea, TextInput } from '@mantine/core';
import type { HubSpotConnectionDto } from '@ptrack/contracts';
import { problemAt, problemsUnder } from '../../../api/problems';
import type { HubSpotDraft } from '../hubspot-draft';

type ConnectionFieldsProps = {
  connection: HubSpotConnectionDto;
  value: HubSpotDraft;
  onChange(patch: Partial<HubSpotDraft>): void;
  /** The failed save's error: its field problems show at the fields. */
  error: unknown;
  webhookUrl: string;
};

/** The connection's settings; the secrets are write-only (blank keeps what is stored). */
export function ConnectionFields({ connection: c, value, onChange, error, webhookUrl }: ConnectionFieldsProps) {
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
