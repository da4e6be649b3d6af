import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One accounts part of Settings, with an id to link to (`/settings#your-account`). */
export function AccountCard(props: { id: string; title: string; description: ReactNode; children: ReactNode }) {
  const headingId = `${props.id}-heading`;
  return (
    <Paper withBorder p="md" component="section" id={props.id} aria-labelledby={headingId} data-testid={`settings-${props.id}`}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id={headingId}>
            {props.title}
          </Title>
          <Text size="sm" c="gray.7">
            {props.description}
          </Text>
        </div>
        {props.children}
      </Stack>
    </Paper>
  );
}
