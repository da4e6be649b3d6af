import { Alert, Group, Loader, Stack, Title } from '@mantine/core';
import type { TodayActionDto } from '@ptrack/contracts';
import { useState } from 'react';
import { useCan } from '../../auth/hooks/use-session';
import { OnboardingCard } from '../../onboarding/components/onboarding-card';
import { usePartnerCount } from '../../partners/hooks/use-partners';
import { useSnoozeChoice } from '../hooks/use-snooze-choice';
import { useToday } from '../hooks/use-today';
import { useTodaySelection } from '../hooks/use-today-selection';
import { TodayActions } from './today-actions';
import { type TodayDialog, TodayDialogs } from './today-dialogs';
import { TodayHeader } from './today-header';
import { UpcomingList } from './upcoming-list';

/** The landing page: who to contact today, overdue first (docs/RULES.md "Today"). */
export function TodayPage() {
  const partnerCount = usePartnerCount();
  const { today: data, isPending, error, hasNextPage, fetchNextPage, isFetchingNextPage } = useToday();
  const [dialog, setDialog] = useState<TodayDialog>(null);
  const snooze = useSnoozeChoice((action) => setDialog({ kind: 'snooze-date', action }));
  // Due today first: it is what the day is for; the overdue backlog follows (issue 14).
  const items = data ? [...data.dueToday, ...data.overdue] : [];
  const onDone = (action: TodayActionDto) => setDialog({ kind: 'done', action });
  const onLogTouch = (action: TodayActionDto) => setDialog({ kind: 'log', action });
  const canWrite = useCan('partners:write');
  const selection = useTodaySelection({
    items,
    idle: dialog === null && snooze.menuFor === null,
    canWrite,
    onDone,
    onLogTouch,
    onSnooze: (action) => snooze.setMenuFor(action.id),
  });

  if (partnerCount.data === 0) {
    return (
      <Stack gap="lg">
        <Title order={1}>Today</Title>
        <OnboardingCard />
      </Stack>
    );
  }

  // Actions imply partners: the onboarding check only holds the page back when Today is empty.
  const hasActions = items.length + (data?.upcoming.length ?? 0) > 0;
  if (isPending || (partnerCount.isPending && !hasActions)) {
    return (
      <Group justify="center" p="xl">
        <Loader aria-label="Loading today's actions" />
      </Group>
    );
  }
  if (error || !data) {
    return (
      <Alert color="red" title="Today could not be loaded" role="alert">
        {error?.message ?? 'Unknown error'}
      </Alert>
    );
  }

  return (
    <Stack gap="lg">
      <TodayHeader data={data} />
      <TodayActions
        data={data}
        selection={selection}
        snooze={snooze}
        onDone={onDone}
        onLogTouch={onLogTouch}
        onReschedule={() => setDialog({ kind: 'reschedule' })}
        more={{ hasNextPage, isFetchingNextPage, fetchNextPage }}
      />
      <UpcomingList items={data.upcoming} today={data.today} />
      <TodayDialogs dialog={dialog} data={data} snooze={snooze.mutation} onClose={() => setDialog(null)} />
    </Stack>
  );
}
