import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One figure with its label, for the computed sections (rollups, performance, activity). */
export function Stat({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text component="dt" size="xs" c="gray.7" fw={500}>
        {label}
      </Text>
      <Text component="dd" m={0} size="md" fw={600} data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="gray.7">
          {hint}
        </Text>
      ) : null}
    </div>
  );
}
