import { Anchor, Group, Text, Title } from '@mantine/core';
import { plural } from '@ptrack/catalog';
import { formatLongDay } from '../../../lib/dates';
import type { TodayData } from '../hooks/use-today';

/** The page title, the workspace's date, and the counts linking to their sections. */
export function TodayHeader({ data }: { data: TodayData }) {
  return (
    <div>
      <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
        <Title order={1}>Today</Title>
        <Text c="gray.7" size="sm">
          {formatLongDay(data.today)}
        </Text>
      </Group>
      <Group gap="md" wrap="wrap" aria-live="polite" data-testid="today-counts" component="nav" aria-label="Sections">
        <Anchor href="#due-today-heading" size="lg" fw={500} c={data.dueTodayCount > 0 ? 'teal.9' : 'gray.7'}>
          {data.dueTodayCount} due today
        </Anchor>
        <Anchor href="#overdue-heading" size="lg" fw={500} c={data.overdueCount > 0 ? 'red.9' : 'gray.7'}>
          {plural(data.overdueCount, 'overdue', 'overdue')}
        </Anchor>
        <Anchor href="#upcoming-heading" size="lg" fw={500} c="gray.7">
          {data.upcoming.length} upcoming
        </Anchor>
      </Group>
    </div>
  );
}
