import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { SettingsDto } from '@ptrack/contracts';
import { OPTION_LIST_LABELS } from '../settings-form';
import { OptionListEditor } from './option-list-editor';

/** docs/RULES.md: option lists (types, archetypes, action types, phases…) are editable. */
export function OptionListsSection({ settings }: { settings: SettingsDto }) {
  // The known lists first in a fixed order, then any others the server has.
  const names = [
    ...Object.keys(OPTION_LIST_LABELS),
    ...Object.keys(settings.optionLists).filter((n) => !(n in OPTION_LIST_LABELS)),
  ].filter((n) => n in settings.optionLists);
  return (
    <Stack gap="sm" component="section" aria-labelledby="settings-option-lists">
      <div>
        <Title order={2} size="h3" id="settings-option-lists">
          Option lists
        </Title>
        <Text size="sm" c="gray.7">
          The choices offered for partner and action fields, in the order shown. Renaming or removing a value does not change
          partners that already use the old one.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {names.map((name) => (
          <OptionListEditor key={name} name={name} settings={settings} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
