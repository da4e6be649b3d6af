import { Alert, Anchor, Box, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Permission } from '../features/auth/api/auth-types';
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

/** The page's parts, in order: the navigation at the top jumps to each (the page is long). */
const PARTS: readonly { id: string; label: string; permission?: Permission }[] = [
  { id: 'settings-workspace', label: 'Workspace' },
  { id: 'settings-fields', label: 'Fields and lists' },
  { id: 'settings-integrations', label: 'HubSpot and digests', permission: 'integrations:run' },
  { id: 'settings-jobs', label: 'Background jobs' },
  { id: 'settings-users', label: 'Users', permission: 'users:manage' },
  { id: 'settings-account', label: 'Your account' },
  { id: 'settings-audit', label: 'Audit log', permission: 'audit:read' },
];

function Part({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Stack gap="lg" id={id} style={{ scrollMarginTop: 'calc(var(--app-shell-header-offset, 0px) + 3.5rem)' }}>
      {children}
    </Stack>
  );
}

function PartsNav() {
  const links = PARTS.map((part) => {
    const link = (
      <Anchor key={part.id} href={`#${part.id}`} size="sm">
        {part.label}
      </Anchor>
    );
    return part.permission ? (
      <Can key={part.id} permission={part.permission}>
        {link}
      </Can>
    ) : (
      link
    );
  });
  return (
    <Box
      component="nav"
      aria-label="Settings sections"
      py="xs"
      style={{
        position: 'sticky',
        top: 'var(--app-shell-header-offset, 0px)',
        zIndex: 2,
        background: 'var(--mantine-color-body)',
        borderBottom: '1px solid var(--mantine-color-gray-3)',
      }}
    >
      <Group gap="md" wrap="wrap">
        {links}
      </Group>
    </Box>
  );
}

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
          <PartsNav />
          <Part id="settings-workspace">
            <GeneralSection settings={settings.data} />
            <CadenceSection settings={settings.data} />
            <IppSection settings={settings.data} />
          </Part>
          <Part id="settings-fields">
            <OptionListsSection settings={settings.data} />
            <CustomFieldsSection />
          </Part>
          <Can permission="integrations:run">
            <Part id="settings-integrations">
              <HubSpotSection />
              <DigestSection />
            </Part>
          </Can>
          <Part id="settings-jobs">
            <JobsSection />
          </Part>
          <Can permission="users:manage">
            <Part id="settings-users">
              <UsersSection />
            </Part>
          </Can>
          <Part id="settings-account">
            <YourAccountSection />
          </Part>
          <Can permission="audit:read">
            <Part id="settings-audit">
              <AuditSection />
            </Part>
          </Can>
        </>
      )}
    </Stack>
  );
}
