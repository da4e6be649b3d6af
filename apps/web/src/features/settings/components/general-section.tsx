import { Chip, Group, Input, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import type { SettingsDto } from '@ptrack/contracts';
import { useMemo } from 'react';
import { problemAt } from '../../../api/problems';
import { timeZoneChoices, WEEKDAYS } from '../../../lib/calendar';
import { type SectionConfig, SettingsSection } from './settings-section';

type General = {
  timeZone: string;
  weekStartsOn: number;
  workingDays: number[];
  currency: string;
  managersEditOwnPartnersOnly: boolean;
  /** Digits, or '' for not known (sent as null). */
  hubspotPortalId: string;
};

const config: SectionConfig<General> = {
  pick: (s) => ({
    timeZone: s.timeZone,
    weekStartsOn: s.weekStartsOn,
    workingDays: s.workingDays,
    currency: s.currency,
    managersEditOwnPartnersOnly: s.managersEditOwnPartnersOnly,
    hubspotPortalId: s.hubspotPortalId ?? '',
  }),
  describe: (v) => ({
    'Time zone': v.timeZone,
    'Week starts on': WEEKDAYS[v.weekStartsOn] ?? '',
    'Working days': v.workingDays.map((d) => WEEKDAYS[d]).join(', '),
    Currency: v.currency,
    'Managers edit only their own partners': v.managersEditOwnPartnersOnly ? 'Yes' : 'No',
    'HubSpot account id': v.hubspotPortalId || 'not known',
  }),
  toPatch: (v) => ({ ...v, hubspotPortalId: v.hubspotPortalId.trim() || null }),
  check: (v) => (v.workingDays.length === 0 ? 'Pick at least one working day.' : null),
  fields: ['timeZone', 'weekStartsOn', 'workingDays', 'currency', 'managersEditOwnPartnersOnly', 'hubspotPortalId'],
};

function supported(kind: 'timeZone' | 'currency'): string[] {
  try {
    return Intl.supportedValuesOf(kind);
  } catch {
    return [];
  }
}

function currencyChoices(current: string) {
  const names = new Intl.DisplayNames(undefined, { type: 'currency' });
  const codes = new Set([...supported('currency'), current]);
  return [...codes].map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
}

/** Time zone, week start and currency: what "today", "this week" and every amount are measured in. */
export function GeneralSection({ settings }: { settings: SettingsDto }) {
  const zones = useMemo(() => timeZoneChoices(settings.timeZone, supported('timeZone')), [settings.timeZone]);
  const currencies = useMemo(() => currencyChoices(settings.currency), [settings.currency]);
  return (
    <SettingsSection
      title="Workspace"
      description="Every “today”, due date and weekly review is counted in this time zone; amounts are shown in this currency."
      settings={settings}
      config={config}
    >
      {({ value, onChange, error }) => (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label="Time zone"
              data={zones}
              value={value.timeZone}
              onChange={(v) => v && onChange({ ...value, timeZone: v })}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No time zone matches"
              error={problemAt(error, 'timeZone')}
            />
            <Select
              label="Week starts on"
              data={WEEKDAYS.map((day, i) => ({ value: String(i), label: day }))}
              value={String(value.weekStartsOn)}
              onChange={(v) => v !== null && onChange({ ...value, weekStartsOn: Number(v) })}
              allowDeselect={false}
              error={problemAt(error, 'weekStartsOn')}
            />
            <Select
              label="Currency"
              data={currencies}
              value={value.currency}
              onChange={(v) => v && onChange({ ...value, currency: v })}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No currency matches"
              error={problemAt(error, 'currency')}
            />
          </SimpleGrid>
          <Input.Wrapper
            label="Working days"
            description="Follow-ups planned by a cadence that would fall on another day move to the next working day."
            error={problemAt(error, 'workingDays')}
          >
            <Chip.Group
              multiple
              value={value.workingDays.map(String)}
              onChange={(days) => onChange({ ...value, workingDays: days.map(Number).sort((a, b) => a - b) })}
            >
              <Group gap={6} mt={6} role="group" aria-label="Working days">
                {[1, 2, 3, 4, 5, 6, 0].map((d) => (
                  <Chip key={d} value={String(d)} size="sm">
                    {WEEKDAYS[d]}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Input.Wrapper>
          <Switch
            label="Managers edit only their own partners"
            description="Off: every manager edits every partner (small teams share)."
            checked={value.managersEditOwnPartnersOnly}
            onChange={(e) => onChange({ ...value, managersEditOwnPartnersOnly: e.currentTarget.checked })}
            error={problemAt(error, 'managersEditOwnPartnersOnly')}
          />
          <TextInput
            label="HubSpot account id"
            description="The portal number in your HubSpot links (app.hubspot.com/contacts/<id>/…); learned from the first imported link."
            value={value.hubspotPortalId}
            onChange={(e) => onChange({ ...value, hubspotPortalId: e.currentTarget.value })}
            error={problemAt(error, 'hubspotPortalId')}
            maw={260}
          />
        </Stack>
      )}
    </SettingsSection>
  );
}
