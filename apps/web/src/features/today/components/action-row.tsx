import { Button, Group, Paper, Stack } from '@mantine/core';
import type { TodayActionDto } from '@ptrack/contracts';
import type { Ref } from 'react';
import { Can } from '../../auth/components/can';
import { ActionSummary } from './action-summary';
import { DueLabel } from './due-label';
import { type SnoozeChoice, SnoozeMenu } from './snooze-menu';
import classes from './today.module.css';

type ActionRowProps = {
  action: TodayActionDto;
  today: string;
  selected: boolean;
  busy: boolean;
  snoozeOpened: boolean;
  ref?: Ref<HTMLLIElement>;
  onSelect(): void;
  onDone(): void;
  onLogTouch(): void;
  onSnooze(choice: SnoozeChoice): void;
  onSnoozeOpenedChange(opened: boolean): void;
};

/** One action on the Today list, with its inline Done, Snooze and Log touch. */
export function ActionRow(props: ActionRowProps) {
  const { action, selected, busy } = props;
  const who = action.repName ? `${action.repName} (${action.partnerName})` : action.partnerName;
  const headingId = `action-${action.id}`;
  return (
    // The row is focusable only by script (j/k move the focus to it), so Tab walks the buttons alone.
    // biome-ignore lint/a11y/useKeyWithClickEvents: clicking a row selects it; the keyboard has j/k for that
    <li
      ref={props.ref}
      tabIndex={-1}
      aria-current={selected ? 'true' : undefined}
      aria-labelledby={headingId}
      className={classes.row}
      data-selected={selected || undefined}
      data-testid="today-row"
      data-action-id={action.id}
      onClick={props.onSelect}
    >
      <Paper withBorder p="sm" radius="md" className={classes.card}>
        <div className={classes.rowLayout}>
          <Stack gap={4} className={classes.summary}>
            <ActionSummary action={action} headingId={headingId} />
          </Stack>
          <div className={classes.side}>
            <DueLabel action={action} today={props.today} />
            <Can permission="partners:write">
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  onClick={props.onDone}
                  disabled={busy}
                  aria-label={`Done: ${action.type} with ${who}`}
                  aria-keyshortcuts="d"
                >
                  Done
                </Button>
                <SnoozeMenu
                  opened={props.snoozeOpened}
                  onOpenedChange={props.onSnoozeOpenedChange}
                  onChoose={props.onSnooze}
                  disabled={busy}
                  label={`Snooze ${action.type} with ${who}`}
                />
                <Button
                  size="xs"
                  variant="default"
                  onClick={props.onLogTouch}
                  disabled={busy}
                  aria-label={`Log touch with ${who}`}
                  aria-keyshortcuts="l"
                >
                  Log touch
                </Button>
              </Group>
            </Can>
          </div>
        </div>
      </Paper>
    </li>
  );
}
