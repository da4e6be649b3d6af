import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { PARTNER_IMPORT_TARGETS } from '@ptrack/catalog';
import type { PartnerDto } from '@ptrack/contracts';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSettings } from '../../settings/hooks/use-settings';
import { useCreatePartner } from '../hooks/use-partners';
import { useRequiredName } from '../hooks/use-required-name';
import { RequiredNameInput } from './required-name-input';

type AddPartnerFormProps = {
  /** Called with the new partner once it is saved. */
  onAdded(partner: PartnerDto): void;
  onCancel(): void;
};

/** The smallest useful partner: a name (required, unique) and, optionally, its type and website. */
export function AddPartnerForm({ onAdded, onCancel }: AddPartnerFormProps) {
  const settings = useSettings();
  const create = useCreatePartner();
  const name = useRequiredName();
  const [type, setType] = useState<string | null>(null);
  const [website, setWebsite] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const partnerName = name.take();
    if (partnerName === null) return;
    // mutateAsync: adding the first partner replaces the onboarding card (and this form) with Today.
    create.mutateAsync({ name: partnerName, type: type ?? undefined, website: website.trim() || undefined }).then(
      (partner) => {
        notifySuccess('Partner added', partner.name);
        onAdded(partner);
      },
      (error: unknown) => {
        if (!fieldError(error, 'name') && !fieldError(error, 'website') && !fieldError(error, 'type')) notifyError(error);
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a partner" data-testid="add-partner-form">
      <Stack gap="sm" maw={480}>
        <RequiredNameInput
          name={name}
          label={PARTNER_IMPORT_TARGETS.name.label}
          blankMessage="Give the partner a name"
          error={fieldError(create.error, 'name')}
        />
        <Select
          label="Type"
          placeholder="Optional"
          data={settings.data?.optionLists.partnerType ?? []}
          value={type}
          onChange={setType}
          clearable
          error={fieldError(create.error, 'type')}
        />
        <TextInput
          label="Website"
          placeholder="https://example.com"
          type="url"
          value={website}
          onChange={(e) => setWebsite(e.currentTarget.value)}
          error={fieldError(create.error, 'website')}
        />
        <Group gap="xs">
          <Button type="submit" loading={create.isPending}>
            Add partner
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
