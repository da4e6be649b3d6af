import { Text } from '@mantine/core';
import type { ActionDto } from '@ptrack/contracts';
import { formatDay, relativeDay } from '../../../lib/dates';

/** "3 days overdue", "Due today" or, for upcoming actions, the day. */
export function DueLabel({ action, today }: { action: ActionDto; today: string }) {
  if (action.daysOverdue > 0) {
    return (
      <Text size="sm" fw={600} c="red.9" data-testid="due-label">
        {action.daysOverdue === 1 ? '1 day overdue' : `${action.daysOverdue} days overdue`}
      </Text>
    );
  }
  if (action.dueDate === today) {
    return (
      <Text size="sm" fw={600} c="blue.9" data-testid="due-label">
        Due today
      </Text>
    );
  }
  return (
    <Text size="sm" c="gray.8" data-testid="due-label">
      {formatDay(action.dueDate)} · {relativeDay(action.dueDate, today)}
    </Text>
  );
}
