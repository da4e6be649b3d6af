import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type SettingsCardProps = {
  /** The heading's id, which the section is labelled by. */
  headingId: string;
  testId: string;
  /** An anchor to link to (`/settings#your-account`). */
  id?: string | undefined;
  title: ReactNode;
  description: ReactNode;
  /** A heading level for nested sections (option lists sit under one heading). */
  level?: 2 | 3;
  gap?: 'sm' | 'md';
  children: ReactNode;
};

/** One part of the Settings page: a bordered section with its heading and a line on what it is for. */
export function SettingsCard({ headingId, testId, id, title, description, level = 2, gap = 'sm', children }: SettingsCardProps) {
  return (
    <Paper withBorder p="md" component="section" id={id} aria-labelledby={headingId} data-testid={testId}>
      <Stack gap={gap}>
        <div>
          <Title order={level} size={level === 2 ? 'h3' : 'h4'} id={headingId}>
            {title}
          </Title>
          <Text size="sm" c="gray.7">
            {description}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
