import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { AuditSection } from '../../auth/components/audit-section';
import { Can } from '../../auth/components/can';
import { UsersSection } from '../../auth/components/users-section';
import { YourAccountSection } from '../../auth/components/your-account-section';
import { DigestSection } from '../../digests/components/digest-section';
import { HubSpotSection } from '../../hubspot/components/hubspot-section';
import { JobsSection } from '../../jobs/components/jobs-section';
import { useSettings } from '../hooks/use-settings';
import { CadenceSection } from './cadence-section';
import { CustomFieldsSection } from './custom-fields-section';
import { GeneralSection } from './general-section';
import { IppSection } from './ipp-section';
import { OptionListsSection } from './option-lists-section';

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
