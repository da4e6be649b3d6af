import { Group, Stack, Text, Title } from '@mantine/core';
import type { TodayActionDto } from '@ptrack/contracts';
import { formatDay, relativeDay } from '../../../lib/dates';
import { ActionSummary } from './action-summary';
import classes from './today.module.css';

/** Open actions due in the next 7 days, read-only: they are acted on when they come due. */
export function UpcomingList({ items, today }: { items: TodayActionDto[]; today: string }) {
  return (
    <section aria-labelledby="upcoming-heading">
      <Title order={2} size="h4" id="upcoming-heading" mb="xs">
        Upcoming · next 7 days
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="gray.7">
          Nothing scheduled for the next 7 days.
        </Text>
      ) : (
        <ul className={classes.list} data-testid="upcoming-list">
          {items.map((action) => (
            <li key={action.id} className={classes.upcomingRow} data-testid="upcoming-row">
              <Group align="flex-start" gap="sm" wrap="wrap">
                <Text size="sm" fw={600} className={classes.upcomingDate}>
                  {formatDay(action.dueDate)}{' '}
                  <Text span size="sm" c="gray.7" fw={400}>
                    ({relativeDay(action.dueDate, today)})
                  </Text>
                </Text>
                <Stack gap={2} className={classes.summary}>
                  <ActionSummary action={action} />
                </Stack>
              </Group>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
