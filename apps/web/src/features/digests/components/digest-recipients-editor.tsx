import { ActionIcon, Button, Group, Stack, TextInput } from '@mantine/core';
import type { DigestForm } from '../digest-form';

type Recipient = DigestForm['recipients'][number];

/** Owner name → email and Slack mention, one row each. */
export function DigestRecipientsEditor({
  value,
  onChange,
  problem,
}: {
  value: Recipient[];
  onChange(next: Recipient[]): void;
  problem(field: string): string | undefined;
}) {
  const change = (i: number, patch: Partial<Recipient>) => onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs">
      {value.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; order is the identity
        <Group key={i} align="start" gap="xs" wrap="nowrap">
          <TextInput
            aria-label={`Owner ${i + 1}`}
            placeholder="Owner, as in the partners' Owner field"
            value={r.owner}
            onChange={(e) => change(i, { owner: e.currentTarget.value })}
            error={problem(`recipients.${i}.owner`)}
            style={{ flex: 1 }}
          />
          <TextInput
            aria-label={`Email of owner ${i + 1}`}
            placeholder="email"
            value={r.email}
            onChange={(e) => change(i, { email: e.currentTarget.value })}
            error={problem(`recipients.${i}.email`)}
            style={{ flex: 1 }}
          />
          <TextInput
            aria-label={`Slack mention of owner ${i + 1}`}
            placeholder="<@U024BE7LH>"
            value={r.slackMention}
            onChange={(e) => change(i, { slackMention: e.currentTarget.value })}
            error={problem(`recipients.${i}.slackMention`)}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove owner ${i + 1}`}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            mt={4}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        onClick={() => onChange([...value, { owner: '', email: '', slackMention: '' }])}
      >
        Add a recipient
      </Button>
    </Stack>
  );
}
