import { Button, Collapse, Group, Paper, Stack, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';

type SectionCardProps = {
  title: string;
  testId: string;
  /** Buttons beside the title (Edit…). */
  actions?: ReactNode;
  /** Optional sections (docs/RULES.md: hidden unless used) fold; they start open when they hold a value. */
  collapsible?: { defaultOpen: boolean };
  children: ReactNode;
};

/** One section of a record page: a titled card. */
export function SectionCard({ title, testId, actions, collapsible, children }: SectionCardProps) {
  const headingId = useId();
  const bodyId = useId();
  const [open, setOpen] = useState(collapsible?.defaultOpen ?? true);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId} data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" align="center" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          <Group gap="xs">
            {open ? actions : null}
            {collapsible ? (
              <Button variant="subtle" size="xs" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
                {open ? 'Hide' : 'Show'}
              </Button>
            ) : null}
          </Group>
        </Group>
        {collapsible ? (
          <Collapse expanded={open} id={bodyId}>
            {children}
          </Collapse>
        ) : (
          children
        )}
      </Stack>
    </Paper>
  );
}
