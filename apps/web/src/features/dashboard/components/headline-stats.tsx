import { Card, SimpleGrid, Text } from '@mantine/core';

type Stat = { label: string; value: string; note?: string; testId: string };

/** The three numbers a lead quotes on Monday: partners, reps, open pipeline. */
export function HeadlineStats({ stats }: { stats: readonly Stat[] }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md" component="dl" m={0}>
      {stats.map((s) => (
        <Card key={s.testId} withBorder radius="md" padding="md" data-testid={s.testId}>
          <Text component="dt" size="sm" c="gray.7">
            {s.label}
          </Text>
          <Text component="dd" m={0} fw={700} fz={28} lh={1.2} data-testid="stat-value">
            {s.value}
          </Text>
          {s.note ? (
            <Text size="xs" c="gray.7">
              {s.note}
            </Text>
          ) : null}
        </Card>
      ))}
    </SimpleGrid>
  );
}
