import { Button, Checkbox, Group, PasswordInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import type { DigestSettingsDto } from '@ptrack/contracts';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { problemAt } from '../../../api/problems';
import { WEEKDAYS } from '../../../lib/calendar';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { SettingsCard } from '../../../ui/settings-card';
import { checkDigestForm, type DigestForm, digestFormOf, digestPatchOf } from '../digest-form';
import { useDigestSettings, useUpdateDigestSettings } from '../hooks/use-digest-settings';
import { CalendarFeedPanel } from './digest-calendar-panel';
import { DigestRecipientsEditor } from './digest-recipients-editor';
import { DigestSendPanel } from './digest-send-panel';

const SECURITY = [
  { value: 'starttls', label: 'STARTTLS (port 587)' },
  { value: 'tls', label: 'TLS (port 465)' },
  { value: 'none', label: 'None (a local relay)' },
];

function secretHint(state: { configured: boolean; hint: string | null }): string {
  if (!state.configured) return 'Not set';
  return state.hint ? `Set (ends …${state.hint}); leave blank to keep` : 'Set; leave blank to keep';
}

/** "Digest & calendar": where and when the Monday list goes, a test send, a preview and the ICS feed. */
export function DigestSection() {
  const settings = useDigestSettings();
  return (
    <SettingsCard
      headingId="settings-digest"
      testId="settings-digest"
      title="Digest & calendar"
      gap="md"
      description="Each owner’s list — overdue, due today, later this week, plans at risk, partners needing attention — to Slack and by email on a schedule, and a calendar feed of open actions."
    >
      {settings.isPending ? (
        <Text size="sm">Loading…</Text>
      ) : settings.error ? (
        <Text size="sm" c="red.9" role="alert">
          {settings.error.message}
        </Text>
      ) : (
        <>
          <DigestSettingsForm key={settings.data.version} saved={settings.data} />
          <DigestSendPanel owners={settings.data.recipients.map((r) => r.owner)} />
          <CalendarFeedPanel settings={settings.data} />
        </>
      )}
    </SettingsCard>
  );
}

function DigestSettingsForm({ saved }: { saved: DigestSettingsDto }) {
  const [form, setForm] = useState<DigestForm>(() => digestFormOf(saved));
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const update = useUpdateDigestSettings();
  const set = (patch: Partial<DigestForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setLocal(null);
  };
  const error = update.error;
  const problem = (field: string) => (local?.field === field ? local.message : problemAt(error, field));
  const save = () => {
    const found = checkDigestForm(form);
    setLocal(found);
    if (found) return;
    update.mutate(digestPatchOf(form, saved.version), {
      onSuccess: () => notifySuccess('Digest settings saved'),
      onError: (e) => {
        if (!(e instanceof ApiError) || e.fieldProblems.length === 0) notifyError(e);
      },
    });
  };
  const parts = { form, set, problem, saved };
  return (
    <Stack gap="sm">
      <ScheduleFields {...parts} />
      <SlackFields {...parts} />
      <SmtpFields {...parts} />
      <Title order={3} size="h4">
        Recipients
      </Title>
      <TextInput
        label="Default email"
        description="Gets the Unassigned digest and the digests of owners without an email below"
        value={form.defaultEmail}
        onChange={(e) => set({ defaultEmail: e.currentTarget.value })}
        error={problem('defaultEmail')}
      />
      <DigestRecipientsEditor value={form.recipients} onChange={(recipients) => set({ recipients })} problem={problem} />

      <Group gap="xs">
        <Button onClick={save} loading={update.isPending}>
          Save digest settings
        </Button>
        <Button variant="default" onClick={() => setForm(digestFormOf(saved))} disabled={update.isPending}>
          Discard
        </Button>
      </Group>
    </Stack>
  );
}

type PartProps = {
  form: DigestForm;
  set(patch: Partial<DigestForm>): void;
  /** The problem to show at a field: the form's own check first, then the server's. */
  problem(field: string): string | undefined;
  saved: DigestSettingsDto;
};

/** When the digest goes out, on which channels, and the address its links use. */
function ScheduleFields({ form, set, problem, saved }: PartProps) {
  return (
    <>
      <Title order={3} size="h4">
        Schedule
      </Title>
      <Group align="end" gap="sm" wrap="wrap">
        <Switch
          label="Send on a schedule"
          checked={form.scheduleEnabled}
          onChange={(e) => set({ scheduleEnabled: e.currentTarget.checked })}
        />
        <Select
          label="Day"
          data={WEEKDAYS.map((day, i) => ({ value: String(i), label: day }))}
          value={String(form.scheduleWeekday)}
          onChange={(v) => v !== null && set({ scheduleWeekday: Number(v) })}
          allowDeselect={false}
          w={150}
        />
        <TextInput
          label={`Time (${saved.timeZone})`}
          type="time"
          value={form.scheduleTime}
          onChange={(e) => set({ scheduleTime: e.currentTarget.value })}
          error={problem('scheduleTime')}
          w={170}
        />
        <Checkbox.Group
          label="Channels"
          value={form.scheduleChannels}
          onChange={(v) => set({ scheduleChannels: v as DigestForm['scheduleChannels'] })}
        >
          <Group gap="sm" mt={6}>
            <Checkbox value="slack" label="Slack" />
            <Checkbox value="email" label="Email" />
          </Group>
        </Checkbox.Group>
      </Group>
      <Switch
        label="Skip owners with nothing this week (otherwise one line says so)"
        checked={form.skipEmpty}
        onChange={(e) => set({ skipEmpty: e.currentTarget.checked })}
      />
      <TextInput
        label="Web app address, for links"
        placeholder="https://tracker.example.com"
        value={form.baseUrl}
        onChange={(e) => set({ baseUrl: e.currentTarget.value })}
        error={problem('baseUrl')}
      />
    </>
  );
}

/** Slack's incoming webhook (write-only: a stored one can be removed). */
function SlackFields({ form, set, problem, saved }: PartProps) {
  return (
    <>
      <Title order={3} size="h4">
        Slack
      </Title>
      <Group align="end" gap="sm">
        <PasswordInput
          label="Incoming webhook URL"
          description={secretHint(saved.slackWebhook)}
          placeholder="https://hooks.slack.com/services/…"
          value={form.slackWebhookUrl}
          onChange={(e) => set({ slackWebhookUrl: e.currentTarget.value, removeSlackWebhook: false })}
          error={problem('slackWebhookUrl')}
          style={{ flex: 1 }}
          autoComplete="off"
        />
        {saved.slackWebhook.configured ? (
          <Checkbox
            label="Remove"
            checked={form.removeSlackWebhook}
            onChange={(e) => set({ removeSlackWebhook: e.currentTarget.checked, slackWebhookUrl: '' })}
          />
        ) : null}
      </Group>
    </>
  );
}

/** The SMTP server the email digest is sent through. */
function SmtpFields({ form, set, problem, saved }: PartProps) {
  return (
    <>
      <Title order={3} size="h4">
        Email (SMTP)
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label="Host"
          value={form.smtpHost}
          onChange={(e) => set({ smtpHost: e.currentTarget.value })}
          error={problem('smtpHost')}
        />
        <TextInput
          label="Port"
          inputMode="numeric"
          placeholder={form.smtpSecurity === 'tls' ? '465' : '587'}
          value={form.smtpPort}
          onChange={(e) => set({ smtpPort: e.currentTarget.value })}
          error={problem('smtpPort')}
        />
        <Select
          label="Security"
          data={SECURITY}
          value={form.smtpSecurity}
          onChange={(v) => v && set({ smtpSecurity: v as DigestForm['smtpSecurity'] })}
          allowDeselect={false}
        />
        <TextInput
          label="User"
          value={form.smtpUser}
          onChange={(e) => set({ smtpUser: e.currentTarget.value })}
          autoComplete="off"
        />
        <PasswordInput
          label="Password"
          description={secretHint(saved.smtpPassword)}
          value={form.smtpPassword}
          onChange={(e) => set({ smtpPassword: e.currentTarget.value, removeSmtpPassword: false })}
          autoComplete="new-password"
        />
        <TextInput
          label="From address"
          placeholder="tracker@example.com"
          value={form.fromAddress}
          onChange={(e) => set({ fromAddress: e.currentTarget.value })}
          error={problem('fromAddress')}
        />
      </SimpleGrid>
      {saved.smtpPassword.configured ? (
        <Checkbox
          label="Remove the stored SMTP password"
          checked={form.removeSmtpPassword}
          onChange={(e) => set({ removeSmtpPassword: e.currentTarget.checked, smtpPassword: '' })}
        />
      ) : null}
    </>
  );
}
