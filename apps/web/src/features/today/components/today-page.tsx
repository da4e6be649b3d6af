import { Alert, Anchor, Button, Group, Kbd, Loader, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import type { ActionDto } from '@ptrack/contracts';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { fieldError } from '../../../api/client';
import { formatDay, formatLongDay } from '../../../lib/dates';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCan } from '../../auth/hooks/use-session';
import { OnboardingCard } from '../../onboarding/components/onboarding-card';
import { usePartnerCount } from '../../partners/hooks/use-partners';
import { LogTouchDialog } from '../../touches/components/log-touch-dialog';
import { useSnoozeAction } from '../hooks/use-action-mutations';
import { useToday } from '../hooks/use-today';
import { ActionRow } from './action-row';
import { RescheduleOverdueDialog } from './reschedule-overdue-dialog';
import { SnoozeDateDialog } from './snooze-date-dialog';
import type { SnoozeChoice } from './snooze-menu';
import classes from './today.module.css';
import { UpcomingList } from './upcoming-list';

type Dialog = { kind: 'done' | 'log' | 'snooze-date'; action: ActionDto } | { kind: 'reschedule' } | null;

/** Actions grouped by partner, in the order their partners first appear (as `ptrack today` does). */
function groupByPartner(items: ActionDto[]): { partnerId: string; partnerName: string; items: ActionDto[] }[] {
  const groups = new Map<string, { partnerId: string; partnerName: string; items: ActionDto[] }>();
  for (const item of items) {
    const group = groups.get(item.partnerId) ?? { partnerId: item.partnerId, partnerName: item.partnerName, items: [] };
    group.items.push(item);
    groups.set(item.partnerId, group);
  }
  return [...groups.values()];
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The landing page: who to contact today, overdue first (PRODUCT.md "Today"). */
export function TodayPage() {
  const partnerCount = usePartnerCount();
  const { today: data, isPending, error, hasNextPage, fetchNextPage, isFetchingNextPage } = useToday();
  const snooze = useSnoozeAction();
  const [selected, setSelected] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [snoozeMenuFor, setSnoozeMenuFor] = useState<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  const moved = useRef(false);

  // Due today first: it is what the day is for; the overdue backlog follows (issue 14).
  const items = data ? [...data.dueToday, ...data.overdue] : [];
  const index = Math.min(selected, Math.max(items.length - 1, 0));
  const current = items[index];

  // j/k move the focus along with the selection, so screen readers follow it.
  useEffect(() => {
    if (!moved.current || !current) return;
    moved.current = false;
    const row = rowRefs.current.get(current.id);
    row?.focus();
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  const doSnooze = (action: ActionDto, choice: SnoozeChoice) => {
    setSnoozeMenuFor(null);
    if (choice === 'pick') {
      snooze.reset();
      setDialog({ kind: 'snooze-date', action });
      return;
    }
    snooze.mutate(
      { id: action.id, body: { version: action.version, ...choice } },
      {
        onSuccess: (moved) =>
          notifySuccess(
            'Snoozed',
            `${moved.type} with ${moved.repName ?? moved.partnerName} moved to ${formatDay(moved.dueDate)}`,
          ),
        onError: (e) => notifyError(e),
      },
    );
  };

  // Single-key shortcuts, ignored while typing in a field (useHotkeys skips inputs) or with a dialog open.
  const idle = dialog === null && snoozeMenuFor === null;
  const canWrite = useCan('partners:write');
  const move = (delta: number) => {
    if (!idle || items.length === 0) return;
    moved.current = true;
    setSelected(Math.min(Math.max(index + delta, 0), items.length - 1));
  };
  useHotkeys([
    ['j', () => move(1)],
    ['k', () => move(-1)],
    ['d', () => canWrite && idle && current && setDialog({ kind: 'done', action: current })],
    ['l', () => canWrite && idle && current && setDialog({ kind: 'log', action: current })],
    ['s', () => canWrite && idle && current && setSnoozeMenuFor(current.id)],
  ]);

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

  const { overdue, dueToday } = data;
  const renderGroups = (actions: ActionDto[], testId: string) => (
    <Stack gap="sm" data-testid={testId}>
      {groupByPartner(actions).map((group) => (
        <div key={group.partnerId} data-testid="partner-group">
          <Text size="sm" fw={600} c="gray.8" mb={4} component="h3" style={{ margin: 0 }}>
            <Anchor c="inherit" renderRoot={(props) => <Link {...props} to="/partners/$id" params={{ id: group.partnerId }} />}>
              {group.partnerName}
            </Anchor>{' '}
            <Text span size="xs" c="gray.7" fw={400}>
              · {plural(group.items.length, 'action', 'actions')}
            </Text>
          </Text>
          <ul className={classes.list}>{group.items.map(renderRow)}</ul>
        </div>
      ))}
    </Stack>
  );
  const renderRow = (action: ActionDto) => {
    const position = items.indexOf(action);
    return (
      <ActionRow
        key={action.id}
        ref={(el) => {
          if (el) rowRefs.current.set(action.id, el);
          else rowRefs.current.delete(action.id);
        }}
        action={action}
        today={data.today}
        selected={position === index}
        busy={snooze.isPending && snooze.variables?.id === action.id}
        snoozeOpened={snoozeMenuFor === action.id}
        onSelect={() => setSelected(position)}
        onDone={() => setDialog({ kind: 'done', action })}
        onLogTouch={() => setDialog({ kind: 'log', action })}
        onSnooze={(choice) => doSnooze(action, choice)}
        onSnoozeOpenedChange={(opened) => setSnoozeMenuFor(opened ? action.id : null)}
      />
    );
  };

  return (
    <Stack gap="lg">
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

      {items.length === 0 ? (
        <Alert color="teal" variant="light" title="Nothing due today">
          You are up to date. Upcoming actions are listed below.
        </Alert>
      ) : (
        <Stack gap="md">
          <section aria-labelledby="due-today-heading">
            <Title order={2} size="h4" id="due-today-heading" mb="xs">
              Due today ({data.dueTodayCount})
            </Title>
            {dueToday.length > 0 ? (
              renderGroups(dueToday, 'due-today-list')
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
                <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'reschedule' })}>
                  Reschedule overdue…
                </Button>
              </Group>
              {renderGroups(overdue, 'overdue-list')}
            </section>
          ) : null}
          {hasNextPage ? (
            <Button variant="default" onClick={() => fetchNextPage()} loading={isFetchingNextPage} w="fit-content">
              Show more
            </Button>
          ) : null}
          <Text size="xs" c="gray.7" visibleFrom="sm">
            Keys: <Kbd>j</Kbd>/<Kbd>k</Kbd> move · <Kbd>d</Kbd> done · <Kbd>s</Kbd> snooze · <Kbd>l</Kbd> log touch
          </Text>
        </Stack>
      )}

      <UpcomingList items={data.upcoming} today={data.today} />

      {dialog?.kind === 'reschedule' ? (
        <RescheduleOverdueDialog count={data.overdueCount} today={data.today} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'done' || dialog?.kind === 'log' ? (
        <LogTouchDialog
          opening={{ from: dialog.kind === 'done' ? 'done' : 'action', action: dialog.action }}
          today={data.today}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'snooze-date' ? (
        <SnoozeDateDialog
          action={dialog.action}
          today={data.today}
          busy={snooze.isPending}
          error={fieldError(snooze.error, 'until')}
          onClose={() => setDialog(null)}
          onSnooze={(until) =>
            snooze.mutate(
              { id: dialog.action.id, body: { version: dialog.action.version, until } },
              {
                onSuccess: (moved) => {
                  setDialog(null);
                  notifySuccess('Snoozed', `Moved to ${formatDay(moved.dueDate)}`);
                },
                onError: (e) => {
                  if (!fieldError(e, 'until')) notifyError(e);
                },
              },
            )
          }
        />
      ) : null}
    </Stack>
  );
}
