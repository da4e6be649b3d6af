import { Alert, Button, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { fieldError } from '../../../api/client';
import { timeZoneChoices, WEEKDAYS } from '../../../lib/calendar';
import { notifyError } from '../../../lib/notify';
import { fetchSettings, updateSettings } from '../../settings/api/settings.api';
import { setup } from '../api/auth.api';
import type { SessionState } from '../api/auth-types';
import { browserTimeZone, weekStartOf } from '../first-run-defaults';
import { useApplySession } from '../hooks/use-session';
import { passwordProblem } from '../password-rules';
import { AuthLayout } from './auth-layout';

type FirstRun = { name: string; email: string; password: string; timeZone: string; weekStartsOn: number };

function supportedZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

// The admin first (the server allows setup only once), then the workspace's clock: the new session's
// cookie already signs the settings change.
async function runFirstRun(form: FirstRun): Promise<SessionState> {
  const state = await setup({ name: form.name, email: form.email, password: form.password });
  try {
    const settings = await fetchSettings();
    await updateSettings({ version: settings.version, timeZone: form.timeZone, weekStartsOn: form.weekStartsOn });
  } catch (error) {
    notifyError(error, 'The time zone was not saved; set it in Settings');
  }
  return state;
}

/** Before anything else, a new server asks for its first admin and the workspace's time zone and week. */
export function FirstRunPage() {
  const applySession = useApplySession();
  const [form, setForm] = useState<FirstRun>(() => ({
    name: '',
    email: '',
    password: '',
    timeZone: browserTimeZone(),
    weekStartsOn: weekStartOf(navigator.language),
  }));
  const [checked, setChecked] = useState(false);
  const zones = useMemo(() => timeZoneChoices(form.timeZone, supportedZones()), [form.timeZone]);
  const mutation = useMutation({ mutationFn: runFirstRun, onSuccess: applySession });
  const tooShort = passwordProblem(form.password);
  const set = <K extends keyof FirstRun>(key: K, value: FirstRun[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!form.name.trim() || !form.email.trim() || tooShort) return;
    mutation.mutate({ ...form, name: form.name.trim(), email: form.email.trim() });
  };
  const error = mutation.error;
  const named = ['name', 'email', 'password'].some((f) => fieldError(error, f));
  return (
    <AuthLayout
      title="Set up Partner Tracker"
      intro="Create the first admin account. You can invite your team from Settings → Users afterwards."
    >
      <form onSubmit={submit} noValidate aria-label="First run">
        <Stack gap="sm">
          <TextInput
            label="Your name"
            autoComplete="name"
            required
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={fieldError(error, 'name') ?? (checked && !form.name.trim() ? 'Enter your name' : undefined)}
            data-autofocus
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={form.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={fieldError(error, 'email') ?? (checked && !form.email.trim() ? 'Enter your email' : undefined)}
          />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            value={form.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={fieldError(error, 'password') ?? (checked ? tooShort : undefined)}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label="Workspace time zone"
              description="“Today” and due dates follow it"
              data={zones}
              value={form.timeZone}
              onChange={(v) => v && set('timeZone', v)}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No time zone matches"
            />
            <Select
              label="Week starts on"
              description="For weekly reviews"
              data={WEEKDAYS.map((day, i) => ({ value: String(i), label: day }))}
              value={String(form.weekStartsOn)}
              onChange={(v) => v !== null && set('weekStartsOn', Number(v))}
              allowDeselect={false}
            />
          </SimpleGrid>
          {error && !named ? (
            <Alert color="red" role="alert" p="xs">
              {error.message}
            </Alert>
          ) : null}
          <Button type="submit" loading={mutation.isPending}>
            Create the admin account
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
