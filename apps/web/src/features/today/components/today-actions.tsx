import { Alert, Button, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import type { TodayActionDto } from '@ptrack/contracts';
import type { SnoozeChoiceState } from '../hooks/use-snooze-choice';
import type { TodayData } from '../hooks/use-today';
import type { useTodaySelection } from '../hooks/use-today-selection';
import { ActionRow } from './action-row';
import { PartnerGroups } from './partner-groups';

type TodayActionsProps = {
  data: TodayData;
  selection: ReturnType<typeof useTodaySelection>;
  snooze: SnoozeChoiceState;
  onDone(action: TodayActionDto): void;
  onLogTouch(action: TodayActionDto): void;
  onReschedule(): void;
  /** More overdue pages are on the server ("Show more"). */
  more: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage(): unknown };
};

/** Due today, then the overdue backlog, grouped by partner; each row with Done, Snooze and Log touch. */
export function TodayActions({ data, selection, snooze, onDone, onLogTouch, onReschedule, more }: TodayActionsProps) {
  const { overdue, dueToday } = data;
  if (dueToday.length + overdue.length === 0) {
    return (
      <Alert color="teal" variant="light" title="Nothing due today">
        You are up to date. Upcoming actions are listed below.
      </Alert>
    );
  }
  const row = (action: TodayActionDto) => (
    <ActionRow
      key={action.id}
      ref={selection.rowRef(action.id)}
      action={action}
      today={data.today}
      selected={selection.isSelected(action)}
      busy={snooze.mutation.isPending && snooze.mutation.variables?.id === action.id}
      snoozeOpened={snooze.menuFor === action.id}
      onSelect={() => selection.select(action)}
      onDone={() => onDone(action)}
      onLogTouch={() => onLogTouch(action)}
      onSnooze={(choice) => snooze.choose(action, choice)}
      onSnoozeOpenedChange={(opened) => snooze.setMenuFor(opened ? action.id : null)}
    />
  );
  return (
    <Stack gap="md">
      <section aria-labelledby="due-today-heading">
        <Title order={2} size="h4" id="due-today-heading" mb="xs">
          Due today ({data.dueTodayCount})
        </Title>
        {dueToday.length > 0 ? (
          <PartnerGroups actions={dueToday} testId="due-today-list" row={row} />
        ) : (
          <Text size="sm" c="gray.7">
            Nothing due today.
          </Text>
        )}
        {data.dueTodayCount > dueToday.length ? (
          <Text size="sm" c="gray.7">
            … and {data.dueTodayCount - dueToday.length} more due today.
          </Text>
        ) : null}
      </section>
      {overdue.length > 0 ? (
        <section aria-labelledby="overdue-heading">
          <Group justify="space-between" align="baseline" mb="xs" wrap="wrap" gap="xs">
            <Title order={2} size="h4" id="overdue-heading">
              Overdue ({data.overdueCount})
            </Title>
            <Button size="xs" variant="default" onClick={onReschedule}>
              Reschedule overdue…
            </Button>
          </Group>
          <PartnerGroups actions={overdue} testId="overdue-list" row={row} />
        </section>
      ) : null}
      {more.hasNextPage ? (
        <Button variant="default" onClick={() => more.fetchNextPage()} loading={more.isFetchingNextPage} w="fit-content">
          Show more
        </Button>
      ) : null}
      <Text size="xs" c="gray.7" visibleFrom="sm">
        Keys: <Kbd>j</Kbd>/<Kbd>k</Kbd> move · <Kbd>d</Kbd> done · <Kbd>s</Kbd> snooze · <Kbd>l</Kbd> log touch
      </Text>
    </Stack>
  );
}
