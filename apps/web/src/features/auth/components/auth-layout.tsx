import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The pages shown before anyone is signed in: one narrow card, centred, that fits a phone. */
export function AuthLayout({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Box component="main" id="main" px="md" py="xl" mih="100vh" bg="gray.0">
      <Paper withBorder p="lg" maw={440} mx="auto" radius="md">
        <Stack gap="md">
          <Text fw={700} size="lg">
            Partner Tracker
          </Text>
          <div>
            <Title order={1} size="h2">
              {title}
            </Title>
            {intro ? (
              <Text size="sm" c="gray.7" mt={4}>
                {intro}
              </Text>
            ) : null}
          </div>
          {children}
        </Stack>
      </Paper>
    </Box>
  );
}
