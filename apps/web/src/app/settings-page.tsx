import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { AuditSection } from '../features/auth/components/audit-section';
import { Can } from '../features/auth/components/can';
import { UsersSection } from '../features/auth/components/users-section';
import { YourAccountSection } from '../features/auth/components/your-account-section';
import { DigestSection } from '../features/digests/components/digest-section';
import { HubSpotSection } from '../features/hubspot/components/hubspot-section';
import { JobsSection } from '../features/jobs/components/jobs-section';
import { CadenceSection } from '../features/settings/components/cadence-section';
import { CustomFieldsSection } from '../features/settings/components/custom-fields-section';
import { GeneralSection } from '../features/settings/components/general-section';
import { IppSection } from '../features/settings/components/ipp-section';
import { OptionListsSection } from '../features/settings/components/option-lists-section';
import { useSettings } from '../features/settings/hooks/use-settings';

/** The workspace settings; each section saves on its own. */
export function SettingsPage() {
  const settings = useSettings();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Settings</Title>
        <Text size="sm" c="gray.7">
          For the whole workspace. Each section saves on its own.
        </Text>
      </div>
      {settings.isPending ? (
        <Group justify="center" p="xl">
          <Loader aria-label="Loading the settings" />
        </Group>
      ) : settings.error ? (
        <Alert color="red" title="The settings could not be loaded" role="alert">
          {settings.error.message}
        </Alert>
      ) : (
        <>
          <GeneralSection settings={settings.data} />
          <CadenceSection settings={settings.data} />
          <IppSection settings={settings.data} />
          <OptionListsSection settings={settings.data} />
          <CustomFieldsSection />
          <Can permission="integrations:run">
            <HubSpotSection />
            <DigestSection />
          </Can>
          <JobsSection />
          <Can permission="users:manage">
            <UsersSection />
          </Can>
          <YourAccountSection />
          <Can permission="audit:read">
            <AuditSection />
          </Can>
        </>
      )}
    </Stack>
  );
}
