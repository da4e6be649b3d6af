import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { SettingChange } from '../settings-form';

type Props = {
  section: string;
  changes: SettingChange[];
  applying: boolean;
  onReapply(): void;
  onKeepTheirs(): void;
  onClose(): void;
};

const shown = (value: string) =>
  value === '' ? (
    <Text span c="gray.7" fs="italic">
      (empty)
    </Text>
  ) : (
    value
  );

/** A stale settings save (409): what changed since the page loaded, beside what the user was saving. */
export function SettingsConflictDialog({ section, changes, applying, onReapply, onKeepTheirs, onClose }: Props) {
  return (
    <Modal opened onClose={onClose} title="The settings were changed by someone else" size="xl">
      <Stack gap="sm" data-testid="settings-conflict">
        <Text size="sm">Your {section.toLowerCase()} were not saved: the settings changed since you loaded this page.</Text>
        <Table.ScrollContainer minWidth={480}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Setting</Table.Th>
                <Table.Th scope="col">When you loaded it</Table.Th>
                <Table.Th scope="col">Saved now</Table.Th>
                <Table.Th scope="col">If you reapply</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((c) => (
                <Table.Tr key={c.label}>
                  <Table.Th scope="row">{c.label}</Table.Th>
                  <Table.Td>{shown(c.before)}</Table.Td>
                  <Table.Td>{shown(c.now)}</Table.Td>
                  <Table.Td>{shown(c.yours)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="flex-end" gap="xs" wrap="wrap">
          <Button variant="default" onClick={onKeepTheirs} disabled={applying} data-autofocus>
            Keep theirs
          </Button>
          <Button onClick={onReapply} loading={applying}>
            Reapply mine
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
