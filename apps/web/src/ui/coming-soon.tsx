import { Alert, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page that is not built yet says what it will hold, and shows no made-up data. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      <Alert variant="light" color="blue" title="Coming soon">
        {children}
      </Alert>
    </Stack>
  );
}
